package io.kafkaconnect.greenhouse.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * config/strimzi/ checked statically, at the level of Strimzi's custom resource schemas (no cluster needed): the
 * kinds and API versions, the fields Strimzi requires, a KafkaConnect whose {@code spec.build} fetches this
 * build's .tar.gz, and a Harvest v3 KafkaConnector on that cluster whose every config key the connector or Kafka
 * Connect knows, with its OAuth secret read from a Kubernetes Secret the Connect pods may read.
 */
class StrimziResourcesTest {
    static final Path DIR = Path.of("config/strimzi");
    private static final String STRIMZI = "kafka.strimzi.io/v1beta2";
    private static final String RBAC = "rbac.authorization.k8s.io/v1";
    private static final Map<String, String> API_VERSIONS = Map.of("KafkaConnect", STRIMZI, "KafkaConnector", STRIMZI,
            "Role", RBAC, "RoleBinding", RBAC);
    private static final Pattern SECRET_REF = Pattern.compile("\\$\\{secrets:([^/}]+)/([^:}]+):([^}]+)}");
    private static final Pattern SHA512 = Pattern.compile("[0-9a-f]{128}|REPLACE_WITH_[A-Z0-9_]+");

    /** Every YAML document of config/strimzi/*.yaml, in file order. */
    static List<JsonNode> documents() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        List<JsonNode> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(f.toFile())) {
                    it.forEachRemaining(d -> {
                        if (d != null && !d.isNull() && !d.isEmpty()) {
                            docs.add(d);
                        }
                    });
                }
            }
        }
        return docs;
    }

    private static JsonNode only(List<JsonNode> docs, String kind) {
        List<JsonNode> found = docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
        assertThat(found).as("one " + kind + " in " + DIR).hasSize(1);
        return found.get(0);
    }

    @Test
    void everyResourceHasAKnownKindItsApiVersionAndANameInOneNamespace() throws IOException {
        List<JsonNode> docs = documents();
        assertThat(docs).isNotEmpty();
        for (JsonNode d : docs) {
            String kind = d.path("kind").asText();
            assertThat(API_VERSIONS).as("kind").containsKey(kind);
            assertThat(d.path("apiVersion").asText()).as(kind + " apiVersion").isEqualTo(API_VERSIONS.get(kind));
            assertThat(d.path("metadata").path("name").asText()).as(kind + " metadata.name").matches("[a-z0-9-]+");
        }
        assertThat(docs.stream().map(d -> d.path("metadata").path("namespace").asText()).distinct())
                .as("namespaces").hasSize(1);
    }

    @Test
    void theKafkaConnectBuildsTheConnectorFromThisBuildsTarGz() throws IOException {
        JsonNode connect = only(documents(), "KafkaConnect");
        JsonNode spec = connect.path("spec");
        assertThat(spec.path("bootstrapServers").asText()).as("spec.bootstrapServers (required)").isNotBlank();
        assertThat(spec.path("version").asText()).as("spec.version: Kafka Connect 4.0 or later").matches("[4-9]\\..*");
        assertThat(connect.path("metadata").path("annotations").path("strimzi.io/use-connector-resources").asText())
                .isEqualTo("true");
        for (String key : List.of("group.id", "offset.storage.topic", "config.storage.topic", "status.storage.topic")) {
            assertThat(spec.path("config").path(key).asText()).as("spec.config." + key).isNotBlank();
        }

        JsonNode build = spec.path("build");
        assertThat(build.path("output").path("type").asText()).as("spec.build.output.type").isIn("docker", "imagestream");
        assertThat(build.path("output").path("image").asText()).as("spec.build.output.image").isNotBlank();
        assertThat(build.path("plugins")).as("spec.build.plugins").hasSize(1);
        JsonNode plugin = build.path("plugins").get(0);
        assertThat(plugin.path("name").asText()).matches("[a-z0-9-]+");
        assertThat(plugin.path("artifacts")).hasSize(1);
        JsonNode artifact = plugin.path("artifacts").get(0);
        assertThat(artifact.path("type").asText()).isEqualTo("tgz");
        String url = artifact.path("url").asText();
        String archive = Pattern.quote(HubManifest.componentName("")) + "[0-9][^/]*\\.tar\\.gz";
        assertThat(url).as("the .tar.gz mvn package builds, published")
                .startsWith(HubManifest.template().path("source_url").asText() + "/")
                .matches("https://.*/" + archive);
        assertThat(artifact.path("sha512sum").asText()).as("sha512sum: the .tar.gz.sha512's hex, or a placeholder")
                .matches(SHA512);
    }

    @Test
    void theKafkaConnectorIsHarvestV3OnThatClusterWithOnlyKeysTheConnectorKnows() throws IOException {
        List<JsonNode> docs = documents();
        JsonNode connect = only(docs, "KafkaConnect");
        JsonNode connector = only(docs, "KafkaConnector");
        assertThat(connector.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                .as("strimzi.io/cluster names the KafkaConnect").isEqualTo(connect.path("metadata").path("name").asText());
        JsonNode spec = connector.path("spec");
        String connectorClass = spec.path("class").asText();
        assertThat(ConnectorConfigKeys.connectorClasses()).as("spec.class").contains(connectorClass);
        assertThat(spec.path("tasksMax").asInt()).as("spec.tasksMax").isPositive();

        Map<String, String> config = new LinkedHashMap<>();
        spec.path("config").properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));
        assertThat(config).as("spec.class and spec.tasksMax, not config keys")
                .doesNotContainKeys("connector.class", "tasks.max");
        assertThat(ConnectorConfigKeys.unknown(connectorClass, config.keySet())).as("keys nobody knows").isEmpty();
        assertThat(config.get(GreenhouseSourceConfig.API_VERSION)).isEqualTo("v3");
        assertThat(config).doesNotContainKey(GreenhouseSourceConfig.API_KEY);
        assertThat(List.of(config.get(GreenhouseSourceConfig.RESOURCES).split(","))).as("v3 resources")
                .isSubsetOf(ConfigExamplesTest.v3Resources());
        assertThat(config.get("topic.creation.default.cleanup.policy")).isEqualTo("compact");
    }

    @Test
    void theOAuthSecretComesFromAKubernetesSecretTheConnectPodsMayRead() throws IOException {
        List<JsonNode> docs = documents();
        JsonNode connect = only(docs, "KafkaConnect");
        JsonNode config = only(docs, "KafkaConnector").path("spec").path("config");
        String secret = config.path(GreenhouseSourceConfig.OAUTH_CLIENT_SECRET).asText();
        Matcher ref = SECRET_REF.matcher(secret);
        assertThat(ref.matches()).as(GreenhouseSourceConfig.OAUTH_CLIENT_SECRET + " is a ${secrets:ns/name:key}: "
                + secret).isTrue();
        String namespace = ref.group(1);
        String secretName = ref.group(2);

        JsonNode workerConfig = connect.path("spec").path("config");
        assertThat(List.of(workerConfig.path("config.providers").asText().split(","))).contains("secrets");
        assertThat(workerConfig.path("config.providers.secrets.class").asText())
                .isEqualTo("io.strimzi.kafka.KubernetesSecretConfigProvider");

        JsonNode role = only(docs, "Role");
        assertThat(role.path("metadata").path("namespace").asText()).isEqualTo(namespace);
        boolean grants = false;
        for (JsonNode rule : role.path("rules")) {
            grants |= contains(rule.path("resources"), "secrets") && contains(rule.path("verbs"), "get")
                    && contains(rule.path("resourceNames"), secretName) && contains(rule.path("apiGroups"), "");
        }
        assertThat(grants).as("the Role lets its subjects get Secret " + secretName).isTrue();
        JsonNode binding = only(docs, "RoleBinding");
        assertThat(binding.path("roleRef").path("kind").asText()).isEqualTo("Role");
        assertThat(binding.path("roleRef").path("name").asText()).isEqualTo(role.path("metadata").path("name").asText());
        String serviceAccount = connect.path("metadata").path("name").asText() + "-connect";
        boolean bound = false;
        for (JsonNode subject : binding.path("subjects")) {
            bound |= subject.path("kind").asText().equals("ServiceAccount")
                    && subject.path("name").asText().equals(serviceAccount);
        }
        assertThat(bound).as("bound to the Connect pods' service account " + serviceAccount).isTrue();
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
