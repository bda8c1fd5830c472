package io.kafkaconnect.greenhouse.engine;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.RateBudget;
import io.kafkaconnect.greenhouse.api.RequestCounters;
import io.kafkaconnect.greenhouse.api.RequestCounters.RetryCause;
import io.kafkaconnect.greenhouse.sync.ProgressLog.Progress;
import io.kafkaconnect.greenhouse.sync.ResourceStats;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TaskMetrics} in the worker's plugin metrics: group {@code plugins}, tagged {@code connector} and
 * {@code task} by Connect, and {@code resource} here for a resource's. Gauges read the counters when asked; a value
 * not known yet (no page read, no read under way) is NaN. See docs/monitoring.md.
 */
final class PluginTaskMetrics implements TaskMetrics {
    private static final Logger log = LoggerFactory.getLogger(PluginTaskMetrics.class);
    static final String RESOURCE_TAG = "resource";

    private final PluginMetrics metrics;
    private final Clock clock;
    private final List<MetricName> added = new ArrayList<>();

    /** The context's plugin metrics, or null if it gives none. */
    static PluginTaskMetrics of(SourceTaskContext context, Clock clock) {
        PluginMetrics metrics = context.pluginMetrics();
        return metrics == null ? null : new PluginTaskMetrics(metrics, clock);
    }

    PluginTaskMetrics(PluginMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void addTask(ApiClient client) {
        RequestCounters requests = client.counters();
        RateBudget budget = client.budget();
        LinkedHashMap<String, String> tags = new LinkedHashMap<>();
        count("requests-total", "Requests sent to the API, retries included", tags, requests::requests);
        count("throttled-total", "Answers that said to slow down (HTTP 429, or throttling reported in a body)", tags,
                requests::throttledAnswers);
        count("retries-total", "Requests sent again after a failure", tags, requests::retries);
        for (RetryCause cause : RetryCause.values()) {
            count("retries-" + cause.metricName() + "-total", "Requests sent again after " + cause.metricName(), tags,
                    () -> requests.retries(cause));
        }
        value("budget-limit", "Requests the credential may send per rate-limit window, as the API says or the "
                + "documentation assumes", tags, () -> orNaN(budget.limit()));
        value("budget-remaining", "Requests left in the current rate-limit window, as the API's answers tell", tags,
                () -> orNaN(budget.remaining()));
        value("budget-share-used", "The share of the current window's limit used (0 to 1)", tags, () -> {
            Integer limit = budget.limit();
            Integer remaining = budget.remaining();
            return limit == null || remaining == null || limit <= 0 ? Double.NaN
                    : Math.min(1.0, Math.max(0.0, (double) (limit - remaining) / limit));
        });
        if (client.tokensFetched().isPresent()) {
            count("access-tokens-fetched-total", "Access tokens fetched for the task's credential in this worker "
                    + "(shared by its tasks), the first included", tags, () -> client.tokensFetched().orElse(0));
        }
    }

    private static double orNaN(Integer value) {
        return value == null ? Double.NaN : value;
    }

    @Override
    public void addResource(String resource, ResourceStats stats) {
        LinkedHashMap<String, String> tags = new LinkedHashMap<>();
        tags.put(RESOURCE_TAG, resource);
        count("records-sent-total", "Records of the resource handed to Connect", tags, stats::records);
        count("pages-read-total", "Pages of the resource read", tags, stats::pages);
        value("last-page-time-ms", "When the last page of the resource was read (epoch ms)", tags,
                () -> millis(stats.lastPageAt()));
        value("lag-ms", "How far behind the resource is: now minus the time up to which everything is read", tags,
                () -> stats.caughtUpTo() == null ? Double.NaN
                        : (double) (clock.millis() - stats.caughtUpTo().toEpochMilli()));
        Supplier<Progress> progress = () -> stats.progress().now();
        value("progress-records", "Records handed over by the long read under way (a backfill, a pass)", tags,
                of(progress, Progress::records));
        value("progress-pages", "Pages read by the long read under way", tags, of(progress, Progress::pages));
        value("progress-expected-records", "About how many records the long read under way holds", tags,
                of(progress, Progress::total));
        value("progress-share-done", "The share of the long read under way done (0 to 1)", tags,
                of(progress, Progress::shareDone));
        value("progress-records-per-second", "Records per second of the long read under way", tags,
                of(progress, Progress::perSecond));
        value("progress-time-left-ms", "About how long the long read under way has left", tags,
                of(progress, p -> p.secondsLeft() == null ? null : p.secondsLeft() * 1000));
    }

    private static Double millis(Instant time) {
        return time == null ? Double.NaN : (double) time.toEpochMilli();
    }

    private static Supplier<Double> of(Supplier<Progress> progress, Function<Progress, ? extends Number> field) {
        return () -> {
            Progress p = progress.get();
            Number n = p == null ? null : field.apply(p);
            return n == null ? Double.NaN : n.doubleValue();
        };
    }

    private void count(String name, String description, LinkedHashMap<String, String> tags, LongSupplier value) {
        add(name, description, tags, (Gauge<Long>) (config, now) -> value.getAsLong());
    }

    private void value(String name, String description, LinkedHashMap<String, String> tags, Supplier<Double> value) {
        add(name, description, tags, (Gauge<Double>) (config, now) -> value.get());
    }

    private void add(String name, String description, LinkedHashMap<String, String> tags, Gauge<?> gauge) {
        MetricName metricName = metrics.metricName(name, description, tags);
        metrics.addMetric(metricName, gauge);
        added.add(metricName);
    }

    @Override
    public void close() {
        try {
            added.forEach(metrics::removeMetric);
        } catch (IllegalStateException e) {
            log.debug("The worker closed this task's plugin metrics already: {}", e.getMessage());
        }
        added.clear();
    }
}
