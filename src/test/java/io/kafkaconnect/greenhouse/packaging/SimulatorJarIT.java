package io.kafkaconnect.greenhouse.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * target/simulator/harvest-simulator.jar (docker/simulator) is runnable on its own: {@code java -jar} starts the
 * Harvest simulator, and {@link SimulatorDump} in the same jar reads every record back, over v1 and over v3 (OAuth).
 * No Docker needed.
 */
class SimulatorJarIT {
    static final Path JAR = Path.of("target/simulator/harvest-simulator.jar");
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @Test
    void theJarHoldsTheSimulatorAndJacksonButNoTests() throws IOException {
        assertThat(JAR).exists();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("io.kafkaconnect.greenhouse.simulator.HarvestSimulator");
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            assertThat(names).contains("io/kafkaconnect/greenhouse/simulator/HarvestSimulator.class",
                    "io/kafkaconnect/greenhouse/packaging/SimulatorDump.class",
                    "com/fasterxml/jackson/databind/ObjectMapper.class");
            assertThat(names).noneMatch(n -> n.endsWith("Test.class") || n.contains("okhttp") || n.contains("junit"));
        }
    }

    @Test
    void javaDashJarServesRecordsThatTheDumpReadsBack() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process sim = new ProcessBuilder(java, "-Xmx128m", "-jar", JAR.toString(), "--port", "0", "--seed", "3",
                "--api-key", "jar-it-key", "--client-id", "jar-it-client", "--client-secret", "jar-it-secret",
                "--records", "candidates=520,user_roles=4")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> baseUrl = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            return m.group(1);
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            });
            String base = baseUrl.get(60, TimeUnit.SECONDS);
            assertThat(base).as("the simulator printed its URL").isNotNull();

            JsonNode all = dump(java, base, "--api-key", "jar-it-key", "candidates=/v1/candidates",
                    "user_roles=/v1/user_roles");
            assertThat(all.path("candidates")).as("520 candidates over two pages").hasSize(520);
            assertThat(all.path("user_roles")).hasSize(4);
            List<Long> ids = new ArrayList<>();
            all.path("candidates").forEach(c -> ids.add(c.path("id").asLong()));
            assertThat(ids).doesNotHaveDuplicates();

            JsonNode v3 = dump(java, base, "--oauth-client", "jar-it-client", "jar-it-secret",
                    "candidates=/v3/candidates");
            List<Long> v3Ids = new ArrayList<>();
            v3.path("candidates").forEach(c -> v3Ids.add(c.path("id").asLong()));
            assertThat(v3Ids).as("the same candidates over v3, with a token of the OAuth client")
                    .containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            sim.destroy();
            if (!sim.waitFor(20, TimeUnit.SECONDS)) {
                sim.destroyForcibly();
            }
        }
    }

    private static JsonNode dump(String java, String base, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m", "-cp", JAR.toString(),
                "io.kafkaconnect.greenhouse.packaging.SimulatorDump", base));
        cmd.addAll(List.of(args));
        Process dump = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(dump.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        byte[] json = dump.getInputStream().readAllBytes();
        assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dump.exitValue()).as(err.get(10, TimeUnit.SECONDS)).isZero();
        return HubManifest.parse(json);
    }
}
