package io.kafkaconnect.greenhouse.sync;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resource's position in Connect's offset storage.
 *
 * @param watermark lower bound of the changes still to be read (null: from the beginning). For snapshot
 *                  resources, the start of the last completed pass.
 * @param windowEnd upper bound of the window in progress, or null when no window is in progress
 * @param nextPage  the page of that window to read next, or null to (re)start the window at its first page
 */
public record ResourceOffset(Instant watermark, Instant windowEnd, String nextPage) {
    public static final int VERSION = 1;
    public static final ResourceOffset START = new ResourceOffset(null, null, null);

    static final String V = "v";
    static final String WATERMARK = "watermark";
    static final String WINDOW_END = "window_end";
    static final String NEXT_PAGE = "next_page";

    public ResourceOffset {
        if (nextPage != null && windowEnd == null) {
            throw new IllegalArgumentException("a next page needs a window in progress");
        }
    }

    public boolean inWindow() {
        return windowEnd != null;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(V, VERSION);
        if (watermark != null) {
            map.put(WATERMARK, watermark.toEpochMilli());
        }
        if (windowEnd != null) {
            map.put(WINDOW_END, windowEnd.toEpochMilli());
        }
        if (nextPage != null) {
            map.put(NEXT_PAGE, nextPage);
        }
        return map;
    }

    /**
     * Reads an offset map written by this or an older version.
     *
     * @throws IllegalArgumentException naming the key that is wrong
     */
    public static ResourceOffset fromMap(Map<String, ?> map) {
        if (map == null) {
            return START;
        }
        Object v = map.get(V);
        if (!(v instanceof Number n) || n.intValue() != VERSION) {
            throw new IllegalArgumentException("offset key '" + V + "' must be " + VERSION + " but is " + v);
        }
        return new ResourceOffset(instant(map, WATERMARK), instant(map, WINDOW_END), string(map, NEXT_PAGE));
    }

    private static Instant instant(Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        if (value instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (RuntimeException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("offset key '" + key + "' must be epoch milliseconds or an ISO-8601 "
                + "instant but is " + value);
    }

    private static String string(Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException("offset key '" + key + "' must be a string but is " + value);
    }
}
