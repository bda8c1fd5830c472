package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiPage;
import io.kafkaconnect.greenhouse.config.EngineConfig.ConversionErrors;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.engine.ApiClientFactory;
import io.kafkaconnect.greenhouse.harvest.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.harvest.v1.HarvestV1Dialect;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.simulator.HarvestSimulator;
import io.kafkaconnect.greenhouse.simulator.core.Fault;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import io.kafkaconnect.greenhouse.util.LogCapture;
import io.kafkaconnect.greenhouse.util.Sleeper;
import io.kafkaconnect.greenhouse.window.plan.BackfillPlanner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a backfill ends when it is stopped, or when a fetch thread fails outside its reads. */
class ParallelBackfillTest {
    private static final String KEY = "backfill-key";
    private static final String FETCH_THREAD = "backfill-test-fetch";

    private final HarvestV1Dialect dialect = new HarvestV1Dialect();
    private final Resource candidates = dialect.resource("candidates").orElseThrow();
    private HarvestSimulator sim;
    private GreenhouseSourceConfig config;
    private ApiClient client;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        sim = HarvestSimulator.builder().seed(5L).apiKey(KEY).records("candidates", 300).build();
        sim.start();
        config = new GreenhouseSourceConfig(Map.of("greenhouse.api.version", "v1", "greenhouse.api.key", KEY,
                "greenhouse.base.url", sim.baseUrl(), "max.retries", "0"));
        client = ApiClientFactory.create(config, new Sleeper(), Clock.systemUTC());
        pool = Executors.newFixedThreadPool(4, r -> new Thread(r, FETCH_THREAD));
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        client.close();
        sim.close();
    }

    private SourceRecordFactory maker() {
        return new SourceRecordFactory(candidates, "t", SourcePartition.of("v1", config.baseUrl(), "candidates"),
                new UnknownFieldLog());
    }

    /** A backfill of everything changed before now, by pages of {@code pageSize}. */
    private ParallelBackfill backfill(int pageSize, IntSupplier concurrency) {
        Instant upper = sim.now().truncatedTo(ChronoUnit.SECONDS);
        SourceRecordFactory maker = maker();
        WindowWalker walker = new WindowWalker(candidates, dialect, client, config.baseUrl(), pageSize, maker.parser());
        ApiPage<ParsedRecord> first = client.getPage(dialect.firstPage(config.baseUrl(), candidates,
                new Window(null, upper), pageSize), "candidates", maker.parser());
        return new ParallelBackfill(walker, page -> {
            synchronized (maker) {
                return maker.convertAll(page, ConversionErrors.FAIL, null);
            }
        }, pool, concurrency, pageSize, new BackfillPlanner.Start(null, upper, walker.estimatedPages(first),
                true, walker.changeTimes(first.records()), List.of(), List.of()), List.of());
    }

    @Test
    void aCancelledBackfillIsNeverFinished() throws Exception {
        ParallelBackfill backfill = backfill(20, () -> 2);
        assertThat(backfill.poll(Duration.ofSeconds(10))).isNotNull();
        backfill.cancel();
        assertThat(backfill.finished()).as("the window was not read to its end").isFalse();
        assertThat(backfill.poll(Duration.ofMillis(50))).isNull();
        assertThat(backfill.finished()).isFalse();
    }

    @Test
    void aStoppedSyncDoesNotCloseTheWindowItWasReadingInPieces() throws Exception {
        WindowSync.Settings settings = new WindowSync.Settings(config.baseUrl(), 20, Duration.ZERO, Duration.ZERO,
                Duration.ofHours(1), ConversionErrors.FAIL, 4, Duration.ZERO);
        WindowSync sync = new WindowSync(candidates, dialect, WindowOffset.START,
                new ResourceSync.Context(client, maker(), settings, Clock.systemUTC(), pool));
        sync.step(); // learns the clock from a page of everything, which shows a backfill
        sync.step();
        WindowOffset reading = sync.position();
        assertThat(reading).as("reading the first window in pieces").isInstanceOf(WindowOffset.Backfilling.class);

        sync.close();
        sync.step();
        assertThat(sync.position()).as("the window is still open where the backfill stood").isEqualTo(reading);
    }

    @Test
    void aBackfillLogsHowFarItIsWithTheCountItsFirstPageShows() throws Exception {
        WindowSync.Settings settings = new WindowSync.Settings(config.baseUrl(), 20, Duration.ZERO, Duration.ZERO,
                Duration.ofHours(1), ConversionErrors.FAIL, 4, Duration.ofNanos(1)); // a line at every page
        WindowSync sync = new WindowSync(candidates, dialect, WindowOffset.START,
                new ResourceSync.Context(client, maker(), settings, Clock.systemUTC(), pool));
        try (LogCapture logs = new LogCapture()) {
            for (int i = 0; i < 6; i++) {
                sync.step();
            }
            List<String> progress = logs.lines().stream()
                    .filter(l -> l.contains("candidates: backfill of [start, ")).toList();
            assertThat(progress).isNotEmpty();
            assertThat(progress.get(progress.size() - 1))
                    .matches(".*\\): [0-9,]+ of about [0-9,]+ records \\([0-9]+ %\\), [0-9.,]+ records/s.*");
        }
    }

    @Test
    void aFailureOfAFetchThreadOutsideItsReadsFailsTheNextPoll() throws Exception {
        // the reads themselves never ask for the concurrency here (the queue never fills: 300 records, pages of
        // 100); the bookkeeping after a read does, on the fetch thread
        ParallelBackfill backfill = backfill(100, () -> {
            if (Thread.currentThread().getName().equals(FETCH_THREAD)) {
                throw new IllegalStateException("injected bookkeeping failure");
            }
            return 2;
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        assertThatThrownBy(() -> {
            while (!backfill.finished() && System.nanoTime() < deadline) {
                backfill.poll(Duration.ofMillis(200));
            }
        }).isInstanceOf(ConnectException.class).hasMessageContaining("fetch thread")
                .hasRootCauseMessage("injected bookkeeping failure");
        assertThat(backfill.finished()).isFalse();
    }

    @Test
    void aFailedReadStartsNoOtherReadsUntilTheNextPoll() throws Exception {
        ParallelBackfill backfill = backfill(20, () -> 2);
        sim.faults().probability(Fault.HTTP_503, 1.0); // every read fails at once (max.retries=0)
        int before = sim.requestLog().size();
        int polls = 3;
        for (int i = 0; i < polls; i++) {
            assertThatThrownBy(() -> backfill.poll(Duration.ofSeconds(10))).isInstanceOf(RetriableException.class);
        }
        Thread.sleep(300); // time for reads that fetch threads would start after a failure
        // reads start only in a poll: it fills the two slots when it begins, and once more when the first failure
        // wakes it, just before it throws; reads started after each failure would plan and read every piece (23)
        assertThat(sim.requestLog().size() - before).isLessThanOrEqualTo(4 * polls);
        backfill.cancel();
    }
}
