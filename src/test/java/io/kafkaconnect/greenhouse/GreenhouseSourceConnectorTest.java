package io.kafkaconnect.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.engine.ConfigErrors;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.connect.errors.ConnectException;
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
        assertThat(ConfigErrors.of(result, "greenhouse.api.key")).anySatisfy(m -> assertThat(m).contains("required"));
        assertThat(ConfigErrors.of(result, "greenhouse.resources")).anySatisfy(m -> assertThat(m).contains("nope"));

        props.put("greenhouse.base.url", "http://example.com");
        assertThat(ConfigErrors.of(new GreenhouseSourceConnector().validate(props), "greenhouse.base.url"))
                .isNotEmpty();
    }

    @Test
    void theApiKeyNeverAppearsInValidateOutput() {
        Map<String, String> props = props();
        props.put("greenhouse.api.key", "very-secret-key");
        Config result = new GreenhouseSourceConnector().validate(props);
        assertThat(result.configValues().toString()).doesNotContain("very-secret-key");
    }

    private static final List<String> OAUTH_KEYS = List.of("greenhouse.oauth.client.id",
            "greenhouse.oauth.client.secret", "greenhouse.oauth.user.id", "greenhouse.oauth.token.url");

    @Test
    void validateHidesTheKeysOfTheOtherApiVersionUnlessTheyAreSet() {
        // an unknown resource keeps validate() from probing the API
        Map<String, String> v3 = new HashMap<>(Map.of("name", "gh", "greenhouse.oauth.client.id", "client-1",
                "greenhouse.oauth.client.secret", "s", "greenhouse.resources", "nope"));
        Config result = new GreenhouseSourceConnector().validate(v3);
        assertThat(visible(result, "greenhouse.api.key")).as("the v1 key, to a v3 user").isFalse();
        OAUTH_KEYS.forEach(key -> assertThat(visible(result, key)).as(key).isTrue());

        Map<String, String> v1 = props();
        v1.put("greenhouse.resources", "nope");
        Config v1Result = new GreenhouseSourceConnector().validate(v1);
        assertThat(visible(v1Result, "greenhouse.api.key")).isTrue();
        OAUTH_KEYS.forEach(key -> assertThat(visible(v1Result, key)).as("%s, to a v1 user", key).isFalse());

        // set where it does not belong: shown, with the error that says so
        v3.put("greenhouse.api.key", "k");
        Config stray = new GreenhouseSourceConnector().validate(v3);
        assertThat(visible(stray, "greenhouse.api.key")).isTrue();
        assertThat(ConfigErrors.of(stray, "greenhouse.api.key")).anySatisfy(m -> assertThat(m).contains("v1 setting"));
        v1.put("greenhouse.oauth.token.url", "https://auth.example.com/token");
        assertThat(visible(new GreenhouseSourceConnector().validate(v1), "greenhouse.oauth.token.url")).isTrue();
    }

    private static boolean visible(Config result, String key) {
        return result.configValues().stream().filter(v -> v.name().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key)).visible();
    }

    private static final Map<String, Object> CANDIDATES = Map.of("api", "v1", "host", "harvest.greenhouse.io",
            "resource", "candidates", "protocol", "1");
    private static final String OWN_PAGE = "https://harvest.greenhouse.io/v1/candidates?per_page=500&page=3";

    /** A window position of candidates, paged at {@code nextPage}. */
    private static Map<String, Object> paged(String nextPage) {
        return Map.of("v", 1, "watermark", "2024-01-01T00:00:00Z", "window_end", "2024-02-01T00:00:00Z",
                "next_page", nextPage, "walk", "prev");
    }

    private static void alter(Map<String, String> props, Map<String, ?> offset) {
        new GreenhouseSourceConnector().alterOffsets(props, Map.of(CANDIDATES, offset));
    }

    @Test
    void writtenOffsetsMayOnlyPageThroughTheResourcesOwnListAtTheConfiguredOrigin() {
        Map<String, String> props = props();
        alter(props, paged(OWN_PAGE));
        assertThatThrownBy(() -> alter(props, paged("harvest.greenhouse.io/v1/candidates?page=3")))
                .isInstanceOf(ConnectException.class).hasMessageContaining("candidates")
                .hasMessageContaining("'next_page' must be an absolute");
        assertThatThrownBy(() -> alter(props, paged("https://evil.example.com/v1/candidates?page=3")))
                .isInstanceOf(ConnectException.class).hasMessageContaining("resource candidates")
                .hasMessageContaining("'next_page' points at https://evil.example.com:443");
        assertThatThrownBy(() -> alter(props, paged("http://harvest.greenhouse.io/v1/candidates?page=3")))
                .as("another scheme is another origin").hasMessageContaining("'next_page' points at");
        assertThatThrownBy(() -> alter(props, paged("https://harvest.greenhouse.io/v1/jobs?page=3")))
                .isInstanceOf(ConnectException.class).hasMessageContaining("resource candidates")
                .hasMessageContaining("'next_page' is a page of /v1/jobs, not of this resource's list /v1/candidates");
        Map<String, Object> backfill = new HashMap<>(Map.of("v", 1, "watermark", 1000, "window_end", 9000));
        backfill.put("reading", "[{\"watermark\": 2000, \"window_end\": 3000, \"walk\": \"prev\", "
                + "\"next_page\": \"https://harvest.greenhouse.io/v3/candidates?page=2\"}]");
        assertThatThrownBy(() -> alter(props, backfill)).as("a backfill piece's page")
                .hasMessageContaining("'next_page' of a piece in 'reading' is a page of /v3/candidates");
        backfill.put("reading", "[{\"watermark\": 2000, \"window_end\": 3000, \"walk\": \"prev\", "
                + "\"next_page\": \"https://harvest.greenhouse.io/v1/candidates?page=2\"}]");
        alter(props, backfill);
    }

    @Test
    void writtenOffsetsMayNotReachIntoTheFuture() {
        Map<String, String> props = props();
        Instant now = Instant.now();
        alter(props, Map.of("v", 1, "watermark", now.minusSeconds(60).toString()));
        alter(props, Map.of("v", 1, "watermark", now.plusSeconds(60).toString())); // the worker's clock may trail
        assertThatThrownBy(() -> alter(props, Map.of("v", 1, "watermark", now.plus(Duration.ofHours(2)).toString())))
                .isInstanceOf(ConnectException.class).hasMessageContaining("resource candidates")
                .hasMessageContaining("'watermark' is").hasMessageContaining("in the future");
        assertThatThrownBy(() -> alter(props, Map.of("v", 1, "watermark", "2024-01-01T00:00:00Z",
                "window_end", "2124-01-01T00:00:00Z")))
                .isInstanceOf(ConnectException.class).hasMessageContaining("resource candidates")
                .hasMessageContaining("'window_end' is 2124-01-01T00:00:00Z, in the future");
    }

    @Test
    void writtenOffsetsMayCarryTheConnectorsOwnCredentialFingerprintButNoOtherOne() {
        Map<String, String> props = props();
        String own = new GreenhouseSourceConfig(props).credentialFingerprint().orElseThrow();
        alter(props, Map.of("v", 1, "watermark", 1000, "credential", own)); // as GET /offsets shows it
        alter(props, Map.of("v", 1, "watermark", 1000));
        assertThatThrownBy(() -> alter(props, Map.of("v", 1, "watermark", 1000, "credential", "0000000000000000")))
                .isInstanceOf(ConnectException.class).hasMessageContaining("resource candidates")
                .hasMessageContaining("'credential' is 0000000000000000");
    }

    /**
     * GET /offsets lists the deletes ledgers' partitions too; DELETE /offsets and a PATCH that resets them write null
     * for each, which is accepted; anything else is the connector's to write.
     */
    @Test
    void aDeletesLedgerPartitionMayBeResetButNotWritten() {
        Map<String, String> props = props();
        Map<String, Object> head = new HashMap<>(CANDIDATES);
        head.put("ledger", "head");
        Map<String, Object> chunk = new HashMap<>(CANDIDATES);
        chunk.put("ledger", "base/1/0");
        Map<Map<String, ?>, Map<String, ?>> reset = new HashMap<>();
        reset.put(head, null);
        reset.put(chunk, null);
        reset.put(CANDIDATES, null);
        new GreenhouseSourceConnector().alterOffsets(props, reset);
        assertThatThrownBy(() -> new GreenhouseSourceConnector().alterOffsets(props,
                Map.of(head, Map.of("v", 1, "gen", 3, "chunks", 0, "journal", 0, "kind", "number"))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("deletes ledger")
                .hasMessageContaining("write null");
    }
}
