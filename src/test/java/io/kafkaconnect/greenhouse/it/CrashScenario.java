package io.kafkaconnect.greenhouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.schema.Types;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.ListOrder;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A long backfill with edits and inserts going on, during which the only Connect worker is removed and a new
 * one added, several times at random points. Afterwards the latest version of every record in the
 * simulator's truth view must be in Kafka; returns how many record versions arrived more than once.
 */
final class CrashScenario {
    static final int CRASHES = 3;
    static final int PAGE_SIZE = 50;
    static final int RECORDS = 4_000;
    private static final String KEY = "crash-key";

    private CrashScenario() {
    }

    /** What the scenario needs of the API under test. */
    private record Subject(Map<String, String> config, String resource, String changeField,
                           Supplier<Map<String, JsonNode>> truth, Runnable stopMutations) {
    }

    /** Harvest v1 candidates: a parallel backfill of closed windows. */
    static long run(ConnectCluster cluster, String name, long seed, boolean readCommitted) throws Exception {
        return runV1(cluster, name, seed, readCommitted, "candidates", "updated_at", ListOrder.LAST_CHANGED);
    }

    /**
     * Harvest v1 applications: a window with only a lower bound, read open-ended, which records enter while it is
     * read (random applications, old ones included, get new activity throughout), listed in {@code order}.
     */
    static long runApplications(ConnectCluster cluster, String name, long seed, boolean readCommitted, ListOrder order)
            throws Exception {
        return runV1(cluster, name, seed, readCommitted, "applications", "last_activity_at", order);
    }

    private static long runV1(ConnectCluster cluster, String name, long seed, boolean readCommitted, String resource,
                              String changeField, ListOrder order) throws Exception {
        // a budget of 10 requests/s makes the backfill take ~15 s, so the first removals hit it mid-way
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(seed).apiKey(KEY).records(resource, RECORDS).listOrder(order)
                .latency(Duration.ofMillis(50), Duration.ZERO, 0.2).rateLimitV1(20, Duration.ofSeconds(2)).build()
                .start()) {
            Map<String, String> config = ConnectCluster.connectorConfig(sim.baseUrl(), KEY, resource, 1);
            config.put("fetch.max.concurrency", "4");
            sim.mutations().startRandom(15, 2, resource);
            return run(cluster, name, seed, readCommitted, new Subject(config, resource, changeField, () -> {
                Map<String, JsonNode> truth = new HashMap<>();
                sim.truth(resource).forEach((id, json) -> truth.put(String.valueOf(id), json));
                return truth;
            }, () -> sim.mutations().stop()));
        }
    }

    /**
     * Ashby candidates: a cursor pass, then sync-token deltas. With {@code edits}, records change while they are
     * read; a record changed after the pass began but before the pass reached it is listed by the pass and again by
     * the next delta (Ashby's token semantics), so only without edits is every duplicate the connector's own.
     */
    static long runAshby(ConnectCluster cluster, String name, long seed, boolean readCommitted, boolean edits)
            throws Exception {
        // one cursor chain at ~100 ms a page: the 80-page first pass takes about 8 s
        try (AshbySimulator sim = AshbySimulator.builder().seed(seed).apiKey(KEY).records("candidates", RECORDS)
                .latency(Duration.ofMillis(100), Duration.ZERO, 0.2).build().start()) {
            Map<String, String> config = ConnectCluster.ashbyConfig(sim.baseUrl(), KEY, "candidates", 1);
            if (edits) {
                sim.mutations().startRandom(15, 2, "candidates");
            }
            return run(cluster, name, seed, readCommitted, new Subject(config, "candidates", "updatedAt",
                    () -> sim.truth("candidates"), () -> sim.mutations().stop()));
        }
    }

    private static long run(ConnectCluster cluster, String name, long seed, boolean readCommitted, Subject subject)
            throws Exception {
        Random random = new Random(seed);
        Map<String, String> config = subject.config();
        config.put("topic.prefix", name);
        config.put("page.size", String.valueOf(PAGE_SIZE));
        String topic = name + "." + subject.resource();
        cluster.connect().configureConnector(name, config);
        for (int crash = 0; crash < CRASHES; crash++) {
            Thread.sleep(1_500 + random.nextInt(2_500));
            if (crash == 0) {
                assertThat(cluster.count(topic)).as("the first removal comes mid-backfill").isLessThan(RECORDS);
            }
            cluster.connect().removeWorker();
            cluster.connect().addWorker();
            cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1,
                    "the connector did not come back after crash " + (crash + 1));
        }
        subject.stopMutations().run();
        String field = subject.changeField();
        Map<String, Long> truth = new HashMap<>();
        subject.truth().get().forEach((id, json) -> truth.put(id, Types.parseInstant(json.get(field).asText())
                .toEpochMilli()));
        ConnectCluster.await(Duration.ofSeconds(120), "the latest version of every record of " + topic,
                () -> latestVersions(cluster, topic, field, readCommitted).equals(truth),
                () -> differences(truth, latestVersions(cluster, topic, field, readCommitted)));
        List<ConnectCluster.Record> records = cluster.readAll(readCommitted, topic);
        Map<String, Integer> versions = new HashMap<>();
        records.forEach(r -> versions.merge(r.key().get("id").asText() + "@" + r.value().get(field).asLong(), 1,
                Integer::sum));
        long duplicates = versions.values().stream().mapToLong(n -> n - 1).sum();
        assertThat(records).hasSizeGreaterThanOrEqualTo(truth.size());
        cluster.connect().deleteConnector(name);
        return duplicates;
    }

    private static Map<String, Long> latestVersions(ConnectCluster cluster, String topic, String field,
                                                    boolean readCommitted) {
        Map<String, Long> latest = new HashMap<>();
        try {
            for (ConnectCluster.Record r : cluster.readAll(readCommitted, topic)) {
                latest.merge(r.key().get("id").asText(), r.value().get(field).asLong(), Math::max);
            }
        } catch (IllegalStateException e) {
            return Map.of();
        }
        return latest;
    }

    private static String differences(Map<String, Long> truth, Map<String, Long> written) {
        long missing = truth.keySet().stream().filter(id -> !written.containsKey(id)).count();
        long stale = truth.entrySet().stream().filter(e -> written.containsKey(e.getKey())
                && !written.get(e.getKey()).equals(e.getValue())).count();
        return "(" + missing + " records missing, " + stale + " not at their latest version)";
    }
}
