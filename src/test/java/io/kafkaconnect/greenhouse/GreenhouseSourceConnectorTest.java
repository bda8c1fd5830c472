package io.kafkaconnect.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.config.EngineConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class GreenhouseSourceConnectorTest {

    private static Map<String, String> props() {
        Map<String, String> props = new HashMap<>();
        props.put("name", "gh");
        props.put("greenhouse.api.version", "v1");
        props.put("greenhouse.api.key", "k");
        props.put("greenhouse.resources", "candidates,applications,jobs,departments");
        return props;
    }

    @Test
    void splitsResourcesSoNoneIsReadTwice() {
        GreenhouseSourceConnector connector = new GreenhouseSourceConnector();
        connector.start(props());
        for (int maxTasks = 1; maxTasks <= 6; maxTasks++) {
            List<Map<String, String>> configs = connector.taskConfigs(maxTasks);
            assertThat(configs).hasSize(Math.min(maxTasks, 4));
            List<String> assigned = new ArrayList<>();
            configs.forEach(c -> assigned.addAll(List.of(c.get(EngineConfig.TASK_RESOURCES).split(","))));
            assertThat(assigned).containsExactlyInAnyOrder("candidates", "applications", "jobs", "departments");
            assertThat(configs).as("each task knows how many share the budget")
                    .allSatisfy(c -> assertThat(c).containsEntry(EngineConfig.TASK_COUNT, String.valueOf(configs.size())));
        }
    }

    @Test
    void hasAVersionFromTheBuild() {
        assertThat(new GreenhouseSourceConnector().version()).isNotBlank().isNotEqualTo("unknown");
    }

    @Test
    void validateAttachesErrorsToTheirFieldsAndNeverThrows() {
        Map<String, String> props = props();
        props.remove("greenhouse.api.key");
        props.put("greenhouse.resources", "candidates,nope");
        Config result = new GreenhouseSourceConnector().validate(props);
        assertThat(errors(result, "greenhouse.api.key")).anySatisfy(m -> assertThat(m).contains("required"));
        assertThat(errors(result, "greenhouse.resources")).anySatisfy(m -> assertThat(m).contains("nope"));

        props.put("greenhouse.base.url", "http://example.com");
        assertThat(errors(new GreenhouseSourceConnector().validate(props), "greenhouse.base.url")).isNotEmpty();
    }

    @Test
    void theApiKeyNeverAppearsInValidateOutput() {
        Map<String, String> props = props();
        props.put("greenhouse.api.key", "very-secret-key");
        Config result = new GreenhouseSourceConnector().validate(props);
        assertThat(result.configValues().toString()).doesNotContain("very-secret-key");
    }

    private static List<String> errors(Config config, String key) {
        return config.configValues().stream().filter(v -> v.name().equals(key)).findFirst()
                .map(ConfigValue::errorMessages).orElseThrow();
    }
}
