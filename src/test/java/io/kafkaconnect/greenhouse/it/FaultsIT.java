package io.kafkaconnect.greenhouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.schema.Types;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.core.Fault;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transient faults and rate limiting are ridden out with nothing lost; permanent errors fail loudly. */
class FaultsIT {
    private static final String KEY = "faults-it-secret-key";
    private static ConnectCluster cluster;

    @BeforeAll
    static void start() {
        cluster = new ConnectCluster("faults-it");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void everyRecordArrivesThroughServerErrorsBrokenBodiesResetsAndA429Budget() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(29L).apiKey(KEY).records("candidates", 600)
                .records("jobs", 120).rateLimitV1(15, Duration.ofSeconds(2)).build().start()) {
            sim.faults().probability(Fault.HTTP_500, 0.04).probability(Fault.HTTP_503, 0.03)
                    .probability(Fault.HTML_ERROR_PAGE, 0.03).probability(Fault.TRUNCATED_JSON, 0.03)
                    .probability(Fault.INVALID_JSON, 0.02).probability(Fault.CONNECTION_RESET, 0.03);
            Map<String, String> config = ConnectCluster.connectorConfig(sim.baseUrl(), KEY, "candidates,jobs", 1);
            config.put("topic.prefix", "faults");
            config.put("page.size", "50");
            config.put("retry.backoff.ms", "20");
            config.put("retry.backoff.max.ms", "200");
            cluster.connect().configureConnector("faults", config);

            for (String resource : List.of("candidates", "jobs")) {
                Map<Long, Long> truth = new HashMap<>();
                sim.truth(resource).forEach((id, j) -> truth.put(id, Types.parseInstant(j.get("updated_at").asText()).toEpochMilli()));
                ConnectCluster.await(Duration.ofSeconds(120), "every " + resource + " despite the faults",
                        () -> cluster.count("faults." + resource) >= truth.size(),
                        () -> cluster.count("faults." + resource) + " of " + truth.size());
                Map<Long, Long> written = new HashMap<>();
                cluster.readAll("faults." + resource).forEach(r -> written.merge(r.key().get("id").asLong(),
                        r.value().get("updated_at").asLong(), Math::max));
                assertThat(written).isEqualTo(truth);
            }
            ConnectorStateInfo status = cluster.connect().connectorStatus("faults");
            assertThat(status.tasks()).allSatisfy(t -> assertThat(t.state()).isEqualTo("RUNNING"));
            List<LoggedRequest> log = sim.requestLog();
            assertThat(log).as("faults were injected").anyMatch(r -> r.status() >= 500)
                    .anyMatch(r -> r.status() == 0);
            long throttled = log.stream().filter(r -> r.status() == 429).count();
            assertThat(throttled).as("pacing keeps 429s rare (%d of %d)", throttled, log.size())
                    .isLessThanOrEqualTo(Math.max(3, log.size() / 50));
            cluster.connect().deleteConnector("faults");
        }
    }

    @Test
    void aResourceTheCredentialMayNotReadFailsTheTaskWithAMessageThatSaysWhatToDo() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(31L).apiKey(KEY).records("jobs", 20).build().start()) {
            Map<String, String> config = ConnectCluster.connectorConfig(sim.baseUrl(), KEY, "jobs", 1);
            config.put("topic.prefix", "forbidden");
            cluster.connect().configureConnector("forbidden", config);
            cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning("forbidden", 1, "not started");
            cluster.connect().stopConnector("forbidden");
            cluster.connect().assertions().assertConnectorIsStopped("forbidden", "not stopped");
            sim.setStatusFor("/v1/jobs", 403);
            cluster.connect().resumeConnector("forbidden");
            cluster.connect().assertions().assertConnectorIsRunningAndTasksHaveFailed("forbidden", 1, "task did not fail");
            String trace = cluster.connect().connectorStatus("forbidden").tasks().get(0).trace();
            assertThat(trace).contains("may not read jobs").contains("Dev Center").doesNotContain(KEY);
            cluster.connect().deleteConnector("forbidden");
        }
    }

    @Test
    void theApiKeyNeverAppearsInValidateOutput() {
        Map<String, String> config = ConnectCluster.connectorConfig("http://127.0.0.1:1", KEY, "jobs", 1);
        config.put("name", "secret-check");
        var result = cluster.connect().validateConnectorConfig("GreenhouseSourceConnector", config);
        assertThat(result.toString()).doesNotContain(KEY).contains("greenhouse.base.url");
    }
}
