package io.kafkaconnect.greenhouse.sync;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.config.EngineConfig.ConversionErrors;
import io.kafkaconnect.greenhouse.dialect.Resource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import okhttp3.HttpUrl;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The sync of one resource, as the task drives it: when it is due, a {@link #step()} reads on and returns the
 * records to send now, each carrying the offset to resume from. Each paging model has its own: the window
 * sync reads change-time windows, the token sync replays sync tokens.
 */
public interface ResourceSync {

    /** What a sync needs to know that does not change while it runs. */
    record Settings(HttpUrl baseUrl, int pageSize, Duration pollInterval, Duration safetyLag,
                    Duration snapshotInterval, ConversionErrors conversionErrors, int maxConcurrency,
                    Duration progressInterval) {
    }

    /**
     * What a sync reads with and hands its records to: the task's client, settings, clock and fetch pool, the
     * resource's record factory, and the stats it reports to.
     */
    record Context(ApiClient client, SourceRecordFactory records, Settings settings, Clock clock,
                   ExecutorService fetchPool, ResourceStats stats) {

        /** With stats nobody reads. */
        public Context(ApiClient client, SourceRecordFactory records, Settings settings, Clock clock,
                       ExecutorService fetchPool) {
            this(client, records, settings, clock, fetchPool,
                    new ResourceStats(records.resource().name(), settings.progressInterval(), clock));
        }
    }

    Resource resource();

    /** When the next step is due. */
    Instant dueAt();

    default boolean isDue(Instant now) {
        return !now.isBefore(dueAt());
    }

    /**
     * True when {@link #step()} would hand over without waiting for an answer (the task steps such syncs first). A
     * sync may start its next read when asked. The default, for syncs that do not tell: true.
     */
    default boolean ready() {
        return true;
    }

    /** Waits at most {@code max} for {@link #ready()} to become true (the default waits for nothing). */
    default void awaitReady(Duration max) throws InterruptedException {
    }

    /** Reads on and returns the records to send now (possibly none). */
    List<SourceRecord> step() throws InterruptedException;

    /**
     * Every change before this instant has been handed over by {@link #step()} (on the clock the paging model's
     * {@link IdScan#end()} uses); null if unknown. Reconciliations wait for it to pass their scan's end.
     */
    default Instant deliveredUpTo() {
        return null;
    }

    /**
     * A snapshot resource: what the pass just completed listed, once (later calls return null until the next pass
     * completes); null also for a pass this sync did not read from its first page (it resumed one a previous task
     * began), and for other resources.
     */
    default ListedPass takeCompletedPass() {
        return null;
    }

    /** Stops background reads. */
    void close();
}
