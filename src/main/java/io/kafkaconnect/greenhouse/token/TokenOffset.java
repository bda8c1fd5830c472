package io.kafkaconnect.greenhouse.token;

import io.kafkaconnect.greenhouse.sync.OffsetMaps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The position of a resource of a sync-token API (format version 1, see docs/offsets.md).
 *
 * @param token  the sync token the pass in progress started from, or (between passes) the one the next pass
 *               replays; null: a full pass
 * @param cursor the cursor of the page of the pass in progress to read next; null: the pass starts (again) at its
 *               first page
 */
public record TokenOffset(String token, String cursor) {
    public static final int VERSION = 1;
    public static final TokenOffset START = new TokenOffset(null, null);

    static final String V = OffsetMaps.V;
    static final String TOKEN = "sync_token";
    static final String CURSOR = "cursor";

    public TokenOffset {
        token = blankToNull(token);
        cursor = blankToNull(cursor);
    }

    public boolean inPass() {
        return cursor != null;
    }

    public TokenOffset atCursor(String next) {
        return new TokenOffset(token, next);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(V, VERSION);
        if (token != null) {
            map.put(TOKEN, token);
        }
        if (cursor != null) {
            map.put(CURSOR, cursor);
        }
        return map;
    }

    /**
     * Reads an offset map.
     *
     * @throws IllegalArgumentException naming the key that is wrong
     */
    public static TokenOffset fromMap(Map<String, ?> map) {
        if (map == null) {
            return START;
        }
        OffsetMaps.check(map, VERSION, List.of(V, TOKEN, CURSOR));
        return new TokenOffset(OffsetMaps.string(map, TOKEN), OffsetMaps.string(map, CURSOR));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        // tokens and cursors are long and opaque: their presence is what matters in logs
        return "TokenOffset[" + (token == null ? "full pass" : "sync token") + (cursor == null ? "" : ", mid-pass") + "]";
    }
}
