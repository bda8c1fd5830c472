package io.kafkaconnect.greenhouse.token;

import io.kafkaconnect.greenhouse.api.CursorPage;
import io.kafkaconnect.greenhouse.api.ExpiredCursorException;
import io.kafkaconnect.greenhouse.api.ExpiredSyncTokenException;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * parents' child lists, read up to {@code fetch.max.concurrency} at once ({@link ChildLists}) as soon as the page is
 * there, across the pages fetched ahead; they are handed over one parent page at a time, in parent order.
 * <p>Offsets: records of a page carry "read this page again" ({@code {sync_token, cursor}} of the page), the last
 * one the position after the page: the next cursor, or the new token at the end of a pass. A pass whose last page
 * sends nothing new leaves the stored token where it was; the task goes on with the new one, and a restart replays
 * the older one, which covers more.
 */
public final class TokenSync implements ListSync {
    private static final Logger log = LoggerFactory.getLogger(TokenSync.class);

    private final Resource resource;
    private final SourceRecordFactory records;
    private final Settings settings;
    private final Clock clock;
    private final SentDigests sent = new SentDigests();
    private final AtomicBoolean oversizeLogged = new AtomicBoolean();
    /** Watches the cursors of the current pass. */
    private PagingGuard passGuard;

    private TokenOffset position;
    /** The pages of the pass (its own records, or per changed parent its parents' child records), read ahead. */
    private final PassReader<?> passes;
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
        this.records = context.records();
        this.settings = context.settings();
        this.clock = context.clock();
        this.stats = context.stats();
        this.progress = stats.progress();
        this.position = offset;
        ListedRecords<?> listed = resource.mode() == SyncMode.PER_CHANGED_PARENT
                ? new ChildLists(resource, dialect, context, oversizeLogged) : new OwnRecords(records.parser());
        this.passes = new PassReader<>(resource, dialect, context, listed);
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
        return position.cursor() != null;
    }

    @Override
    public Map<String, Object> positionMap() {
        return position.toMap();
    }

    @Override
    public List<SourceRecord> step() throws InterruptedException {
        TokenOffset before = position;
        String cursor = before.cursor();
        if (cursor == null || passGuard == null) {
            passRecords = 0;
            passPages = 0;
            passGuard = newGuard(resource.mode() == SyncMode.SNAPSHOT && resource.paging() == Paging.UNPAGED);
            // a pass resumed in its middle (a restart) was begun by another task: when, and what it listed, is unknown
            passStartedAt = cursor == null ? clock.instant() : null;
            passIds = cursor == null && resource.mode() == SyncMode.SNAPSHOT ? new IdSet(records.idKind()) : null;
            progress.begin((before.token() == null ? "full" : "incremental") + " pass", null);
        }
        PassReadAhead.Fetched<?> fetched;
        try {
            fetched = passes.pageAt(before);
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
        passGuard.checkCursor(cursor, page.nextCursor(), page.records().size(), passes.listUrl());
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
        } else {
            passes.fetchAhead(after);
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

    /**
     * True when the next step hands over a page without waiting for an answer. With nothing fetched ahead (a pass
     * about to start), starts fetching its first page.
     */
    @Override
    public boolean ready() {
        return passes.ready(position);
    }

    @Override
    public void awaitReady(Duration max) throws InterruptedException {
        passes.awaitReady(max);
    }

    /** @param unpaged the list answers whole: no page size was asked for, so none is exceeded */
    private PagingGuard newGuard(boolean unpaged) {
        return new PagingGuard(resource.name(), unpaged ? Integer.MAX_VALUE : settings.pageSize(), PageNumbers.NONE,
                oversizeLogged);
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

    @Override
    public void close() {
        passes.close();
    }
}
