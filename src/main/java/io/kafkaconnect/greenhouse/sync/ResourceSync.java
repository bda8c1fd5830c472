package io.kafkaconnect.greenhouse.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiPage;
import io.kafkaconnect.greenhouse.config.GreenhouseSourceConfig.ConversionErrors;
import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.schema.RecordConversionException;
import io.kafkaconnect.greenhouse.sync.ResourceOffset.Walk;
import io.kafkaconnect.greenhouse.util.ContentHash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync state machine of one resource. Each {@link #step()} reads one page:
 * <ol>
 * <li>Open a window {@code [watermark, upper)}, {@code upper} = the API server's clock minus the safety lag.</li>
 * <li>Read its first page. One page: done. Several pages and a {@code last} link (v1 page numbers): the
 * first page's records are not sent; the walk jumps to {@code last} and follows {@code prev} down to page 1.
 * Records only ever leave a closed window while it is read (an edit moves them past {@code upper}), and a
 * record leaving shifts only the pages after it, which a downward walk has already read: nothing is
 * skipped. Records that shift onto the next page down are recognised by id and not sent twice. Without a
 * {@code last} link (cursor APIs, next-only endpoints) the walk follows {@code next}.</li>
 * <li>After the last page the watermark becomes {@code upper}.</li>
 * </ol>
 * Offsets: every record but the last of a page carries the position of the page it came from, so a crash
 * re-reads at most that page; the last one carries the position after the page.
 */
public final class ResourceSync {
    private static final Logger log = LoggerFactory.getLogger(ResourceSync.class);

    /** What a sync needs to know that does not change while it runs. */
    public record Settings(HttpUrl baseUrl, int pageSize, Duration pollInterval, Duration safetyLag,
                           Duration snapshotInterval, ConversionErrors conversionErrors) {
    }

    private final Resource resource;
    private final Dialect dialect;
    private final ApiClient client;
    private final RecordMaker records;
    private final Settings settings;
    private final Clock clock;

    private ResourceOffset position;
    private Instant dueAt;
    private long windowRecords;
    private int windowPages;
    /** Snapshot resources: id → digest of the content last sent by this task. */
    private final Map<Long, Long> sentSnapshot = new HashMap<>();

    public ResourceSync(Resource resource, Dialect dialect, ApiClient client, RecordMaker records, Settings settings,
                        ResourceOffset offset, Clock clock) {
        this.resource = resource;
        this.dialect = dialect;
        this.client = client;
        this.records = records;
        this.settings = settings;
        this.clock = clock;
        this.position = offset;
        this.dueAt = resource.mode() == SyncMode.SNAPSHOT && !offset.inWindow() && offset.watermark() != null
                ? offset.watermark().plus(settings.snapshotInterval()) : Instant.MIN;
    }

    public Resource resource() {
        return resource;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public boolean isDue(Instant now) {
        return !now.isBefore(dueAt);
    }

    /** The position this sync would resume from now. */
    public ResourceOffset position() {
        return position;
    }

    /** Reads the next page (opening a window first if none is in progress) and returns the records to send. */
    public List<SourceRecord> step() {
        if (!position.inWindow() && !openWindow()) {
            return List.of();
        }
        ResourceOffset before = position;
        HttpUrl url = before.nextPage() != null ? HttpUrl.get(before.nextPage())
                : dialect.firstPage(settings.baseUrl(), resource, new Window(before.watermark(), before.windowEnd()),
                settings.pageSize());
        ApiPage page = client.getPage(url, resource.name());
        windowPages++;

        List<JsonNode> toSend = page.records();
        if (before.nextPage() == null) {
            if (page.next() == null) {
                finishWindow();
            } else if (page.last() != null && !page.last().equals(url)) {
                // several pages of page numbers: walk down from the last; this page is read again at the end
                position = before.atPage(page.last().toString(), Walk.PREV, List.of());
                toSend = List.of();
            } else {
                position = before.atPage(page.next().toString(), Walk.NEXT, List.of());
            }
        } else if (before.walk() == Walk.NEXT) {
            position = page.next() == null ? position : before.atPage(page.next().toString(), Walk.NEXT, List.of());
            if (page.next() == null) {
                finishWindow();
            }
        } else {
            toSend = withoutIds(page.records(), new HashSet<>(before.seen()));
            if (page.prev() == null) {
                finishWindow();
            } else {
                position = before.atPage(page.prev().toString(), Walk.PREV, ids(page.records()));
            }
        }

        List<RecordMaker.Converted> converted = convertAll(toSend);
        windowRecords += converted.size();
        ResourceOffset after = position;
        ResourceOffset resumeHere = before;
        List<SourceRecord> out = new ArrayList<>(converted.size());
        for (int i = 0; i < converted.size(); i++) {
            out.add(records.toSourceRecord(converted.get(i), i == converted.size() - 1 ? after : resumeHere));
        }
        return out;
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

    private void finishWindow() {
        log.info("{}: read {} records in {} pages for window [{}, {})", resource.name(), windowRecords, windowPages,
                position.watermark() == null ? "start" : position.watermark(), position.windowEnd());
        position = ResourceOffset.at(position.windowEnd());
        Duration wait = resource.mode() == SyncMode.SNAPSHOT ? settings.snapshotInterval() : settings.pollInterval();
        dueAt = clock.instant().plus(wait);
    }

    private List<JsonNode> withoutIds(List<JsonNode> page, Set<Long> ids) {
        if (ids.isEmpty()) {
            return page;
        }
        List<JsonNode> out = new ArrayList<>(page.size());
        for (JsonNode json : page) {
            if (!ids.contains(id(json))) {
                out.add(json);
            }
        }
        return out;
    }

    private List<Long> ids(List<JsonNode> page) {
        List<Long> ids = new ArrayList<>(page.size());
        for (JsonNode json : page) {
            Long id = id(json);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private Long id(JsonNode json) {
        JsonNode id = json.get(resource.keyField());
        return id != null && id.canConvertToLong() ? id.longValue() : null;
    }

    private List<RecordMaker.Converted> convertAll(List<JsonNode> page) {
        List<RecordMaker.Converted> out = new ArrayList<>(page.size());
        for (JsonNode json : page) {
            RecordMaker.Converted c;
            try {
                c = records.convert(json);
            } catch (RecordConversionException e) {
                if (settings.conversionErrors() == ConversionErrors.FAIL) {
                    throw e;
                }
                log.warn("Skipping a record: {}", e.getMessage());
                continue;
            }
            if (resource.mode() == SyncMode.SNAPSHOT) {
                Long id = c.key().getInt64(resource.keyField());
                Long digest = ContentHash.of(json);
                if (digest.equals(sentSnapshot.put(id, digest))) {
                    continue; // unchanged since this task last sent it
                }
            }
            out.add(c);
        }
        return out;
    }
}
