package io.kafkaconnect.greenhouse.window;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiPage;
import io.kafkaconnect.greenhouse.api.RecordParser;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.dialect.WindowDialect;
import io.kafkaconnect.greenhouse.sync.IdSet;
import io.kafkaconnect.greenhouse.sync.ListSync;
import io.kafkaconnect.greenhouse.sync.ListedPass;
import io.kafkaconnect.greenhouse.sync.PagingGuard;
import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import io.kafkaconnect.greenhouse.sync.ProgressLog;
import io.kafkaconnect.greenhouse.sync.ResourceStats;
import io.kafkaconnect.greenhouse.sync.SentDigests;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import io.kafkaconnect.greenhouse.window.WindowOffset.Backfilling;
import io.kafkaconnect.greenhouse.window.WindowOffset.Between;
import io.kafkaconnect.greenhouse.window.WindowOffset.Walking;
import io.kafkaconnect.greenhouse.window.plan.BackfillPlanner;
import io.kafkaconnect.greenhouse.window.plan.ScoutPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
public final class WindowSync implements ListSync {
    private static final Logger log = LoggerFactory.getLogger(WindowSync.class);
    private static final Duration BACKFILL_WAIT = Duration.ofMillis(500);

    private final Resource resource;
    private final WindowDialect dialect;
    private final ApiClient client;
    private final SourceRecordFactory records;
    private final Settings settings;
    private final Clock clock;
    private final WindowWalker walker;
    private final ExecutorService fetchPool;

    private WindowOffset position;
    /** Watches the walk through the current window's pages. */
    private PagingGuard walkGuard;
    private ParallelBackfill backfill;
    private final ProgressLog progress;
    private final ResourceStats stats;
    private Instant dueAt;
    private long windowRecords;
    private int windowPages;
    /**
     * The first page of everything the resource holds, read when the task starts to learn the API's clock. It
     * stands in for the first page of a first window that turns out large (the same records, but for those
     * changed in the last few seconds): a backfill is planned from it without asking again. Null once used.
     */
    private ApiPage<ParsedRecord> firstPageOfAll;
    /** Pieces of this sync's backfills split at the end (see {@link ParallelBackfill#splits}). */
    private int backfillSplits;
    /** Snapshot resources: id → digest of the content last sent by this task. */
    private final SentDigests sentSnapshot = new SentDigests();
    /** Snapshot resources: the ids the pass being read lists; null unless this sync read it from its first page. */
    private IdSet passIds;
    /** What the pass just completed listed, until {@link #takeCompletedPass()} takes it. */
    private ListedPass completedPass;

    public WindowSync(Resource resource, WindowDialect dialect, WindowOffset offset, Context context) {
        this.resource = resource;
        this.dialect = dialect;
        this.client = context.client();
        this.records = context.records();
        this.settings = context.settings();
        this.clock = context.clock();
        this.fetchPool = context.fetchPool();
        this.walker = new WindowWalker(resource, dialect, client, settings.baseUrl(), settings.pageSize(),
                parser());
        this.stats = context.stats();
        this.progress = stats.progress();
        this.position = offset;
        stats.caughtUpTo(resource, offset.watermark());
        this.walkGuard = walker.newGuard();
        // a snapshot resource between passes waits for its next pass
        this.dueAt = offset.match(
                between -> resource.mode() == SyncMode.SNAPSHOT && between.watermark() != null
                        ? between.watermark().plus(settings.snapshotInterval()) : Instant.MIN,
                walking -> Instant.MIN, backfilling -> Instant.MIN);
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
    public WindowOffset position() {
        return position;
    }

    /** The watermark: every change before it is handed over (on the API's clock). */
    @Override
    public Instant deliveredUpTo() {
        return position.watermark();
    }

    @Override
    public ListedPass takeCompletedPass() {
        ListedPass pass = completedPass;
        completedPass = null;
        return pass;
    }

    /** How many pieces of the backfills read so far had their lower pages read by a second read at the end. */
    int backfillSplits() {
        return backfillSplits;
    }

    /** True while a window (or a backfill) is being read. */
    public boolean inWindow() {
        return backfill != null || position.match(between -> false, walking -> true, backfilling -> true);
    }

    @Override
    public boolean midPass() {
        return inWindow();
    }

    @Override
    public Map<String, Object> positionMap() {
        return position.toMap();
    }

    /** Reads on (opening a window first if none is in progress) and returns the records to send now. */
    @Override
    public List<SourceRecord> step() throws InterruptedException {
        if (backfill != null) {
            return stepBackfill();
        }
        return position.match(this::openWindow, this::walk, this::resumeBackfill);
    }

    /** Opens the next window and reads its first page, if the window would not be empty. */
    private List<SourceRecord> openWindow(Between between) {
        Instant serverNow = client.serverClock().now().orElseGet(this::learnServerClock);
        Instant upper = serverNow.minus(settings.safetyLag()).truncatedTo(ChronoUnit.SECONDS);
        Walking opened;
        if (resource.mode() == SyncMode.SNAPSHOT) {
            opened = WindowOffset.START.open(serverNow);
            passIds = new IdSet(records.idKind());
        } else if (between.watermark() != null && !upper.isAfter(between.watermark())) {
            dueAt = clock.instant().plus(settings.pollInterval());
            return List.of();
        } else {
            opened = between.open(upper);
        }
        position = opened;
        windowPages = 0;
        windowRecords = 0;
        walkGuard = walker.newGuard();
        return walk(opened);
    }

    /** Reads the window's next page, or, if its first page shows a large window, begins reading it in pieces. */
    private List<SourceRecord> walk(Walking before) {
        ApiPage<ParsedRecord> ofAll = takeFirstPageOfAll();
        if (ofAll != null && before.watermark() == null && before.next() == null && isLarge(ofAll, before.span())) {
            startBackfill(Backfilling.begun(before.span()), ofAll);
            return List.of();
        }
        WindowWalker.Step step = walker.next(before, walkGuard);
        windowPages++;
        stats.pageRead(clock.instant());
        if (step.openedALargeWindow(before) && isLarge(step.page(), before.span())) {
            startBackfill(Backfilling.begun(before.span()), step.page());
            return List.of();
        }
        position = step.after();
        if (passIds != null) {
            step.page().records().forEach(r -> {
                Object id = IdSet.idOf(passIds.kind(), r.id());
                if (id != null) {
                    passIds.add(id);
                }
            });
        }
        List<SourceRecord> out = toRecords(step.toSend(), before, step.after());
        if (step.windowDone()) {
            finishWindow(before.windowEnd());
        }
        return out;
    }

    /**
     * A backfill stopped with pieces done or partly read goes on as one, whatever is left of it, planned from the
     * window's first page.
     */
    private List<SourceRecord> resumeBackfill(Backfilling before) {
        ApiPage<ParsedRecord> ofAll = takeFirstPageOfAll();
        ApiPage<ParsedRecord> first = ofAll != null && before.watermark() == null && isLarge(ofAll, before.span()) ? ofAll
                : walker.next(Walking.opened(before.span()), walkGuard).page();
        startBackfill(before, first);
        return List.of();
    }

    /** The first page of everything, if it was read to learn the API's clock and is not used yet. */
    private ApiPage<ParsedRecord> takeFirstPageOfAll() {
        ApiPage<ParsedRecord> ofAll = firstPageOfAll;
        firstPageOfAll = null;
        return ofAll;
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
            if (!out.isEmpty()) {
                stats.pageRead(clock.instant()); // a piece's page (a piece that ends hands over an empty batch)
            }
            windowRecords += out.size();
            progress.sent(out.size());
        }
        if (backfill.finished()) {
            progress.end();
            backfillSplits += backfill.splits();
            finishWindow(backfill.end());
            backfill = null;
        }
        return out;
    }

    /** Whether a window whose first page is {@code first} is worth reading in pieces. */
    private boolean isLarge(ApiPage<ParsedRecord> first, Window window) {
        if (first.next() == null || !canSplit(window)) {
            return false;
        }
        if (walker.pageCount(first) != null) {
            return walker.estimatedPages(first) > 2;
        }
        // no page count (a cursor): a first backfill is; a later window if it holds more than two pages even at
        // the density its first page shows, a lower bound (records with lower ids changed in it too)
        List<Instant> times = walker.changeTimes(first.records());
        if (window.from() == null || times.isEmpty()) {
            return true;
        }
        double seconds = Duration.between(window.from(), window.to()).toSeconds();
        return ScoutPlan.sampleDensity(times, window.to()) * seconds > 2.0 * settings.pageSize();
    }

    /** Reads {@code window} in pieces (but for what a previous run read of it), planned from its first page. */
    private void startBackfill(Backfilling window, ApiPage<ParsedRecord> first) {
        int pages = walker.estimatedPages(first);
        boolean counted = walker.pageCount(first) != null;
        log.info("{}: window [{}, {}) holds {}; reading it in pieces, up to {} at once", resource.name(),
                window.watermark() == null ? "start" : window.watermark(), window.windowEnd(),
                counted ? "about " + pages + " pages" : "more than one page (no count)", settings.maxConcurrency());
        progress.begin("backfill of [" + (window.watermark() == null ? "start" : window.watermark()) + ", "
                + window.windowEnd() + ")", counted ? (long) pages * settings.pageSize() : null);
        backfill = new ParallelBackfill(walker, this::backfillRecords, fetchPool, this::concurrency,
                settings.pageSize(), new BackfillPlanner.Start(window.watermark(), window.windowEnd(), pages,
                        counted, walker.changeTimes(first.records()), window.done(),
                        window.reading().stream().map(Walking::span).toList()), window.reading());
    }

    private boolean canSplit(Window window) {
        return resourceCanSplit()
                && (window.from() == null || Duration.between(window.from(), window.to()).toSeconds() >= 2);
    }

    private boolean resourceCanSplit() {
        return resource.mode() == SyncMode.INCREMENTAL && settings.maxConcurrency() > 1 && !walker.readsOpenEnded();
    }

    /** Enough requests in flight to keep the budget busy given how long answers take, within the maximum. */
    private int concurrency() {
        Double perSecond = client.budget().requestsPerSecond();
        Duration latency = client.typicalLatency();
        if (perSecond == null || latency == null) {
            return settings.maxConcurrency();
        }
        int needed = (int) Math.ceil(perSecond * latency.toNanos() / 1e9 * 2) + 1;
        return Math.max(2, Math.min(settings.maxConcurrency(), needed));
    }

    /**
     * Asks the API once for anything, to learn its clock from the Date header. Where a first window may be read
     * in pieces, that is a whole first page of everything, kept to plan them by.
     */
    private Instant learnServerClock() {
        boolean mayBackfill = position.watermark() == null && resourceCanSplit();
        ApiPage<ParsedRecord> page = client.getPage(dialect.firstPage(settings.baseUrl(), resource, Window.ALL,
                mayBackfill ? settings.pageSize() : 1), resource.name(), parser());
        firstPageOfAll = mayBackfill ? page : null;
        return client.serverClock().now().orElseThrow(() -> new IllegalStateException(
                "The API sent no Date header, so windows cannot be bounded by its clock"));
    }

    private void finishWindow(Instant end) {
        if (windowRecords > 0 || log.isDebugEnabled()) {
            log.info("{}: read {} records for the window up to {}{}", resource.name(), windowRecords, end,
                    backfill == null ? " in " + windowPages + " pages" : " in parallel pieces ("
                            + backfill.splits() + " split at the end)");
        }
        position = new Between(end);
        completedPass = passIds == null ? null : new ListedPass(passIds, windowPages);
        passIds = null;
        stats.caughtUpTo(resource, end);
        Duration wait = resource.mode() == SyncMode.SNAPSHOT ? settings.snapshotInterval() : settings.pollInterval();
        dueAt = clock.instant().plus(wait);
    }

    /** Reads a page's records; with their digests only for a snapshot, the one mode that needs them (toRecords). */
    private RecordParser<ParsedRecord> parser() {
        return records.parser(resource.mode() == SyncMode.SNAPSHOT);
    }

    private List<SourceRecord> toRecords(List<ParsedRecord> page, WindowOffset resumeHere, WindowOffset after) {
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
    private List<SourceRecord> backfillRecords(List<ParsedRecord> page) {
        synchronized (records) {
            return records.convertAll(page, settings.conversionErrors(), null);
        }
    }
}
