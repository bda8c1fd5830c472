package io.kafkaconnect.greenhouse.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.dialect.WindowDialect;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.Window;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync state machine of one resource of a {@link WindowDialect}. Each {@link #step()} hands over at most one page (of a window or
 * of a parallel backfill):
 * <ol>
 * <li>Open a window {@code [watermark, upper)}, {@code upper} = the API server's clock minus the safety lag.</li>
 * <li>Read it with the {@link WindowWalker}. If its first page shows that it is large and the resource has
 * two-sided time filters, read it instead as consecutive pieces, several at once ({@link ParallelBackfill}).</li>
 * <li>After the window the watermark becomes {@code upper}; the resource waits for the poll interval.</li>
 * </ol>
 * Offsets: every record but the last of a page carries the position of the page it came from, so a crash
 * re-reads at most that page; the last one carries the position after it. A backfill's records carry its
 * watermark, the pieces done after it and each partly read piece's next page (see {@link ParallelBackfill}).
 */
public final class WindowSync implements ResourceSync {
    private static final Logger log = LoggerFactory.getLogger(WindowSync.class);
    private static final Duration BACKFILL_WAIT = Duration.ofMillis(500);

    private final Resource resource;
    private final WindowDialect dialect;
    private final ApiClient client;
    private final RecordMaker records;
    private final Settings settings;
    private final Clock clock;
    private final WindowWalker walker;
    private final ExecutorService fetchPool;

    private ResourceOffset position;
    private ParallelBackfill backfill;
    private Instant dueAt;
    private long windowRecords;
    private int windowPages;
    /** Snapshot resources: id → digest of the content last sent by this task. */
    private final SentDigests sentSnapshot = new SentDigests();

    public WindowSync(Resource resource, WindowDialect dialect, ApiClient client, RecordMaker records, Settings settings,
                        ResourceOffset offset, Clock clock, ExecutorService fetchPool) {
        this.resource = resource;
        this.dialect = dialect;
        this.client = client;
        this.records = records;
        this.settings = settings;
        this.clock = clock;
        this.fetchPool = fetchPool;
        this.walker = new WindowWalker(resource, dialect, client, settings.baseUrl(), settings.pageSize());
        this.position = offset;
        this.dueAt = resource.mode() == SyncMode.SNAPSHOT && !offset.inWindow() && offset.watermark() != null
                ? offset.watermark().plus(settings.snapshotInterval()) : Instant.MIN;
    }

    @Override
    public Resource resource() {
        return resource;
    }

    @Override
    public Instant dueAt() {
        return dueAt;
    }

    /** The position this sync would resume from now (in memory; Connect stores what it has committed). */
    public ResourceOffset position() {
        return position;
    }

    /** True while a window (or a backfill) is being read. */
    public boolean inWindow() {
        return backfill != null || position.inWindow();
    }

    /** Reads on (opening a window first if none is in progress) and returns the records to send now. */
    @Override
    public List<SourceRecord> step() throws InterruptedException {
        if (backfill != null) {
            return stepBackfill();
        }
        if (!position.inWindow() && !openWindow()) {
            return List.of();
        }
        ResourceOffset before = position;
        WindowWalker.Step step = walker.next(before);
        windowPages++;
        int pages = WindowWalker.estimatedPages(step.page());
        // a backfill stopped with pieces done or partly read goes on as one, whatever is left of it
        boolean backfillStopped = !before.done().isEmpty() || !before.reading().isEmpty();
        if (backfillStopped || (step.openedALargeWindow(before) && pages > 2 && canSplit(before))) {
            log.info("{}: window [{}, {}) holds about {} pages; reading it in pieces, up to {} at once",
                    resource.name(), before.watermark() == null ? "start" : before.watermark(), before.windowEnd(),
                    pages, settings.maxConcurrency());
            backfill = new ParallelBackfill(walker, this::backfillRecords, fetchPool, this::concurrency,
                    settings.pageSize(), before.watermark(), before.windowEnd(), pages,
                    WindowWalker.pageCount(step.page()) != null, walker.changeTimes(step.page().records()),
                    before.done(), before.reading());
            return List.of();
        }
        position = step.after();
        List<SourceRecord> out = toRecords(step.toSend(), before, step.after());
        if (step.windowDone()) {
            finishWindow(before.windowEnd());
        }
        return out;
    }

    @Override
    public void close() {
        if (backfill != null) {
            backfill.cancel();
        }
    }

    private List<SourceRecord> stepBackfill() throws InterruptedException {
        ParallelBackfill.Batch batch = backfill.poll(BACKFILL_WAIT);
        List<SourceRecord> out = List.of();
        if (batch != null) {
            position = batch.after();
            out = batch.records();
            windowRecords += out.size();
        }
        if (backfill.finished()) {
            finishWindow(backfill.end());
            backfill = null;
        }
        return out;
    }

    private boolean canSplit(ResourceOffset window) {
        return resource.mode() == SyncMode.INCREMENTAL && settings.maxConcurrency() > 1
                && (window.watermark() == null
                || Duration.between(window.watermark(), window.windowEnd()).toSeconds() >= 2);
    }

    /** Enough requests in flight to keep the budget busy given how long answers take, within the maximum. */
    private int concurrency() {
        Double perSecond = client.budget().requestsPerSecond();
        Duration latency = client.typicalLatency();
        if (perSecond == null || latency == null) {
            return settings.maxConcurrency();
        }
        int needed = (int) Math.ceil(perSecond * latency.toNanos() / 1e9 * 1.5) + 1;
        return Math.max(2, Math.min(settings.maxConcurrency(), needed));
    }

    private boolean openWindow() {
        Instant serverNow = client.serverClock().now().orElseGet(this::learnServerClock);
        Instant upper = serverNow.minus(settings.safetyLag()).truncatedTo(ChronoUnit.SECONDS);
        Instant watermark = position.watermark();
        if (resource.mode() == SyncMode.SNAPSHOT) {
            position = ResourceOffset.windowStart(null, serverNow);
        } else if (watermark != null && !upper.isAfter(watermark)) {
            dueAt = clock.instant().plus(settings.pollInterval());
            return false;
        } else {
            position = ResourceOffset.windowStart(watermark, upper);
        }
        windowPages = 0;
        windowRecords = 0;
        return true;
    }

    /** Asks the API once for anything, to learn its clock from the Date header. */
    private Instant learnServerClock() {
        client.getPage(dialect.firstPage(settings.baseUrl(), resource, Window.ALL, 1), resource.name());
        return client.serverClock().now().orElseThrow(() -> new IllegalStateException(
                "The API sent no Date header, so windows cannot be bounded by its clock"));
    }

    private void finishWindow(Instant end) {
        if (windowRecords > 0 || log.isDebugEnabled()) {
            log.info("{}: read {} records for the window up to {}{}", resource.name(), windowRecords, end,
                    backfill == null ? " in " + windowPages + " pages" : " in parallel pieces");
        }
        position = ResourceOffset.at(end);
        Duration wait = resource.mode() == SyncMode.SNAPSHOT ? settings.snapshotInterval() : settings.pollInterval();
        dueAt = clock.instant().plus(wait);
    }

    private List<SourceRecord> toRecords(List<JsonNode> page, ResourceOffset resumeHere, ResourceOffset after) {
        List<SourceRecord> out;
        synchronized (records) { // backfill pieces are converted on the fetch threads
            out = records.toSourceRecords(page, resumeHere.toMap(), after.toMap(), settings.conversionErrors(),
                    resource.mode() == SyncMode.SNAPSHOT ? sentSnapshot : null);
        }
        windowRecords += out.size();
        return out;
    }

    /**
     * A backfill page's records, on a fetch thread; {@link ParallelBackfill} sets their offsets when it queues
     * them. Backfills are incremental resources only, so no snapshot digests are involved.
     */
    private List<SourceRecord> backfillRecords(List<JsonNode> page) {
        synchronized (records) {
            return records.convertAll(page, settings.conversionErrors(), null);
        }
    }
}
