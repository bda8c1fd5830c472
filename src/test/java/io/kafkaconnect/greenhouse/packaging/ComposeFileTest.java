package io.kafkaconnect.greenhouse.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.harvest.config.HarvestDialects;
import io.kafkaconnect.greenhouse.simulator.Dialect;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Static checks of docker/ (no Docker engine needed): every variable is defined, every image is pinned, every
 * path a service or Dockerfile refers to exists (or, under target/, is what {@code mvn package} builds), the
 * Dockerfiles' ignore files let those files through, and the demo connector config fits the stack. The build
 * outputs themselves are checked after {@code package} by {@link DockerBuildInputsIT}.
 */
class ComposeFileTest {
    private static final Pattern PINNED = Pattern.compile("[^\\s:@]+(:[A-Za-z0-9_.-]*[0-9][A-Za-z0-9_.-]*)?(@sha256:[0-9a-f]{64})?");
    static final Path CONNECTOR_CONFIG = Path.of("config/greenhouse-source-avro.json");

    private final ComposeFile compose = ComposeFile.load();

    /** What {@code mvn package} builds under target/ that a Dockerfile may COPY. */
    static List<String> buildOutputs() {
        Pom pom = Pom.load();
        return List.of("target/components/packages/" + pom.resolve("${hub.component}") + ".zip",
                "target/simulator/harvest-simulator.jar");
    }

    @Test
    void everyVariableIsDefinedAndEveryEnvEntryIsUsed() throws IOException {
        assertThat(compose.interpolationProblems()).isEmpty();
        String text = Files.readString(ComposeFile.FILE);
        List<String> unused = compose.env().keySet().stream()
                .filter(k -> !Pattern.compile("\\$\\{?" + k + "\\b").matcher(text).find()).toList();
        assertThat(unused).as("entries of docker/.env that docker-compose.yml does not use").isEmpty();
    }

    @Test
    void everyImageIsPinned() {
        List<String> problems = new ArrayList<>();
        for (String s : compose.serviceNames()) {
            JsonNode service = compose.service(s);
            assertThat(service.has("image") || service.has("build")).as(s + " has an image or a build").isTrue();
            if (service.has("image") && !service.has("build")) {
                checkPinned(s, service.path("image").asText(), problems);
            }
            if (compose.isBuilt(s) && Files.isRegularFile(compose.dockerfile(s))) {
                Dockerfile d = compose.parsedDockerfile(s);
                for (String image : d.baseImages(compose.buildArgs(s), problems)) {
                    checkPinned(s + " (" + d.path() + ")", image, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void checkPinned(String where, String image, List<String> problems) {
        boolean hasTag = image.contains("@sha256:") || image.lastIndexOf(':') > image.lastIndexOf('/');
        if (!hasTag || !PINNED.matcher(image).matches() || image.endsWith(":latest")) {
            problems.add(where + ": image '" + image + "' is not pinned to a version");
        }
    }

    @Test
    void everyReferencedPathExists() {
        List<String> outputs = buildOutputs();
        List<String> problems = new ArrayList<>();
        for (String s : compose.serviceNames()) {
            JsonNode service = compose.service(s);
            if (compose.isBuilt(s)) {
                Path context = compose.buildContext(s);
                Path dockerfile = compose.dockerfile(s);
                if (!Files.isDirectory(context)) {
                    problems.add(s + ": build context " + context + " is not a directory");
                    continue;
                }
                if (!Files.isRegularFile(dockerfile)) {
                    problems.add(s + ": Dockerfile " + dockerfile + " does not exist");
                    continue;
                }
                if (!dockerfile.toAbsolutePath().normalize().startsWith(context.toAbsolutePath().normalize())) {
                    problems.add(s + ": Dockerfile " + dockerfile + " is outside the build context " + context);
                }
                Dockerfile d = compose.parsedDockerfile(s);
                for (String source : d.contextSources()) {
                    problems.addAll(checkSource(s, context, d, source, outputs));
                }
            }
            for (JsonNode volume : service.path("volumes")) {
                String spec = volume.isTextual() ? volume.asText() : volume.path("source").asText();
                String host = spec.split(":")[0];
                if (host.startsWith(".") || host.startsWith("/")) {
                    Path p = ComposeFile.DOCKER_DIR.resolve(host).normalize();
                    if (!Files.exists(p)) {
                        problems.add(s + ": volume source " + p + " does not exist");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static List<String> checkSource(String service, Path context, Dockerfile d, String source,
                                            List<String> outputs) {
        List<String> problems = new ArrayList<>();
        if (source.startsWith("target/")) {
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + source);
            List<String> matching = outputs.stream().filter(o -> glob.matches(Path.of(o))).toList();
            if (matching.isEmpty()) {
                problems.add(service + ": " + d.path() + " copies " + source + ", which matches none of what mvn "
                        + "package builds: " + outputs);
            }
            for (String m : matching) {
                if (d.ignores(m)) {
                    problems.add(service + ": " + d.ignoreFile() + " keeps " + m + " out of the build context");
                }
            }
        } else {
            Path p = context.resolve(source);
            if (!Files.exists(p)) {
                problems.add(service + ": " + d.path() + " copies " + source + ", which does not exist in " + context);
            } else if (d.ignores(source)) {
                problems.add(service + ": " + d.ignoreFile() + " keeps " + source + " out of the build context");
            }
        }
        return problems;
    }

    @Test
    void everyBuildArgTheDockerfilesNeedIsPassed() {
        for (String s : compose.serviceNames()) {
            if (!compose.isBuilt(s)) {
                continue;
            }
            Dockerfile d = compose.parsedDockerfile(s);
            Set<String> needed = d.argsUsedInFrom();
            assertThat(d.globalArgs().keySet()).as(d.path() + ": ARGs before the first FROM").containsAll(needed);
            for (String arg : needed) {
                if (d.globalArgs().get(arg) == null) {
                    assertThat(compose.buildArgs(s).get(arg)).as(s + ": build arg " + arg).isNotBlank();
                }
            }
        }
    }

    @Test
    void servicesReferToServicesThatExist() {
        Set<String> names = new HashSet<>(compose.serviceNames());
        Map<String, String> hostPorts = new HashMap<>();
        for (String s : compose.serviceNames()) {
            JsonNode service = compose.service(s);
            JsonNode dependsOn = service.path("depends_on");
            if (dependsOn.isArray()) {
                dependsOn.forEach(d -> assertThat(names).as(s + " depends_on").contains(d.asText()));
            } else {
                dependsOn.fieldNames().forEachRemaining(d -> assertThat(names).as(s + " depends_on").contains(d));
            }
            String networkMode = service.path("network_mode").asText("");
            if (networkMode.startsWith("service:")) {
                assertThat(names).as(s + " network_mode").contains(networkMode.substring("service:".length()));
            }
            for (JsonNode port : service.path("ports")) {
                String[] parts = port.asText().split(":");
                if (parts.length >= 2) {
                    String previous = hostPorts.put(parts[parts.length - 2], s);
                    assertThat(previous).as("host port " + parts[parts.length - 2] + " published twice").isNull();
                }
            }
        }
    }

    @Test
    void theWorkerAndRegistryReachTheBrokerAndTheWorkerLoadsThePlugin() {
        String advertised = compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
        Set<String> brokers = new HashSet<>();
        for (String l : advertised.split(",")) {
            brokers.add(hostPort(l));
        }
        assertThat(brokers).contains(hostPort(compose.environment("connect").get("CONNECT_BOOTSTRAP_SERVERS")));
        assertThat(brokers).contains(hostPort(compose.environment("schema-registry")
                .get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS")));

        List<String> pluginPath = Arrays.stream(compose.environment("connect").get("CONNECT_PLUGIN_PATH").split(","))
                .map(p -> p.strip().replaceAll("/+$", "")).toList();
        List<String> installed = compose.parsedDockerfile("connect").copyFromStageDestinations();
        assertThat(installed).as("the connect Dockerfile installs the plugin").isNotEmpty();
        installed.forEach(dest -> assertThat(pluginPath).contains(dest.replaceAll("/+$", "")));
    }

    /** "host:port" of a Kafka listener or bootstrap address ("NAME://host:port" or "host:port"). */
    private static String hostPort(String address) {
        String a = address.strip();
        int scheme = a.indexOf("://");
        return scheme < 0 ? a : a.substring(scheme + 3);
    }

    @Test
    void theAvroConnectorConfigFitsTheStack() throws IOException {
        JsonNode file = HubManifest.parse(Files.readAllBytes(CONNECTOR_CONFIG));
        assertThat(file.path("name").asText()).isNotBlank();
        Map<String, String> config = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : file.path("config").properties()) {
            config.put(e.getKey(), e.getValue().asText());
        }

        // the connector: its class, and every key of its own valid
        assertThat(ConnectorConfigKeys.connectorClasses()).contains(config.get("connector.class"));
        List<String> errors = new ArrayList<>();
        for (ConfigValue v : GreenhouseSourceConfig.CONFIG_DEF.validate(config)) {
            v.errorMessages().forEach(m -> errors.add(v.name() + ": " + m));
        }
        assertThat(errors).isEmpty();

        // Avro keys and values, with the registry of the compose file
        assertThat(config.get("key.converter")).isEqualTo("io.confluent.connect.avro.AvroConverter");
        assertThat(config.get("value.converter")).isEqualTo("io.confluent.connect.avro.AvroConverter");
        URI registry = URI.create(compose.environment("schema-registry").get("SCHEMA_REGISTRY_LISTENERS"));
        String registryUrl = "http://" + compose.service("schema-registry").path("hostname").asText("schema-registry")
                + ":" + registry.getPort();
        assertThat(config.get("key.converter.schema.registry.url")).isEqualTo(registryUrl);
        assertThat(config.get("value.converter.schema.registry.url")).isEqualTo(registryUrl);

        // the simulator: in the worker's network namespace, on the port and with the OAuth client the config uses
        assertThat(compose.service("simulator").path("network_mode").asText()).isEqualTo("service:connect");
        List<String> command = compose.parsedDockerfile("simulator").command();
        assertThat(command).contains("io.kafkaconnect.greenhouse.simulator.HarvestSimulator");
        URI base = URI.create(config.get("greenhouse.base.url"));
        assertThat(base.getHost()).isIn("127.0.0.1", "localhost");
        assertThat(flag(command, "--port")).isEqualTo(String.valueOf(base.getPort()));
        assertThat(config.get("greenhouse.api.version")).as("the stack shows Harvest v3").isEqualTo("v3");
        assertThat(flag(command, "--client-id")).isEqualTo(config.get("greenhouse.oauth.client.id"));
        assertThat(flag(command, "--client-secret")).isEqualTo(config.get("greenhouse.oauth.client.secret"));
        URI tokenUrl = URI.create(config.get("greenhouse.oauth.token.url"));
        assertThat(tokenUrl.resolve("/")).as("the token endpoint is the simulator's").isEqualTo(base.resolve("/"));
        assertThat(tokenUrl.getPath()).isEqualTo(HarvestSimulator.TOKEN_PATH);

        Set<String> served = HarvestSimulator.builder().defaultRecords(0).build().resources(Dialect.V3);
        Set<String> v3 = new HashSet<>();
        for (Resource r : HarvestDialects.forVersion("v3").resources()) {
            v3.add(r.name());
        }
        for (String r : config.get("greenhouse.resources").split(",")) {
            assertThat(v3).as("v3 resource").contains(r.strip());
            assertThat(served).as("the simulator serves").contains(r.strip());
        }
        for (String kv : flag(command, "--records").split(",")) {
            assertThat(served).as("--records of the simulator").contains(kv.split("=")[0]);
        }
    }

    private static String flag(List<String> command, String name) {
        int i = command.indexOf(name);
        assertThat(i).as(name + " in " + command).isNotNegative().isLessThan(command.size() - 1);
        return command.get(i + 1);
    }

    /**
     * The same file through Compose itself, where a Compose is installed ({@code docker compose} v2 or Debian's
     * {@code docker-compose}); {@code config} needs no Docker engine. Skipped otherwise.
     */
    @Test
    void composeItselfAcceptsTheFile() throws Exception {
        List<String> cli = composeCli();
        Assumptions.assumeTrue(cli != null, "no docker compose / docker-compose on this machine");
        List<String> cmd = new ArrayList<>(cli);
        cmd.addAll(List.of("-f", ComposeFile.FILE.toString(), "config", "-q"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ":\n" + out).isZero();
    }

    private static List<String> composeCli() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> cmd = new ArrayList<>(candidate);
            cmd.add("version");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // not installed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
