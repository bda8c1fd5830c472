package io.kafkaconnect.greenhouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import io.kafkaconnect.greenhouse.util.Closing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Several workers, one credential. Three workers, each loading the connector from the built plugin (plugin.path)
 * in its own plugin class loader ({@link IsolatedWorkers}): each has its own rate budget, as separate worker
 * processes would, which paces at the share of the connector's tasks it runs and sees the others' requests only
 * in the rate-limit headers. One simulator enforces the limit on the credential across all of them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiWorkerIT {
    private static final String CONNECTOR_CLASS = "io.kafkaconnect.greenhouse.GreenhouseSourceConnector";
    private static final String BUDGET_CLASS = "io.kafkaconnect.greenhouse.api.SharedRateBudgets";
    private static final String KEY = "multi-worker-key";
    private static final List<String> RESOURCES = List.of("candidates", "scorecards", "scheduled_interviews");
    private static final int RECORDS = 4_000;
    /**
     * The removal case reads twice as many (about 300 requests), so that its share of 429s is measured over enough
     * requests: the removal has cost 0 to 2 429s per run, each 0.5-0.6 % of the 166-214 requests of half as many.
     */
    private static final int REMOVAL_RECORDS = 2 * RECORDS;
    private static final int PAGE_SIZE = 100;
    private static final int LIMIT = 50;
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static ConnectCluster cluster;
    private static IsolatedWorkers workers;

    @BeforeAll
    static void start() throws Exception {
        cluster = new ConnectCluster("multi-worker-it", 0, Map.of(), Map.of());
        workers = new IsolatedWorkers("multi-worker-it", cluster.connect().kafka().bootstrapServers(),
                pluginDirectory(), Map.of(
                // a worker that leaves: its tasks go to the others after 2 s rather than the default 5 min
                "scheduled.rebalance.max.delay.ms", "2000"));
        for (int i = 0; i < 3; i++) {
            workers.add();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Closing.inOrder(workers, cluster);
    }

    @Test
    @Order(1)
    void eachWorkerLoadsTheConnectorInItsOwnClassLoader() throws Exception {
        assertThat(IsolatedWorkers.runtimeSees("org.apache.kafka.connect.runtime.Worker")).isTrue();
        assertThat(IsolatedWorkers.runtimeSees(CONNECTOR_CLASS)).as("the connector is on plugin.path only").isFalse();
        Set<Class<?>> budgets = new HashSet<>();
        for (IsolatedWorkers.Worker worker : workers.workers()) {
            budgets.add(workers.connectorLoader(worker, CONNECTOR_CLASS).loadClass(BUDGET_CLASS));
        }
        assertThat(budgets).as("one SharedRateBudgets class, so one map of budgets, per worker").hasSize(3);
    }

    @Test
    @Order(2)
    void tasksOnThreeWorkersStayWithinTheCredentialsLimit() throws Exception {
        try (HarvestSimulator sim = simulator(23L, RECORDS)) {
            String name = "shared";
            startConnector(sim, name);
            assertThat(taskWorkers(name)).as("tasks spread over the workers").hasSizeGreaterThanOrEqualTo(2);

            long duplicates = awaitEveryRecord(sim, name);
            assertWithinTheLimit(sim.requestLog(), null);
            assertThat(duplicates).as("a quiet account read once").isZero();
            workers.deleteConnector(name);
        }
    }

    @Test
    @Order(3)
    void aWorkerRemovedMidBackfillLosesNothing() throws Exception {
        try (HarvestSimulator sim = simulator(29L, REMOVAL_RECORDS)) {
            String name = "removal";
            startConnector(sim, name);
            int total = RESOURCES.size() * REMOVAL_RECORDS;
            ConnectCluster.await(Duration.ofSeconds(60), "a fifth of the backfill", () -> written(name) >= total / 5);
            String leaving = busiestWorker(name);
            IsolatedWorkers.Worker worker = workers.workers().stream().filter(w -> w.id().equals(leaving)).findFirst()
                    .orElseThrow(() -> new AssertionError("no worker " + leaving + " in " + workers.workers()));
            Instant removedAt = Instant.now();
            workers.remove(worker);
            assertThat(written(name)).as("removed mid-backfill").isLessThan(total);
            ConnectCluster.await(Duration.ofSeconds(60), "the tasks of " + leaving + " running elsewhere",
                    () -> runningTaskWorkers(name).size() == RESOURCES.size() && !taskWorkers(name).contains(leaving),
                    () -> "tasks on " + runningTaskWorkers(name));

            long duplicates = awaitEveryRecord(sim, name);
            assertWithinTheLimit(sim.requestLog(), removedAt);
            System.out.printf("MultiWorkerIT: %d duplicates after removing %s%n", duplicates, leaving);
            // at-least-once: what the removed worker's tasks had sent but not committed (pages of up to
            // fetch.max.concurrency reads each)
            assertThat(duplicates).as("duplicates").isLessThanOrEqualTo(8L * PAGE_SIZE * RESOURCES.size());
            workers.deleteConnector(name);
        }
    }

    /** 50 requests per 10 s on the one key; each task's resource takes {@code records} / 100 pages and more. */
    private static HarvestSimulator simulator(long seed, int records) {
        HarvestSimulator.Builder builder = HarvestSimulator.builder().seed(seed).apiKey(KEY)
                .latency(Duration.ofMillis(50), Duration.ZERO, 0.2).rateLimitV1(LIMIT, WINDOW);
        RESOURCES.forEach(r -> builder.records(r, records));
        return builder.build().start();
    }

    private static void startConnector(HarvestSimulator sim, String name) throws Exception {
        Map<String, String> config = ConnectCluster.connectorConfig(sim.baseUrl(), KEY, String.join(",", RESOURCES),
                RESOURCES.size());
        config.put("connector.class", CONNECTOR_CLASS);
        config.put("topic.prefix", name);
        config.put("page.size", String.valueOf(PAGE_SIZE));
        workers.configureConnector(name, config);
        ConnectCluster.await(Duration.ofSeconds(60), "the connector's tasks running",
                () -> runningTaskWorkers(name).size() == RESOURCES.size(), () -> String.valueOf(workers.status(name)));
    }

    /** Waits for every record of the simulator in Kafka, checks their content and returns how many came twice. */
    private static long awaitEveryRecord(HarvestSimulator sim, String name) throws InterruptedException {
        long duplicates = 0;
        for (String resource : RESOURCES) {
            Map<Long, JsonNode> truth = sim.truth(resource);
            String topic = name + "." + resource;
            ConnectCluster.await(Duration.ofSeconds(120), topic + " did not receive all " + truth.size() + " records",
                    () -> cluster.count(topic) >= truth.size(), () -> "(" + cluster.count(topic) + ")");
            List<ConnectCluster.Record> records = cluster.readAll(topic);
            List<String> problems = new ArrayList<>();
            for (ConnectCluster.Record r : records) {
                long id = r.key().get("id").asLong();
                JsonNode expected = truth.get(id);
                assertThat(expected).as("record %d of %s exists in the simulator", id, resource).isNotNull();
                TruthComparison.differences(expected, r.value()).forEach(d -> problems.add(resource + " " + id + " " + d));
            }
            assertThat(problems).as("content differences").isEmpty();
            assertThat(cluster.latestById(topic).keySet()).isEqualTo(truth.keySet());
            duplicates += records.size() - truth.size();
        }
        return duplicates;
    }

    /**
     * The tasks together needed several windows of the limit, and under 1 % of their requests got a 429. A failure
     * says when each 429 came, after the first request and after the removal of a worker (if any).
     */
    private static void assertWithinTheLimit(List<LoggedRequest> log, Instant removedAt) {
        List<LoggedRequest> throttled = log.stream().filter(r -> r.status() == 429).toList();
        Instant first = log.isEmpty() ? Instant.EPOCH : log.get(0).at();
        String when = throttled.stream().map(r -> String.format("%s at +%d ms%s", r.path(),
                Duration.between(first, r.at()).toMillis(), removedAt == null ? ""
                        : String.format(" (%+d ms after the removal)", Duration.between(removedAt, r.at()).toMillis())))
                .collect(Collectors.joining(", "));
        System.out.printf("MultiWorkerIT: %d of %d requests got a 429 (%.2f %%) %s%n", throttled.size(), log.size(),
                100.0 * throttled.size() / log.size(), when);
        assertThat(log).as("the backfill needs several windows of the limit").hasSizeGreaterThan(3 * LIMIT);
        assertThat((double) throttled.size() / log.size())
                .as("share of 429s (%d of %d: %s)", throttled.size(), log.size(), when).isLessThan(0.01);
    }

    private static int written(String name) {
        return RESOURCES.stream().mapToInt(r -> cluster.count(name + "." + r)).sum();
    }

    /** The worker of each running task. */
    private static List<String> runningTaskWorkers(String name) {
        JsonNode status = workers.status(name);
        if (status == null) {
            return List.of();
        }
        return StreamSupport.stream(status.path("tasks").spliterator(), false)
                .filter(t -> "RUNNING".equals(t.path("state").asText())).map(t -> t.path("worker_id").asText())
                .toList();
    }

    private static Set<String> taskWorkers(String name) {
        return new HashSet<>(runningTaskWorkers(name));
    }

    /** The worker running the most tasks of the connector. */
    private static String busiestWorker(String name) {
        return runningTaskWorkers(name).stream().collect(Collectors.groupingBy(w -> w, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** The connector as `mvn package` unpacks it: a plugin.path entry, as a real worker installs it. */
    private static Path pluginDirectory() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target/components/packages"))) {
            return files.filter(Files::isDirectory).findFirst().orElseThrow(
                    () -> new AssertionError("no unpacked plugin under target/components/packages: run mvn package"));
        }
    }
}
