package io.kafkaconnect.greenhouse.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reading an offset map a user may have written by hand: every wrong key is named. */
public final class OffsetMaps {
    public static final String V = "v";

    private OffsetMaps() {
    }

    /**
     * @throws IllegalArgumentException unless {@code map} has format version {@code version} and only {@code known}
     *                                  keys
     */
    public static void check(Map<String, ?> map, int version, List<String> known) {
        Object v = map.get(V);
        if (!(v instanceof Number n) || n.intValue() != version) {
            throw new IllegalArgumentException("offset key '" + V + "' must be " + version + " but is " + v);
        }
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown offset key '" + key + "'; known: "
                        + String.join(", ", known));
            }
        }
    }

    /** @throws IllegalArgumentException if the value is there but not a string */
    public static String string(Map<String, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException("offset key '" + key + "' must be a string but is " + value);
    }

    /**
     * An instant stored as epoch milliseconds or written by hand as an ISO-8601 string; null if absent.
     *
     * @throws IllegalArgumentException if it is neither
     */
    public static Instant instant(Map<String, ?> map, String key) {
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

    /**
     * The comma-separated items of a string value (Connect offsets hold primitives only), each read by
     * {@code parse}, which throws {@link NumberFormatException} for an item that is wrong; empty if absent.
     *
     * @param what what the items are, for messages
     */
    public static <T> List<T> commaSeparated(Map<String, ?> map, String key, String what,
                                             Function<String, T> parse) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("offset key '" + key + "' must be a string of comma-separated " + what
                    + " but is " + value);
        }
        List<T> items = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                items.add(parse.apply(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("offset key '" + key + "' must hold " + what + " but holds '"
                        + part + "'");
            }
        }
        return items;
    }

    /**
     * @throws IllegalArgumentException naming the first of {@code keys} that {@code map} holds, which only another
     *                                  state has: {@code "offset key '<key>' " + why}
     */
    public static void absent(Map<String, ?> map, String why, String... keys) {
        for (String key : keys) {
            if (map.get(key) != null) {
                throw new IllegalArgumentException("offset key '" + key + "' " + why);
            }
        }
    }
}
