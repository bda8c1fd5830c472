package io.kafkaconnect.greenhouse.window;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.WindowDialect;
import io.kafkaconnect.greenhouse.sync.IdScan;
import io.kafkaconnect.greenhouse.sync.IdSet;
import io.kafkaconnect.greenhouse.sync.PagingGuard;
import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists every id of a window resource: the window {@code [start, the API's now)} of each of its lists, read with the
 * {@link WindowWalker} as the sync reads a window (down from the last page on page-number endpoints, so records
 * deleted while the scan runs shift only pages already read; forward through cursors; open-ended where the sync reads
 * open-ended). A record changed after the window's end may leave it while it is read: the sync delivers that change,
 * before its watermark passes {@link #end()}.
 */
final class WindowIdScan implements IdScan {
    /** {@code ServerClock} stays behind the API's clock by up to about a second (whole-second Date headers). */
    private static final Duration CLOCK_MARGIN = Duration.ofSeconds(2);

    private final List<WindowWalker> walkers = new ArrayList<>();
    private final List<Resource> lists;
    private final ApiClient client;
    private final Clock clock;
    private final IdSet.Kind kind;
    private int list;
    private PagingGuard guard;
    private Optional<WindowOffset.Walking> position = Optional.empty();
    private Instant end;

    WindowIdScan(Resource resource, WindowDialect dialect, IdSet.Kind kind, ResourceSync.Context context) {
        this.lists = resource.lists();
        this.client = context.client();
        this.clock = context.clock();
        this.kind = kind;
        for (Resource r : lists) {
            walkers.add(new WindowWalker(r, dialect, client, context.settings().baseUrl(),
                    context.settings().pageSize(), context.records().idParser()));
        }
    }

    @Override
    public List<Object> next() {
        if (done()) {
            throw new IllegalStateException("the scan is done");
        }
        WindowWalker walker = walkers.get(list);
        if (position.isEmpty()) {
            Instant now = client.serverClock().now().orElseGet(clock::instant).truncatedTo(ChronoUnit.SECONDS);
            position = Optional.of(new WindowOffset.Between(null).open(now));
            guard = walker.newGuard();
        }
        WindowWalker.Step step = walker.next(position.get(), guard);
        List<Object> ids = new ArrayList<>(step.page().records().size());
        for (ParsedRecord r : step.page().records()) {
            Object id = IdSet.idOf(kind, r.id());
            if (id != null) {
                ids.add(id);
            }
        }
        position = step.next();
        if (position.isEmpty() && ++list == lists.size()) {
            end = client.serverClock().now().orElseGet(clock::instant).plus(CLOCK_MARGIN);
        }
        return ids;
    }

    @Override
    public boolean done() {
        return list == lists.size();
    }

    @Override
    public Instant end() {
        return end;
    }
}
