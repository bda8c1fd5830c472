package io.kafkaconnect.greenhouse.sync;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiPage;
import io.kafkaconnect.greenhouse.config.GreenhouseSourceConfig.ConversionErrors;
import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.schema.RecordConversionException;
import io.kafkaconnect.greenhouse.util.ContentHash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.HttpUrl;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync state machine of one resource: open a window bounded by the server's clock, read its pages by
 * following {@code next} links, then advance the watermark to the window's end. Each {@link #step()} reads
 * one page.
 *
 * <p>Offsets: every record but the last of a page carries the position of the page it came from (so a
 * crash re-reads at most that page); the last one carries the position after the page, and on the last
 * page of a window that is "window done, watermark = window end".
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

    private Instant watermark;
    private Window window;
    private HttpUrl nextPage;
    private Instant dueAt;
    private long windowRecords;
    private int windowPages;
    /** Snapshot resources: id → hash of the content last sent by this task. */
    private final Map<Long, Long> sentSnapshot = new HashMap<>();

    public ResourceSync(Resource resource, Dialect dialect, ApiClient client, RecordMaker records, Settings settings,
                        ResourceOffset offset, Clock clock) {
        this.resource = resource;
        this.dialect = dialect;
        this.client = client;
        this.records = records;
        this.settings = settings;
        this.clock = clock;
        this.watermark = offset.watermark();
        this.window = offset.inWindow() ? new Window(offset.watermark(), offset.windowEnd()) : null;
        this.nextPage = offset.nextPage() == null ? null : HttpUrl.parse(offset.nextPage());
        this.dueAt = resource.mode() == SyncMode.SNAPSHOT && window == null && watermark != null
                ? watermark.plus(settings.snapshotInterval()) : Instant.MIN;
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
        return window == null ? new ResourceOffset(watermark, null, null)
                : new ResourceOffset(watermark, window.to(), nextPage == null ? null : nextPage.toString());
    }

    /** Reads the next page (opening a window first if none is in progress) and returns its records. */
    public List<SourceRecord> step() {
        if (window == null && !openWindow()) {
            return List.of();
        }
        ResourceOffset before = position();
        HttpUrl url = nextPage != null ? nextPage : dialect.firstPage(settings.baseUrl(), resource, window,
                settings.pageSize());
        ApiPage page = client.getPage(url, resource.name());
        List<RecordMaker.Converted> converted = convertAll(page.records());
        windowPages++;
        windowRecords += converted.size();

        if (page.next() != null) {
            nextPage = page.next();
        } else {
            finishWindow();
        }
        ResourceOffset after = position();
        List<SourceRecord> out = new ArrayList<>(converted.size());
        for (int i = 0; i < converted.size(); i++) {
            out.add(records.toSourceRecord(converted.get(i), i == converted.size() - 1 ? after : before));
        }
        return out;
    }

    private boolean openWindow() {
        Instant serverNow = client.serverClock().now().orElseGet(this::learnServerClock);
        Instant upper = serverNow.minus(settings.safetyLag()).truncatedTo(ChronoUnit.SECONDS);
        if (resource.mode() == SyncMode.SNAPSHOT) {
            window = new Window(null, serverNow);
        } else if (watermark != null && !upper.isAfter(watermark)) {
            dueAt = clock.instant().plus(settings.pollInterval());
            return false;
        } else {
            window = new Window(watermark, upper);
        }
        nextPage = null;
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
                window.from() == null ? "start" : window.from(), window.to());
        watermark = window.to();
        window = null;
        nextPage = null;
        Duration wait = resource.mode() == SyncMode.SNAPSHOT ? settings.snapshotInterval() : settings.pollInterval();
        dueAt = clock.instant().plus(wait);
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
                Long hash = ContentHash.of(json);
                if (hash.equals(sentSnapshot.put(id, hash))) {
                    continue; // unchanged since this task last sent it
                }
            }
            out.add(c);
        }
        return out;
    }
}
