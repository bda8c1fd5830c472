package io.kafkaconnect.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import io.kafkaconnect.greenhouse.simulator.core.Fault;
import io.kafkaconnect.greenhouse.util.LogCapture;
import io.kafkaconnect.greenhouse.util.TaskContexts;
import io.kafkaconnect.greenhouse.util.TaskPolls;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.junit.jupiter.api.Test;

/** A task's metrics, read from Kafka's own plugin metrics over a metrics registry, after a sync of the simulator. */
class TaskMetricsTest {
    private final Metrics registry = new Metrics();

    private SourceTaskContext context() {
        SourceTaskContext context = TaskContexts.noOffsets();
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("connector", "gh");
        tags.put("task", "0");
        when(context.pluginMetrics()).thenReturn(new PluginMetricsImpl(registry, tags));
        return context;
    }

    private static Map<String, String> props(HarvestSimulator sim, String resources) {
        Map<String, String> props = new HashMap<>();
        props.put("greenhouse.api.version", "v1");
        props.put("greenhouse.api.key", "k");
        props.put("greenhouse.base.url", sim.baseUrl());
        props.put("task.resources", resources);
        props.put("retry.backoff.ms", "1");
        props.put("sync.safety.lag.ms", "10000");
        props.put("deletes.mode", "none"); // the records counted here are the resources' alone
        return props;
    }

    /** The value of the task's metric {@code name}, of {@code resource} (null: a task metric). */
    private double value(String name, String resource) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("connector", "gh");
        tags.put("task", "0");
        if (resource != null) {
            tags.put("resource", resource);
        }
        MetricName metricName = registry.metricName(name, "plugins", "", tags);
        assertThat(registry.metrics()).as(name + " of " + resource).containsKey(metricName);
        return ((Number) registry.metrics().get(metricName).metricValue()).doubleValue();
    }

    private List<MetricName> pluginMetrics() {
        return registry.metrics().keySet().stream().filter(n -> n.group().equals("plugins")).toList();
    }

    @Test
    void countsWhatWasReadAndSentPerResourceAndWhatWasAskedPerTaskAndRemovesThemOnStop() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(5L).apiKey("k").records("jobs", 7)
                .records("departments", 3).rateLimit(100_000, Duration.ofSeconds(1)).build().start()) {
            sim.faults().failNext(2, Fault.HTTP_503).failNext(1, Fault.TRUNCATED_JSON);
            GreenhouseSourceTask task = new GreenhouseSourceTask();
            task.initialize(context());
            long started = System.currentTimeMillis();
            Map<String, Integer> sent = new HashMap<>();
            try {
                task.start(props(sim, "jobs,departments"));
                for (int i = 0; i < 20 && !(sent.getOrDefault("jobs", 0) == 7 && sent.size() == 2); i++) {
                    List<SourceRecord> records = task.poll();
                    if (records != null) {
                        records.forEach(r -> sent.merge(r.topic().replaceAll(".*\\.", ""), 1, Integer::sum));
                    }
                }
                assertThat(sent).containsEntry("jobs", 7).containsEntry("departments", 3);
                assertThat(value("records-sent-total", "jobs")).isEqualTo(7);
                assertThat(value("records-sent-total", "departments")).isEqualTo(3);
                assertThat(value("pages-read-total", "jobs")).isEqualTo(1);
                assertThat(value("last-page-time-ms", "jobs")).isBetween((double) started,
                        (double) System.currentTimeMillis());
                // caught up: behind by the safety lag, the second the window's end is truncated to and this test's time
                assertThat(value("lag-ms", "jobs")).isBetween(10_000.0, 10_000.0 + 30_000);
                assertThat(value("progress-records", "jobs")).as("no long read under way").isNaN();

                assertThat(value("requests-total", null)).isEqualTo(sim.requestLog().size());
                assertThat(value("retries-server-error-total", null)).isEqualTo(2);
                assertThat(value("retries-unusable-answer-total", null)).isEqualTo(1);
                assertThat(value("retries-total", null)).isEqualTo(3);
                assertThat(value("throttled-total", null)).isZero();
                assertThat(pluginMetrics()).as("an API key fetches no tokens")
                        .noneMatch(n -> n.name().equals("access-tokens-fetched-total"));
                // the simulator's limit is 100,000 a second; the budget counts the requests started since the
                // last answer, so what remains is what the last answer said, or a little less
                assertThat(value("budget-limit", null)).isEqualTo(100_000);
                assertThat(value("budget-remaining", null)).isBetween(100_000.0 - sim.requestLog().size(), 99_999.0);
                assertThat(value("budget-share-used", null)).isBetween(1e-5, sim.requestLog().size() / 100_000.0);
            } finally {
                task.stop();
            }
            assertThat(pluginMetrics()).as("removed when the task stops").isEmpty();
        }
    }

    @Test
    void aBackfillShowsHowFarItIsWhileItRunsAndNothingOnceDone() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(6L).apiKey("k").records("candidates", 400)
                .rateLimit(100_000, Duration.ofSeconds(1)).build().start()) {
            GreenhouseSourceTask task = new GreenhouseSourceTask();
            task.initialize(context());
            Map<String, String> props = props(sim, "candidates");
            props.put("page.size", "20");
            props.put("fetch.max.concurrency", "4");
            List<Double> shares = new ArrayList<>();
            long sent = 0;
            int pages = 0;
            try {
                task.start(props);
                for (int i = 0; i < 500 && sent < 400; i++) {
                    List<SourceRecord> records = task.poll();
                    sent += records == null ? 0 : records.size();
                    pages += records == null ? 0 : 1; // a backfill's poll hands over one page (pieces: page by page)
                    double progress = value("progress-records", "candidates");
                    if (!Double.isNaN(progress) && sent < 400) {
                        assertThat(progress).as("the backfill's records so far").isEqualTo(sent);
                        assertThat(value("progress-pages", "candidates")).as("the backfill's pages so far")
                                .isEqualTo(pages);
                        double expected = value("progress-expected-records", "candidates");
                        assertThat(expected).as("pages counted by the first page, times the page size")
                                .isBetween(400.0, 440.0);
                        assertThat(value("progress-share-done", "candidates")).isCloseTo(sent / expected,
                                within(1e-9));
                        assertThat(value("progress-records-per-second", "candidates")).isNotNaN();
                        shares.add(value("progress-share-done", "candidates"));
                    }
                }
                assertThat(sent).isEqualTo(400);
                assertThat(shares).as("seen while the backfill ran").isNotEmpty().isSorted();
                assertThat(value("progress-records", "candidates")).as("done").isNaN();
                assertThat(value("records-sent-total", "candidates")).isEqualTo(400);
                assertThat(value("pages-read-total", "candidates")).isEqualTo(pages).isGreaterThanOrEqualTo(20);
            } finally {
                task.stop();
            }
        }
    }

    @Test
    void anOAuthTaskCountsTheAccessTokensFetchedForItsCredential() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(8L).oauthClient("metrics-client", "metrics-secret")
                .tokenTtl(Duration.ofSeconds(2)).records("jobs", 5).build().start()) {
            GreenhouseSourceTask task = new GreenhouseSourceTask();
            task.initialize(context());
            Map<String, String> props = props(sim, "jobs");
            props.remove("greenhouse.api.key");
            props.put("greenhouse.api.version", "v3");
            props.put("greenhouse.oauth.client.id", "metrics-client");
            props.put("greenhouse.oauth.client.secret", "metrics-secret");
            props.put("greenhouse.oauth.token.url", sim.tokenUrl());
            props.put("poll.interval.ms", "1000");
            String tokenPath = URI.create(sim.tokenUrl()).getPath();
            try {
                task.start(props);
                assertThat(TaskPolls.next(task)).hasSize(5);
                assertThat(value("access-tokens-fetched-total", null)).isEqualTo(1);
                Thread.sleep(2_500); // the token expires: the next window's request needs a new one
                TaskPolls.until(task, () -> value("access-tokens-fetched-total", null) >= 2);
                assertThat(value("access-tokens-fetched-total", null)).isEqualTo(2).isEqualTo(
                        sim.requestLog().stream().filter(r -> r.path().equals(tokenPath) && r.status() == 200).count());
            } finally {
                task.stop();
            }
        }
    }

    @Test
    void anAshbyPassShowsItsRecordsWithoutATotalAndItsEndIsWhatTheLagCountsFrom() throws Exception {
        try (AshbySimulator sim = AshbySimulator.builder().seed(9L).apiKey("ashby-key").records("candidates", 60)
                .build().start()) {
            AshbySourceTask task = new AshbySourceTask();
            task.initialize(context());
            Map<String, String> props = new HashMap<>();
            props.put("ashby.base.url", sim.baseUrl());
            props.put("ashby.api.key", "ashby-key");
            props.put("task.resources", "candidates");
            props.put("page.size", "25");
            props.put("deletes.mode", "none"); // the records counted here are the resource's alone
            try {
                task.start(props);
                assertThat(TaskPolls.next(task)).hasSize(25);
                assertThat(value("progress-records", "candidates")).isEqualTo(25);
                assertThat(value("progress-pages", "candidates")).isEqualTo(1);
                assertThat(value("progress-expected-records", "candidates")).as("a pass has no known total").isNaN();
                assertThat(value("lag-ms", "candidates")).as("no pass ended yet").isNaN();
                int sent = 25;
                for (int i = 0; i < 10 && sent < 60; i++) {
                    List<SourceRecord> records = TaskPolls.next(task);
                    sent += records == null ? 0 : records.size();
                }
                assertThat(sent).isEqualTo(60);
                assertThat(value("records-sent-total", "candidates")).isEqualTo(60);
                assertThat(value("pages-read-total", "candidates")).isEqualTo(3);
                assertThat(value("progress-records", "candidates")).as("the pass ended").isNaN();
                assertThat(value("lag-ms", "candidates")).isBetween(0.0, 5_000.0);
            } finally {
                task.stop();
            }
        }
    }

    @Test
    void onAWorkerWithoutPluginMetricsTheTaskRunsAndSaysSoOnce() throws Exception {
        try (HarvestSimulator sim = HarvestSimulator.builder().seed(7L).apiKey("k").records("jobs", 2).build().start();
             LogCapture logs = new LogCapture()) {
            for (int i = 0; i < 2; i++) {
                SourceTaskContext context = context();
                when(context.pluginMetrics()).thenThrow(new NoSuchMethodError("pluginMetrics"));
                GreenhouseSourceTask task = new GreenhouseSourceTask();
                task.initialize(context);
                try {
                    task.start(props(sim, "jobs"));
                    assertThat(TaskPolls.next(task)).hasSize(2);
                } finally {
                    task.stop();
                }
            }
            assertThat(logs.lines().stream().filter(l -> l.contains("offers no plugin metrics"))).hasSize(1)
                    .allSatisfy(l -> assertThat(l).contains("INFO"));
        }
    }
}
