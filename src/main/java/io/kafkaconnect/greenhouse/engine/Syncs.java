package io.kafkaconnect.greenhouse.engine;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.TokenDialect;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.dialect.WindowDialect;
import io.kafkaconnect.greenhouse.sync.RecordMaker;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import io.kafkaconnect.greenhouse.token.TokenOffset;
import io.kafkaconnect.greenhouse.token.TokenSync;
import io.kafkaconnect.greenhouse.window.PositionCheck;
import io.kafkaconnect.greenhouse.window.WindowOffset;
import io.kafkaconnect.greenhouse.window.WindowSync;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the sync a resource's dialect calls for, from its stored offset, and checks offsets users write. */
public final class Syncs {
    private static final Logger log = LoggerFactory.getLogger(Syncs.class);
    /** Less than this ahead is the worker's clock trailing the API's a little: no warning. */
    private static final Duration AHEAD_WARNING = Duration.ofMinutes(1);

    private Syncs() {
    }

    /**
     * The sync of {@code resource}, resuming from {@code stored} (null: none stored, start at {@code syncStart} where
     * the resource can).
     *
     * @throws IllegalArgumentException if the stored offset is not valid for the dialect, or not one this connector
     *                                  can resume (see {@link PositionCheck})
     */
    public static ResourceSync create(Dialect dialect, Resource resource, ApiClient client, RecordMaker records,
                                      ResourceSync.Settings settings, Map<String, Object> stored,
                                      Optional<Instant> syncStart, Clock clock, ExecutorService fetchPool) {
        if (dialect instanceof WindowDialect windows) {
            WindowOffset offset = stored != null ? WindowOffset.fromMap(stored)
                    : resource.mode() == SyncMode.SNAPSHOT ? WindowOffset.START
                    : WindowOffset.at(syncStart.orElse(null));
            Instant now = clock.instant();
            if (stored != null) {
                PositionCheck.check(offset, windows.firstPage(settings.baseUrl(), resource, Window.ALL, 1), now);
            }
            Duration ahead = PositionCheck.ahead(offset, now);
            if (ahead.compareTo(AHEAD_WARNING) >= 0) {
                log.warn("{}: the position to resume from ({}) reaches {}, {} ahead of this worker's clock; the next "
                        + "window opens only once the API's clock has passed it", resource.name(),
                        stored != null ? "the stored offset" : "sync.start", now.plus(ahead), ahead);
            }
            return new WindowSync(resource, windows, client, records, settings, offset, clock, fetchPool);
        }
        if (dialect instanceof TokenDialect tokens) {
            return new TokenSync(resource, tokens, client, records, settings, TokenOffset.fromMap(stored), clock,
                    fetchPool);
        }
        throw new IllegalArgumentException("no sync for dialect " + dialect.version());
    }

    /**
     * Checks an offset written for {@code resource} of {@code dialect}: its format, that its pages are the resource's
     * own at {@code baseUrl}, that its times are not in the future (per {@code now}), and that its credential
     * fingerprint, if it has one, is {@code credential}'s.
     *
     * @throws IllegalArgumentException naming the key that is wrong
     */
    public static void checkOffset(Dialect dialect, Resource resource, HttpUrl baseUrl, Optional<String> credential,
                                   Map<String, ?> offset, Instant now) {
        OffsetCredential.checkWritten(credential, offset);
        Map<String, Object> position = OffsetCredential.position(offset);
        if (dialect instanceof WindowDialect windows) {
            PositionCheck.check(WindowOffset.fromMap(position), windows.firstPage(baseUrl, resource, Window.ALL, 1),
                    now);
        } else {
            TokenOffset.fromMap(position);
        }
    }

    /** What to write to move or reset a resource of {@code dialect}, for messages. */
    public static String offsetExample(Dialect dialect) {
        return dialect instanceof TokenDialect
                ? "To replay a sync token, write {\"v\": 1, \"sync_token\": \"<token>\"}; to read everything again, "
                        + "write null."
                : "To move a resource to a time, write {\"v\": 1, \"watermark\": \"2024-01-01T00:00:00Z\"}; to "
                        + "reset it, write null.";
    }
}
