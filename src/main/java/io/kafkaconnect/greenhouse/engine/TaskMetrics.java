package io.kafkaconnect.greenhouse.engine;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.sync.ResourceStats;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's metrics, published through the worker's plugin metrics (KIP-877, Kafka 4.1+): per task what its client
 * sent, per resource what its sync reports. On an older worker there are none, and the first task says so once at
 * INFO. This type names no Kafka metrics class, so that it loads on a worker that has none.
 */
interface TaskMetrics extends AutoCloseable {

    /** Metrics of nothing: the worker offers no plugin metrics. */
    TaskMetrics NONE = new TaskMetrics() {
        @Override
        public void addTask(ApiClient client) {
        }

        @Override
        public void addResource(String resource, ResourceStats stats) {
        }

        @Override
        public void close() {
        }
    };

    /**
     * The worker's plugin metrics for this task, or {@link #NONE} if it has none (an older worker, told once at
     * INFO; or a context that gives none, as a test's may).
     */
    static TaskMetrics of(SourceTaskContext context, Clock clock) {
        try {
            TaskMetrics metrics = PluginTaskMetrics.of(context, clock);
            return metrics == null ? NONE : metrics;
        } catch (NoSuchMethodError | AbstractMethodError | NoClassDefFoundError | UnsupportedOperationException e) {
            if (Unavailable.LOGGED.compareAndSet(false, true)) {
                Unavailable.log.info("This Connect worker offers no plugin metrics (KIP-877, Kafka 4.1 and later): "
                        + "the connector runs without its metrics ({})", e.toString());
            }
            return NONE;
        }
    }

    /** Publishes what the task's client sent, its credential's rate budget and access tokens. */
    void addTask(ApiClient client);

    /** Publishes a resource's stats, tagged {@code resource}. */
    void addResource(String resource, ResourceStats stats);

    /** Removes every metric this added. */
    @Override
    void close();

    /** Whether the missing metrics were told already (once per worker). */
    final class Unavailable {
        private static final Logger log = LoggerFactory.getLogger(TaskMetrics.class);
        private static final AtomicBoolean LOGGED = new AtomicBoolean();

        private Unavailable() {
        }
    }
}
