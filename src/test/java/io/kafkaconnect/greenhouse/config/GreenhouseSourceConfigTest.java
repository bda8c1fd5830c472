package io.kafkaconnect.greenhouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.dialect.Resource;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class GreenhouseSourceConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put("greenhouse.api.version", "v1");
        props.put("greenhouse.api.key", "k");
        return props;
    }

    @Test
    void defaults() {
        GreenhouseSourceConfig config = new GreenhouseSourceConfig(minimal());
        assertThat(config.baseUrl().toString()).isEqualTo("https://harvest.greenhouse.io/");
        assertThat(config.topicPrefix()).isEqualTo("greenhouse");
        assertThat(config.pageSize()).isEqualTo(500);
        assertThat(config.pollInterval().toMillis()).isEqualTo(60_000);
        assertThat(config.syncStart()).isEmpty();
        assertThat(config.resources()).extracting(Resource::name).contains("candidates", "applications", "jobs", "departments");
    }

    @Test
    void theApiVersionIsRequiredAndV3IsRejectedClearly() {
        Map<String, String> props = minimal();
        props.remove("greenhouse.api.version");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("greenhouse.api.version");
        props.put("greenhouse.api.version", "v3");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("v3 is not supported");
    }

    @Test
    void theApiKeyIsRequiredForV1() {
        Map<String, String> props = minimal();
        props.remove("greenhouse.api.key");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("greenhouse.api.key is required");
    }

    @Test
    void httpIsOnlyAcceptedForLoopback() {
        Map<String, String> props = minimal();
        props.put("greenhouse.base.url", "http://127.0.0.1:8080");
        assertThat(new GreenhouseSourceConfig(props).baseUrl().port()).isEqualTo(8080);
        props.put("greenhouse.base.url", "http://localhost:8080/");
        new GreenhouseSourceConfig(props);
        props.put("greenhouse.base.url", "http://[::1]:8080/");
        new GreenhouseSourceConfig(props);
        props.put("greenhouse.base.url", "http://harvest.greenhouse.io");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("must use https://");
        props.put("greenhouse.base.url", "not a url");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("greenhouse.base.url");
    }

    @Test
    void resourcesAreCheckedAgainstTheDialect() {
        Map<String, String> props = minimal();
        props.put("greenhouse.resources", "jobs, candidates");
        assertThat(new GreenhouseSourceConfig(props).resources()).extracting(Resource::name)
                .containsExactlyInAnyOrder("jobs", "candidates");
        props.put("greenhouse.resources", "jobs,candidatez");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("candidatez");
    }

    @Test
    void syncStartAndPageSizeAreValidated() {
        Map<String, String> props = minimal();
        props.put("sync.start", "2024-01-01T00:00:00Z");
        assertThat(new GreenhouseSourceConfig(props).syncStart()).contains(Instant.parse("2024-01-01T00:00:00Z"));
        props.put("sync.start", "yesterday");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("sync.start");
        props.remove("sync.start");
        props.put("page.size", "501");
        assertThatThrownBy(() -> new GreenhouseSourceConfig(props)).hasMessageContaining("page.size");
    }
}
