package io.kafkaconnect.greenhouse.token;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiException;
import io.kafkaconnect.greenhouse.api.CursorPage;
import io.kafkaconnect.greenhouse.api.ExpiredCursorException;
import io.kafkaconnect.greenhouse.api.ExpiredSyncTokenException;
import io.kafkaconnect.greenhouse.api.PageRequest;
import io.kafkaconnect.greenhouse.api.StoppedException;
import io.kafkaconnect.greenhouse.dialect.PageNumbers;
import io.kafkaconnect.greenhouse.dialect.Paging;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.TokenDialect;
import io.kafkaconnect.greenhouse.sync.ListSync;
import io.kafkaconnect.greenhouse.sync.IdSet;
import io.kafkaconnect.greenhouse.sync.ListedPass;
import io.kafkaconnect.greenhouse.sync.PagingGuard;
import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import io.kafkaconnect.greenhouse.sync.ProgressLog;
import io.kafkaconnect.greenhouse.sync.ResourceStats;
import io.kafkaconnect.greenhouse.sync.SentDigests;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync of one resource of a {@link TokenDialect}, one page per {@link #step()}:
 * <ol>
 * <li>A pass without a token reads the whole list, following cursors; its last page hands out a sync token.</li>
 * <li>Later passes replay the token and read only what changed since the pass that handed it out began; their last
 * page hands out the next token. Between passes the resource waits for the poll interval (snapshot lists, which
 * have no tokens, for the snapshot interval).</li>
 * <li>A refused cursor (expired, unreadable) restarts the pass from its first page with the same token; a refused
 * token (expired, invalid, or a delta too large to list) starts a full pass. Either way nothing is lost: the pass
 * that is read again covers everything the interrupted one would have.</li>
 * </ol>
 * Records whose content this task has sent before are not sent again (after a forced full pass most are unchanged).
 * While a pass runs, its next pages are fetched in the background ({@link PassReadAhead}, two pages ahead of the
 * steps), each as soon as the page before it answers: a cursor chain has one request in flight at a time, so this
 * keeps it busy whatever the task's polls do, and lets the chains of a task's resources run side by side.
 * For a {@link SyncMode#PER_CHANGED_PARENT} resource each page of the parent list's pass becomes the records of its
 * parents' child lists, read up to {@code fetch.max.concurrency} at once ({@link FanOut}) as soon as the page is
 * there, across the pages fetched ahead; they are handed over one parent page at a time, in parent order.
 * <p>Offsets: records of a page carry "read this page again" ({@code {sync_token, cursor}} of the page), the last
 * one the position after the page: the next cursor, or the new token at the end of a pass. A pass whose last page
 * sends nothing new leaves the stored token where it was; the task goes on with the new one, and a restart replays
 * the older one, which covers more.
 */
public final class TokenSync implements ListSync {
    private static final Logger log = LoggerFactory.getLogger(TokenSync.class);
    /**
     * Pages of a pass fetched ahead of the steps: two, so the next page's request starts as soon as a page answers
     * (one request in flight per chain whatever the polls do) and a page's per-parent reads overlap the next page's.
     */
    private static final int READ_AHEAD_PAGES = 2;

    private final Resource resource;
    private final TokenDialect dialect;
    private final ApiClient client;
    private final SourceRecordFactory records;
    private final Settings settings;
    private final Clock clock;
    private final ExecutorService fetchPool;
    private final SentDigests sent = new SentDigests();
    private final AtomicBoolean oversizeLogged = new AtomicBoolean();
    /** Watches the cursors of the current pass. */
    private PagingGuard passGuard;

    private TokenOffset position;
    /** The pages of the pass fetched in the background; null without a fetch pool (everything read in step()). */
    private final PassReadAhead readAhead;
    /** The per-parent reads, several at once. */
    private final FanOut fanOut;
    /** Per changed parent: the field of a child record that names its parent, filled in where the API leaves it out. */
    private final Field parentIdField;
    private Instant dueAt = Instant.MIN;
    private long passRecords;
    private int passPages;
    private final ProgressLog progress;
    private final ResourceStats stats;
    /** When the pass being read sent its first request (the worker's clock). */
    private Instant passStartedAt;
    /** The start of the last pass read to its end: every change before it is handed over. */
    private Instant deliveredUpTo;
    /** Snapshot lists: the ids the pass being read lists; null unless this sync read it from its first page. */
    private IdSet passIds;
    /** What the snapshot pass just completed listed, until {@link #takeCompletedPass()} takes it. */
    private ListedPass completedPass;

    public TokenSync(Resource resource, TokenDialect dialect, TokenOffset offset, Context context) {
        this.resource = resource;
        this.dialect = dialect;
        this.client = context.client();
        this.records = context.records();
        this.settings = context.settings();
        this.clock = context.clock();
        this.fetchPool = context.fetchPool();
        this.stats = context.stats();
        this.progress = stats.progress();
        this.position = offset;
        this.fanOut = new FanOut(fetchPool, settings.maxConcurrency());
        this.parentIdField = resource.mode() == SyncMode.PER_CHANGED_PARENT ? parentIdField(resource, records) : null;
        this.readAhead = fetchPool == null ? null : new PassReadAhead(READ_AHEAD_PAGES,
                this::fetchInBackground, this::expand);
        stats.caughtUpTo(resource, null); // unknown until a pass ends (of every list, for a resource read as several)
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
    public TokenOffset position() {
        return position;
    }

    @Override
    public boolean midPass() {
        return cursorOf(position) != null;
    }

    @Override
    public Map<String, Object> positionMap() {
        return position.toMap();
    }

    @Override
    public List<SourceRecord> step() throws InterruptedException {
        TokenOffset before = position;
        String cursor = cursorOf(before);
        if (cursor == null || passGuard == null) {
            passRecords = 0;
            passPages = 0;
            passGuard = newGuard(resource.mode() == SyncMode.SNAPSHOT && resource.paging() == Paging.UNPAGED);
            // a pass resumed in its middle (a restart) was begun by another task: when, and what it listed, is unknown
            passStartedAt = cursor == null ? clock.instant() : null;
            passIds = cursor == null && resource.mode() == SyncMode.SNAPSHOT ? new IdSet(records.idKind()) : null;
            progress.begin((before.token() == null ? "full" : "incremental") + " pass", null);
        }
        PassReadAhead.Fetched fetched;
        try {
            fetched = pageAt(before);
        } catch (ExpiredCursorException e) {
            if (cursor == null) {
                throw e; // no cursor was sent: nothing to recover
            }
            log.info("{}: {}; reading the pass again from its first page", resource.name(), e.getMessage());
            position = new TokenOffset.BetweenPasses(before.token());
            return List.of();
        } catch (ExpiredSyncTokenException e) {
            if (before.token() == null) {
                throw e; // no token was sent: nothing to recover
            }
            log.info("{}: {}; reading everything again in a full pass (unchanged records are not sent twice)",
                    resource.name(), e.getMessage());
            position = TokenOffset.START;
            return List.of();
        }
        CursorPage<?> page = fetched.page();
        passGuard.checkCursor(cursor, page.nextCursor(), page.records().size(), listUrl());
        passPages++;
        stats.pageRead(clock.instant());
        List<ParsedRecord> parsed = fetched.records();
        if (passIds != null) {
            for (ParsedRecord r : parsed) {
                Object id = IdSet.idOf(passIds.kind(), r.id());
                if (id != null) {
                    passIds.add(id);
                }
            }
        }
        TokenOffset after = page.isLast() ? new TokenOffset.BetweenPasses(page.syncToken())
                : before.atCursor(page.nextCursor());
        List<SourceRecord> out = records.toSourceRecords(parsed, before.toMap(), after.toMap(),
                settings.conversionErrors(), sent);
        passRecords += out.size();
        progress.sent(out.size());
        position = after;
        if (page.isLast()) {
            finishPass(before, after);
        } else if (readAhead != null) {
            readAhead.ensure(after);
        }
        return out;
    }

    /** The start of the last pass read to its end (the worker's clock); null before one ends. */
    @Override
    public Instant deliveredUpTo() {
        return deliveredUpTo;
    }

    @Override
    public ListedPass takeCompletedPass() {
        ListedPass pass = completedPass;
        completedPass = null;
        return pass;
    }

    /** The page at {@code at} and its records: the one fetched ahead if it is that one, else fetched now. */
    private PassReadAhead.Fetched pageAt(TokenOffset at) throws InterruptedException {
        CompletableFuture<PassReadAhead.Fetched> ahead = readAhead == null ? null : readAhead.take(at);
        if (ahead == null) {
            CursorPage<?> page = fetch(at);
            return new PassReadAhead.Fetched(page, await(expand(page)));
        }
        try {
            return await(ahead);
        } catch (InterruptedException e) {
            readAhead.drop();
            throw e;
        }
    }

    /**
     * True when the next step hands over a page without waiting for an answer. With nothing fetched ahead (a pass
     * about to start), starts fetching its first page.
     */
    @Override
    public boolean ready() {
        return readAhead == null || readAhead.ready(position);
    }

    @Override
    public void awaitReady(Duration max) throws InterruptedException {
        if (readAhead != null) {
            readAhead.await(max);
        }
    }

    /** The result of a read, with the same exceptions as a read in this thread (handled the same way). */
    private static <T> T await(CompletableFuture<T> read) throws InterruptedException {
        try {
            return read.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** What a page's records stand for: themselves, or (per changed parent) their child lists' records. */
    private CompletableFuture<List<ParsedRecord>> expand(CursorPage<?> page) {
        return parentIdField != null ? children(recordsOf(page)) : CompletableFuture.completedFuture(recordsOf(page));
    }

    /** The records of a page {@link #fetch} read: {@link ParentRecord}s per changed parent, else ParsedRecords. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> recordsOf(CursorPage<?> page) {
        return (List<T>) page.records();
    }

    /** @param unpaged the list answers whole: no page size was asked for, so none is exceeded */
    private PagingGuard newGuard(boolean unpaged) {
        return new PagingGuard(resource.name(), unpaged ? Integer.MAX_VALUE : settings.pageSize(), PageNumbers.NONE,
                oversizeLogged);
    }

    /** The URL of the resource's list, for messages (e.g. Ashby's cursors travel in the body). */
    private HttpUrl listUrl() {
        return dialect.listRequest(settings.baseUrl(), resource, null, null, settings.pageSize()).url();
    }

    /** A page of the resource's list: of {@link ParentRecord}s per changed parent (its child lists are read next). */
    private CursorPage<?> fetch(TokenOffset at) {
        PageRequest request = dialect.listRequest(settings.baseUrl(), resource, at.token(), cursorOf(at),
                settings.pageSize());
        return parentIdField != null
                ? client.exchange(request, resource.name(), dialect.pageReader(ParentRecord.PARSER))
                : client.exchange(request, resource.name(), dialect.pageReader(records.parser()));
    }

    private CompletableFuture<CursorPage<?>> fetchInBackground(TokenOffset at) {
        try {
            return CompletableFuture.supplyAsync(() -> fetch(at), fetchPool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new StoppedException()); // the task is stopping
        }
    }

    /** The cursor of the page at {@code at}; null for a pass's first page, which has none. */
    private static String cursorOf(TokenOffset at) {
        return at.match(between -> null, TokenOffset.InPass::cursor);
    }

    private void finishPass(TokenOffset started, TokenOffset after) {
        progress.end();
        if (passStartedAt != null) {
            deliveredUpTo = passStartedAt;
        }
        completedPass = passIds == null ? null : new ListedPass(passIds, passPages);
        passIds = null;
        stats.caughtUpTo(resource, clock.instant());
        if (passRecords > 0 || log.isDebugEnabled()) {
            log.info("{}: {} pass sent {} changed records from {} pages{}", resource.name(),
                    started.token() == null ? "full" : "incremental", passRecords, passPages,
                    after.token() == null && resource.mode() != SyncMode.SNAPSHOT
                            ? "; the API sent no sync token, so the next pass is a full one" : "");
        }
        boolean snapshot = resource.mode() == SyncMode.SNAPSHOT;
        dueAt = clock.instant().plus(snapshot ? settings.snapshotInterval() : settings.pollInterval());
    }

    /**
     * The child records of each parent of a page of the parent list, several parents at once (and with the reads of
     * other pages fetched ahead), in parent order.
     */
    private CompletableFuture<List<ParsedRecord>> children(List<ParentRecord> parents) {
        List<CompletableFuture<List<ParsedRecord>>> reads = new ArrayList<>(parents.size());
        for (ParentRecord parent : parents) {
            String id = parent.id();
            if (id == null) {
                return CompletableFuture.failedFuture(new ApiException(0, resource.name() + ": a record of the parent "
                        + "list " + resource.parent().path() + " has no id (its fields: " + fieldNames(parent) + ")"));
            }
            reads.add(fanOut.submit(() -> childrenOf(id)));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<ParsedRecord> out = new ArrayList<>();
            reads.forEach(read -> out.addAll(read.join()));
            return out;
        });
    }

    private List<ParsedRecord> childrenOf(String parentId) {
        List<ParsedRecord> out = new ArrayList<>();
        String cursor = null;
        int restarts = 0;
        PagingGuard guard = newGuard(resource.paging() == Paging.UNPAGED);
        do {
            CursorPage<ParsedRecord> page;
            try {
                page = client.exchange(dialect.childRequest(settings.baseUrl(), resource, parentId, cursor,
                        settings.pageSize()), resource.name(), dialect.pageReader(records.parser()));
            } catch (ExpiredCursorException e) {
                if (cursor == null || ++restarts > 3) {
                    throw e;
                }
                log.info("{}: {}; reading parent {} again", resource.name(), e.getMessage(), parentId);
                out.clear();
                guard.restart();
                cursor = null;
                continue;
            } catch (ApiException e) {
                if (e.status() == 404) {
                    log.debug("{}: parent {} is gone ({}); its records are skipped", resource.name(), parentId,
                            e.getMessage());
                    return List.of();
                }
                throw e;
            }
            guard.checkCursor(cursor, page.nextCursor(), page.records().size(),
                    dialect.childRequest(settings.baseUrl(), resource, parentId, null, settings.pageSize()).url());
            for (ParsedRecord child : page.records()) {
                if (child.value() != null && child.value().get(parentIdField) == null) {
                    child.value().put(parentIdField, parentId);
                }
                out.add(child);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    /** A record's field names, never its values (personal data), for messages. */
    private static String fieldNames(ParentRecord parent) {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(parent.fields()));
        return names.size() > 20 ? String.join(", ", names.subList(0, 20)) + ", …" : String.join(", ", names);
    }

    /** The child schema's field named by {@link Resource.Parent#idParam()}: a string, as parent ids are sent. */
    private static Field parentIdField(Resource resource, SourceRecordFactory records) {
        Field field = records.valueSchema().field(resource.parent().idParam());
        if (field == null || field.schema().type() != Schema.Type.STRING) {
            throw new IllegalArgumentException(resource.name() + ": " + resource.parent().idParam()
                    + " must be a string field of the schema, to name each record's parent");
        }
        return field;
    }

    @Override
    public void close() {
        if (readAhead != null) {
            readAhead.drop();
        }
        fanOut.clear();
    }
}
