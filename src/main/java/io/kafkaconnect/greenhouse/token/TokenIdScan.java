package io.kafkaconnect.greenhouse.token;

import io.kafkaconnect.greenhouse.api.CursorPage;
import io.kafkaconnect.greenhouse.api.ExpiredCursorException;
import io.kafkaconnect.greenhouse.dialect.PageNumbers;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TokenDialect;
import io.kafkaconnect.greenhouse.sync.IdScan;
import io.kafkaconnect.greenhouse.sync.IdSet;
import io.kafkaconnect.greenhouse.sync.PagingGuard;
import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists every id of a sync-token resource: a full pass without a token through each of its lists in turn, following
 * cursors (a refused cursor starts that list again from its first page). Its {@link #end()} is the worker's clock
 * when the last page was answered: a delta pass of the sync that starts after it returns every change the scan may
 * have missed (sync tokens cover everything since the pass that handed them out began).
 */
final class TokenIdScan implements IdScan {
    private static final Logger log = LoggerFactory.getLogger(TokenIdScan.class);

    private final Resource resource;
    /** The pages of each list, each record's id (and change time) read only. */
    private final List<ListPages<ParsedRecord>> lists;
    private final Clock clock;
    private final IdSet.Kind kind;
    private final PagingGuard guard;
    private int list;
    private String cursor;
    private Instant end;

    TokenIdScan(Resource resource, TokenDialect dialect, IdSet.Kind kind, ResourceSync.Context context) {
        this.resource = resource;
        this.lists = resource.lists().stream().map(list -> new ListPages<>(list, dialect, context.client(),
                context.settings(), context.records().idParser())).toList();
        this.clock = context.clock();
        this.kind = kind;
        this.guard = new PagingGuard(resource.name(), context.settings().pageSize(), PageNumbers.NONE,
                new AtomicBoolean());
    }

    @Override
    public List<Object> next() {
        if (done()) {
            throw new IllegalStateException("the scan is done");
        }
        CursorPage<ParsedRecord> page;
        try {
            page = lists.get(list).read(null, cursor);
        } catch (ExpiredCursorException e) {
            if (cursor == null) {
                throw e;
            }
            log.info("{}: {}; the id scan reads that list again from its first page", resource.name(), e.getMessage());
            cursor = null;
            guard.restart();
            return List.of();
        }
        guard.checkCursor(cursor, page.nextCursor(), page.records().size(), lists.get(list).url());
        List<Object> listed = new ArrayList<>(page.records().size());
        for (ParsedRecord r : page.records()) {
            Object id = IdSet.idOf(kind, r.id());
            if (id != null) {
                listed.add(id);
            }
        }
        if (!page.isLast()) {
            cursor = page.nextCursor();
        } else if (++list < lists.size()) {
            cursor = null;
            guard.restart();
        } else {
            end = clock.instant();
        }
        return listed;
    }

    @Override
    public boolean done() {
        return end != null;
    }

    @Override
    public Instant end() {
        return end;
    }
}
