package io.kafkaconnect.greenhouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.GreenhouseSourceConnector;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.core.Fault;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** validate(): field checks, then a live check against the simulator with errors on the right field. */
class ValidateTest {
    private static final String KEY = "validate-key";
    private static HarvestSimulator sim;

    @BeforeAll
    static void start() {
        sim = HarvestSimulator.builder().apiKey(KEY).defaultRecords(3).build().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Map<String, String> props(String baseUrl, String key) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "gh");
        props.put("greenhouse.api.version", "v1");
        props.put("greenhouse.api.key", key);
        props.put("greenhouse.base.url", baseUrl);
        props.put("greenhouse.resources", "candidates,jobs,applications,departments");
        props.put("validation.timeout.ms", "2000");
        return props;
    }

    @Test
    void aGoodConfigurationHasNoErrorsAndReadsOneRecordPerResource() {
        sim.clearRequestLog();
        Config result = new GreenhouseSourceConnector().validate(props(sim.baseUrl(), KEY));
        assertThat(ConfigErrors.all(result)).isEmpty();
        assertThat(sim.requestLog()).extracting(r -> r.path()).containsExactlyInAnyOrder(
                "/v1/candidates", "/v1/jobs", "/v1/applications", "/v1/departments");
        assertThat(sim.requestLog()).allSatisfy(r -> assertThat(r.query()).containsEntry("per_page", "1"));
    }

    @Test
    void wrongCredentialsAreReportedOnTheKeyWithoutShowingIt() {
        Config result = new GreenhouseSourceConnector().validate(props(sim.baseUrl(), "wrong-key-123"));
        assertThat(ConfigErrors.of(result, "greenhouse.api.key")).singleElement().asString().contains("401");
        assertThat(result.toString()).doesNotContain("wrong-key-123");
    }

    @Test
    void resourcesTheCredentialMayNotReadAreNamedInOneMessageOnTheResourcesSetting() {
        sim.setStatusFor("/v1/applications", 403);
        sim.setStatusFor("/v1/jobs", 403);
        try {
            Config result = new GreenhouseSourceConnector().validate(props(sim.baseUrl(), KEY));
            assertThat(ConfigErrors.of(result, "greenhouse.resources")).singleElement().asString()
                    .contains("may not read 2 of the 4 selected resources (HTTP 403): applications, jobs.")
                    .contains("grant the API key access to the endpoints of these resources")
                    .contains("resources.forbidden=skip");
            assertThat(ConfigErrors.of(result, "greenhouse.api.key")).isEmpty();
        } finally {
            sim.clearStatusFor("/v1/applications");
            sim.clearStatusFor("/v1/jobs");
        }
    }

    @Test
    void withForbiddenResourcesSkippedTheyPassUnlessNoSelectedResourceIsReadable() {
        Map<String, String> props = props(sim.baseUrl(), KEY);
        props.put("resources.forbidden", "skip");
        sim.setStatusFor("/v1/applications", 403);
        sim.setStatusFor("/v1/jobs", 403);
        try {
            assertThat(ConfigErrors.all(new GreenhouseSourceConnector().validate(props))).isEmpty();

            props.put("greenhouse.resources", "jobs,applications");
            assertThat(ConfigErrors.of(new GreenhouseSourceConnector().validate(props), "greenhouse.resources"))
                    .singleElement().asString()
                    .contains("may not read any of the 2 selected resources (HTTP 403): applications, jobs.");
        } finally {
            sim.clearStatusFor("/v1/applications");
            sim.clearStatusFor("/v1/jobs");
        }
    }

    @Test
    void anUnreachableOrSlowServerIsReportedOnTheBaseUrlWithinTheTimeout() {
        long start = System.nanoTime();
        Config unreachable = new GreenhouseSourceConnector().validate(props("http://127.0.0.1:1", KEY));
        assertThat(ConfigErrors.of(unreachable, "greenhouse.base.url")).isNotEmpty();

        HarvestSimulator slow = HarvestSimulator.builder().apiKey(KEY).defaultRecords(2)
                .latency(Duration.ofSeconds(5), Duration.ZERO, 0.0).build().start();
        try {
            Config result = new GreenhouseSourceConnector().validate(props(slow.baseUrl(), KEY));
            assertThat(ConfigErrors.of(result, "greenhouse.base.url")).singleElement().asString().contains("2000 ms");
        } finally {
            slow.close();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void theLiveCheckRunsOnlyWhenTheFieldsAreValid() {
        sim.clearRequestLog();
        Map<String, String> props = props(sim.baseUrl(), KEY);
        props.put("page.size", "9000");
        Config result = new GreenhouseSourceConnector().validate(props);
        assertThat(ConfigErrors.of(result, "page.size")).isNotEmpty();
        assertThat(sim.requestLog()).isEmpty();
    }

    /** Another API host, which refuses this key: a redirect followed there with or without it fails validation. */
    private static HarvestSimulator elsewhere() {
        return HarvestSimulator.builder().apiKey("another-key").defaultRecords(1).build().start();
    }

    @Test
    void anOccasionalRedirectToAnotherHostDoesNotRejectTheConfiguration() {
        try (HarvestSimulator other = elsewhere()) {
            sim.faults().redirectElsewhereTo(other.baseUrl()).every(20, Fault.REDIRECT_ELSEWHERE);
            for (int i = 0; i < 10; i++) {
                assertThat(ConfigErrors.all(new GreenhouseSourceConnector().validate(props(sim.baseUrl(), KEY))))
                        .as("validation %d", i).isEmpty();
            }
            assertThat(sim.faults().injectedCount()).isGreaterThanOrEqualTo(2);
            assertThat(other.requestLog()).isEmpty();
        } finally {
            sim.faults().clear();
            sim.faults().redirectElsewhereTo(null);
        }
    }

    @Test
    void failuresThatPassAreRetriedWithinTheValidationTimeout() {
        try (HarvestSimulator other = elsewhere()) {
            sim.faults().redirectElsewhereTo(other.baseUrl()).failNextOn("/v1/jobs", 3, Fault.REDIRECT_ELSEWHERE);
            assertThat(ConfigErrors.all(new GreenhouseSourceConnector().validate(props(sim.baseUrl(), KEY)))).isEmpty();
            assertThat(sim.faults().pending()).isZero();
        } finally {
            sim.faults().clear();
            sim.faults().redirectElsewhereTo(null);
        }
    }

    @Test
    void aRedirectToAnotherHostThatPersistsIsReportedOnTheBaseUrlNamingTheTarget() {
        try (HarvestSimulator other = elsewhere()) {
            sim.faults().redirectElsewhereTo(other.baseUrl()).failNextOn("/v1/jobs", 1_000, Fault.REDIRECT_ELSEWHERE);
            Config result = new GreenhouseSourceConnector().validate(props(sim.baseUrl(), KEY));
            assertThat(ConfigErrors.of(result, "greenhouse.base.url")).singleElement().asString()
                    .contains("jobs").contains(other.baseUrl() + "/v1/jobs").doesNotContain(KEY);
            assertThat(other.requestLog()).isEmpty();
        } finally {
            sim.faults().clear();
            sim.faults().redirectElsewhereTo(null);
        }
    }
}
