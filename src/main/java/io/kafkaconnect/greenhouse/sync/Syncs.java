package io.kafkaconnect.greenhouse.sync;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.TokenDialect;
import io.kafkaconnect.greenhouse.dialect.WindowDialect;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** Builds the sync a resource's dialect calls for, from its stored offset, and checks offsets users write. */
public final class Syncs {
    private Syncs() {
    }

    /**
     * The sync of {@code resource}, resuming from {@code stored} (null: none stored, start at {@code syncStart} where
     * the resource can).
     *
     * @throws IllegalArgumentException if the stored offset is not valid for the dialect
     */
    public static ResourceSync create(Dialect dialect, Resource resource, ApiClient client, RecordMaker records,
                                      ResourceSync.Settings settings, Map<String, Object> stored,
                                      Optional<Instant> syncStart, Clock clock, ExecutorService fetchPool) {
        if (dialect instanceof WindowDialect windows) {
            ResourceOffset offset = stored != null ? ResourceOffset.fromMap(stored)
                    : resource.mode() == SyncMode.SNAPSHOT ? ResourceOffset.START
                    : ResourceOffset.at(syncStart.orElse(null));
            return new WindowSync(resource, windows, client, records, settings, offset, clock, fetchPool);
        }
        if (dialect instanceof TokenDialect tokens) {
            return new TokenSync(resource, tokens, client, records, settings, TokenOffset.fromMap(stored), clock,
                    fetchPool);
        }
        throw new IllegalArgumentException("no sync for dialect " + dialect.version());
    }

    /**
     * Checks an offset written for a resource of {@code dialect}.
     *
     * @throws IllegalArgumentException naming the key that is wrong
     */
    public static void checkOffset(Dialect dialect, Map<String, ?> offset) {
        if (dialect instanceof TokenDialect) {
            TokenOffset.fromMap(offset);
        } else {
            ResourceOffset.fromMap(offset);
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
