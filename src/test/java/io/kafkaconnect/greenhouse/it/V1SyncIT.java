package io.kafkaconnect.greenhouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.schema.Types;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import io.kafkaconnect.greenhouse.util.Closing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connector against the Harvest simulator in a real broker + Connect worker. */
class V1SyncIT {
    private static final String KEY = "it-api-key";
    private static final List<String> RESOURCES = List.of("candidates", "applications", "jobs", "departments");
    private static final Map<String, String> CHANGE_FIELD = Map.of("candidates", "updated_at",
            "applications", "last_activity_at", "jobs", "updated_at");
    private static HarvestSimulator sim;
    private static ConnectCluster cluster;

    @BeforeAll
    static void start() {
        sim = HarvestSimulator.builder().seed(7L).apiKey(KEY)
                .records("candidates", 1_200).records("applications", 900).records("jobs", 150)
                .records("departments", 40).build();
        sim.start();
        cluster = new ConnectCluster("v1-sync-it");
    }

    @AfterAll
    static void stop() throws Exception {
        Closing.inOrder(cluster, sim);
    }

    @Test
    void everyRecordOfEveryResourceArrivesWithItsKeyContentAndTimestamp() throws Exception {
        Map<String, String> config = ConnectCluster.connectorConfig(sim.baseUrl(), KEY, String.join(",", RESOURCES), 1);
        config.put("topic.prefix", "all");
        config.put("page.size", "100");
        cluster.connect().configureConnector("all", config);
        cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning("all", 1, "connector did not start");

        for (String resource : RESOURCES) {
            Map<Long, JsonNode> truth = sim.truth(resource);
            String topic = "all." + resource;
            ConnectCluster.await(Duration.ofSeconds(90), topic + " did not receive all " + truth.size() + " records",
                    () -> cluster.count(topic) >= truth.size());
            List<ConnectCluster.Record> records = cluster.readAll(topic);
            List<String> problems = new ArrayList<>();
            for (ConnectCluster.Record r : records) {
                long id = r.key().get("id").asLong();
                assertThat(r.value().get("id").asLong()).isEqualTo(id);
                JsonNode expected = truth.get(id);
                assertThat(expected).as("record %d of %s exists in the simulator", id, resource).isNotNull();
                TruthComparison.differences(expected, r.value()).forEach(d -> problems.add(resource + " " + id + " " + d));
                String changeField = CHANGE_FIELD.get(resource);
                if (changeField != null) {
                    assertThat(r.timestamp()).as("record timestamp of %s %d", resource, id)
                            .isEqualTo(Types.parseInstant(expected.get(changeField).asText()).toEpochMilli());
                }
            }
            assertThat(problems).as("content differences").isEmpty();
            assertThat(records).as("no duplicates in a quiet account").hasSize(truth.size());
        }
        cluster.connect().deleteConnector("all");
    }

    @Test
    void aRestartedConnectorResumesInsideItsWindowInsteadOfStartingOver() throws Exception {
        HarvestSimulator slow = HarvestSimulator.builder().seed(11L).apiKey(KEY).records("candidates", 2_000)
                .latency(Duration.ofMillis(60), Duration.ZERO, 0.0).build();
        slow.start();
        try {
            Map<String, String> config = ConnectCluster.connectorConfig(slow.baseUrl(), KEY, "candidates", 1);
            config.put("topic.prefix", "restart");
            config.put("deletes.mode", "none"); // the requests checked here are the window's alone, no id scan's
            config.put("page.size", "20");
            config.put("fetch.max.concurrency", "1"); // the page walk; the parallel backfill has its own test
            cluster.connect().configureConnector("restart", config);
            ConnectCluster.await(Duration.ofSeconds(60), "20 pages read", () -> candidatePages(slow).size() >= 20);

            cluster.connect().stopConnector("restart");
            cluster.connect().assertions().assertConnectorIsStopped("restart", "connector did not stop");
            int pagesBeforeRestart = candidatePages(slow).size();
            assertThat(pagesBeforeRestart).as("still mid-sync when stopped").isLessThan(100);
            Instant restartedAt = slow.now();
            cluster.connect().resumeConnector("restart");

            ConnectCluster.await(Duration.ofSeconds(90), "all candidates after the restart",
                    () -> cluster.count("restart.candidates") >= 2_000);
            List<LoggedRequest> pages = candidatePages(slow);
            List<LoggedRequest> firstWindow = pages.stream().filter(r -> !r.query().containsKey("updated_after")).toList();
            assertThat(firstWindow.stream().filter(r -> !r.query().containsKey("page")))
                    .as("the window was opened once: no start-over, log %s", firstWindow).hasSize(1);
            // 100 pages: the first, then 100 down to 1; a restart may re-read the page in flight
            assertThat(firstWindow).as("requests of the first window").hasSizeLessThanOrEqualTo(102);
            LoggedRequest firstAfterRestart = firstWindow.stream().filter(r -> !r.at().isBefore(restartedAt)).findFirst()
                    .orElseThrow();
            assertThat(Integer.parseInt(firstAfterRestart.query().getOrDefault("page", "0")))
                    .as("resumed inside the downward walk").isBetween(2, 99);
            assertThat(cluster.latestById("restart.candidates").keySet()).isEqualTo(slow.truth("candidates").keySet());
            assertThat(cluster.readAll("restart.candidates").size())
                    .as("duplicates are at most the pages in flight").isLessThanOrEqualTo(2_000 + 20);
        } finally {
            cluster.connect().deleteConnector("restart");
            slow.close();
        }
    }

    @Test
    void aRestartedParallelBackfillResumesAtItsCommittedPosition() throws Exception {
        HarvestSimulator slow = HarvestSimulator.builder().seed(13L).apiKey(KEY).records("candidates", 3_000)
                .latency(Duration.ofMillis(80), Duration.ZERO, 0.0).build();
        slow.start();
        try {
            Map<String, String> config = ConnectCluster.connectorConfig(slow.baseUrl(), KEY, "candidates", 1);
            config.put("topic.prefix", "prestart");
            config.put("deletes.mode", "none"); // the requests checked here are the window's alone, no id scan's
            config.put("page.size", "20");
            config.put("fetch.max.concurrency", "4");
            cluster.connect().configureConnector("prestart", config);
            ConnectCluster.await(Duration.ofSeconds(60), "a third of the backfill",
                    () -> cluster.count("prestart.candidates") >= 1_000);
            cluster.connect().stopConnector("prestart");
            cluster.connect().assertions().assertConnectorIsStopped("prestart", "connector did not stop");
            var offsets = cluster.connect().connectorOffsets("prestart").offsets();
            Map<String, ?> offset = offsets.stream().map(o -> o.offset())
                    .filter(o -> o != null && (o.get("watermark") != null || o.get("reading") != null))
                    .findFirst().orElseThrow(() -> new AssertionError("no committed backfill position in " + offsets));
            Instant committed = offset.get("watermark") == null ? null
                    : Instant.ofEpochMilli(((Number) offset.get("watermark")).longValue());
            // each piece partly read: its window (updated_after, updated_before) → the page it reads next
            Map<String, Integer> nextPages = new HashMap<>();
            if (offset.get("reading") != null) {
                for (JsonNode piece : new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                        offset.get("reading").toString())) {
                    okhttp3.HttpUrl next = okhttp3.HttpUrl.get(piece.get("next_page").asText());
                    nextPages.put(next.queryParameter("updated_after") + "|" + next.queryParameter("updated_before"),
                            Integer.parseInt(next.queryParameter("page")));
                }
            }
            assertThat(cluster.count("prestart.candidates")).as("still mid-backfill").isLessThan(3_000);
            Instant restartedAt = slow.now();
            cluster.connect().resumeConnector("prestart");

            ConnectCluster.await(Duration.ofSeconds(90), "all candidates after the restart",
                    () -> cluster.count("prestart.candidates") >= 3_000);
            // the window's requests after the restart (not the one that learns the API's clock)
            List<LoggedRequest> after = slow.requestLog().stream().filter(r -> r.path().equals("/v1/candidates"))
                    .filter(r -> !r.at().isBefore(restartedAt)).filter(r -> r.query().containsKey("updated_before"))
                    .toList();
            assertThat(after).isNotEmpty();
            if (committed != null) {
                assertThat(after).allSatisfy(r -> assertThat(r.query().get("updated_after")).isNotNull()
                        .satisfies(a -> assertThat(Instant.parse(a))
                                .as("nothing before the committed watermark is read again")
                                .isAfterOrEqualTo(committed)));
            }
            assertThat(after).allSatisfy(r -> {
                Integer next = nextPages.get(r.query().get("updated_after") + "|" + r.query().get("updated_before"));
                if (next != null && r.query().get("page") != null && !"1".equals(r.query().get("per_page"))) {
                    assertThat(Integer.parseInt(r.query().get("page")))
                            .as("a piece partly read goes on from its next page: %s", r.query()).isLessThanOrEqualTo(next);
                }
            });
            assertThat(cluster.latestById("prestart.candidates").keySet()).isEqualTo(slow.truth("candidates").keySet());
            assertThat(cluster.readAll("prestart.candidates").size()).as("duplicates: at most a piece in flight")
                    .isLessThanOrEqualTo(3_000 + 20);
        } finally {
            cluster.connect().deleteConnector("prestart");
            slow.close();
        }
    }

    @Test
    void twoTasksSplitTheResourcesWithoutReadingAnyTwice() throws Exception {
        Map<String, String> config = ConnectCluster.connectorConfig(sim.baseUrl(), KEY, String.join(",", RESOURCES), 2);
        config.put("topic.prefix", "two");
        cluster.connect().configureConnector("two", config);
        cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning("two", 2, "two tasks did not start");

        Map<String, Integer> written = new HashMap<>();
        for (String resource : RESOURCES) {
            int expected = sim.truth(resource).size();
            ConnectCluster.await(Duration.ofSeconds(90), "two." + resource + " complete",
                    () -> cluster.count("two." + resource) >= expected,
                    () -> "written " + cluster.count("two." + resource) + " of " + expected);
            Thread.sleep(1_000); // a second reader of the same resource would have written its copy by now
            written.put(resource, cluster.readAll("two." + resource).size());
            assertThat(written.get(resource)).as(resource + " read by exactly one task").isEqualTo(expected);
        }
        cluster.connect().deleteConnector("two");
    }

    /** The requests of the candidates window (not the probe that learns the server's clock). */
    private static List<LoggedRequest> candidatePages(HarvestSimulator s) {
        return s.requestLog().stream().filter(r -> r.path().equals("/v1/candidates"))
                .filter(r -> !"1".equals(r.query().get("per_page"))).filter(r -> r.status() == 200).toList();
    }
}
