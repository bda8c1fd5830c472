package io.kafkaconnect.greenhouse.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.harvest.config.HarvestDialects;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The connector configurations in config/ (the zip's etc/): each names a connector of this plugin and only keys
 * that connector or Kafka Connect knows, and Harvest v3, the default, has its examples (JSON for the REST API,
 * properties for a standalone worker).
 */
class ConfigExamplesTest {
    private static final Path CONFIG = Path.of("config");

    /** config/*.json ("config" object) and config/*.properties, by file name. */
    static Map<String, Map<String, String>> examples() throws IOException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(CONFIG)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                Map<String, String> config = new LinkedHashMap<>();
                if (name.endsWith(".json")) {
                    JsonNode file = HubManifest.parse(Files.readAllBytes(f));
                    assertThat(file.path("name").asText()).as(name + ": name").isNotBlank();
                    file.path("config").properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));
                } else if (name.endsWith(".properties")) {
                    Properties p = new Properties();
                    try (Reader r = Files.newBufferedReader(f)) {
                        p.load(r);
                    }
                    p.stringPropertyNames().forEach(k -> config.put(k, p.getProperty(k)));
                } else {
                    continue;
                }
                out.put(name, config);
            }
        }
        return out;
    }

    static List<String> v3Resources() {
        return HarvestDialects.forVersion("v3").resources().stream().map(Resource::name).toList();
    }

    @Test
    void everyExampleNamesAConnectorOfThePluginAndOnlyKeysItKnows() throws IOException {
        Map<String, Map<String, String>> examples = examples();
        assertThat(examples).isNotEmpty();
        List<String> problems = new ArrayList<>();
        examples.forEach((file, config) -> {
            String connector = config.get("connector.class");
            if (!ConnectorConfigKeys.connectorClasses().contains(connector)) {
                problems.add(file + ": connector.class " + connector + " is not a connector of this plugin");
                return;
            }
            ConnectorConfigKeys.unknown(connector, config.keySet())
                    .forEach(k -> problems.add(file + ": unknown key " + k));
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void harvestV3HasAJsonAndAPropertiesExampleWithItsOAuthKeysAndCompactedTopics() throws IOException {
        Map<String, Map<String, String>> examples = examples();
        for (String file : List.of("greenhouse-source-v3.json", "greenhouse-source-v3.properties")) {
            Map<String, String> config = examples.get(file);
            assertThat(config).as(file).isNotNull();
            assertThat(config.get(GreenhouseSourceConfig.API_VERSION)).as(file).isEqualTo("v3");
            assertThat(config).as(file).containsKeys(GreenhouseSourceConfig.OAUTH_CLIENT_ID,
                    GreenhouseSourceConfig.OAUTH_CLIENT_SECRET, GreenhouseSourceConfig.OAUTH_USER_ID)
                    .doesNotContainKey(GreenhouseSourceConfig.API_KEY);
            assertThat(config.get(GreenhouseSourceConfig.OAUTH_CLIENT_SECRET)).as(file + ": the secret")
                    .startsWith("${env:");
            assertThat(config.get("topic.creation.default.cleanup.policy")).as(file).isEqualTo("compact");
            assertThat(config.get("topic.creation.default.retention.ms")).as(file).isEqualTo("-1");
            assertThat(config).as(file).containsKeys("topic.creation.default.replication.factor",
                    "topic.creation.default.partitions");
            assertThat(List.of(config.get(GreenhouseSourceConfig.RESOURCES).split(","))).as(file + ": resources")
                    .isSubsetOf(v3Resources());
        }
    }
}
