package io.kafkaconnect.greenhouse.window;

import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.dialect.WindowDialect;
import io.kafkaconnect.greenhouse.sync.ListsInTurn;
import io.kafkaconnect.greenhouse.sync.IdScan;
import io.kafkaconnect.greenhouse.sync.IdSet;
import io.kafkaconnect.greenhouse.sync.PagingModel;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paging by change-time windows: {@link WindowSync}s resuming from {@link WindowOffset}s (a resource read as several
 * lists: {@link ListsInTurn}).
 */
public final class WindowPaging implements PagingModel {
    private static final Logger log = LoggerFactory.getLogger(WindowPaging.class);
    /** Less than this ahead is the worker's clock trailing the API's a little: no warning. */
    private static final Duration AHEAD_WARNING = Duration.ofMinutes(1);

    private final WindowDialect dialect;

    public WindowPaging(WindowDialect dialect) {
        this.dialect = dialect;
    }

    /** @throws IllegalArgumentException if the stored offset cannot be resumed (see {@link PositionCheck}) */
    @Override
    public ResourceSync open(Resource resource, Map<String, Object> stored, Optional<Instant> syncStart,
                             ResourceSync.Context context) {
        if (resource.moreLists().isEmpty()) {
            return openList(resource, stored, syncStart, context);
        }
        List<Resource> lists = resource.lists();
        List<Map<String, Object>> positions = ListsInTurn.split(resource, stored);
        List<WindowSync> syncs = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            syncs.add(openList(lists.get(i), positions.get(i), syncStart, context));
        }
        return new ListsInTurn<>(resource, syncs);
    }

    private WindowSync openList(Resource resource, Map<String, Object> stored, Optional<Instant> syncStart,
                                ResourceSync.Context context) {
        WindowOffset offset = stored != null ? WindowOffset.fromMap(stored)
                : resource.mode() == SyncMode.SNAPSHOT ? WindowOffset.START
                : new WindowOffset.Between(syncStart.orElse(null));
        Instant now = context.clock().instant();
        if (stored != null) {
            PositionCheck.check(offset, firstPage(context.settings().baseUrl(), resource), now);
        }
        Duration ahead = PositionCheck.ahead(offset, now);
        if (ahead.compareTo(AHEAD_WARNING) >= 0) {
            log.warn("{}: the position to resume from ({}) reaches {}, {} ahead of this worker's clock; the next "
                    + "window opens only once the API's clock has passed it", resource.name(),
                    stored != null ? "the stored offset" : "sync.start", now.plus(ahead), ahead);
        }
        return new WindowSync(resource, dialect, offset, context);
    }

    @Override
    public void checkOffset(Resource resource, HttpUrl baseUrl, Map<String, ?> position, Instant now) {
        if (resource.moreLists().isEmpty()) {
            PositionCheck.check(WindowOffset.fromMap(position), firstPage(baseUrl, resource), now);
            return;
        }
        List<Resource> lists = resource.lists();
        List<Map<String, Object>> positions = ListsInTurn.split(resource, position);
        for (int i = 0; i < lists.size(); i++) {
            if (positions.get(i) != null) {
                PositionCheck.check(WindowOffset.fromMap(positions.get(i)), firstPage(baseUrl, lists.get(i)), now);
            }
        }
    }

    @Override
    public IdScan idScan(Resource resource, IdSet.Kind kind, ResourceSync.Context context) {
        return new WindowIdScan(resource, dialect, kind, context);
    }

    @Override
    public String offsetExample() {
        return "To move a resource to a time, write {\"v\": 1, \"watermark\": \"2024-01-01T00:00:00Z\"}; to reset it, "
                + "write null.";
    }

    /** The first page of the resource's list: the origin and path of every page of its windows. */
    private HttpUrl firstPage(HttpUrl baseUrl, Resource resource) {
        return dialect.firstPage(baseUrl, resource, Window.ALL, 1);
    }
}
