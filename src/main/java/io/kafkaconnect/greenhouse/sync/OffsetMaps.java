package io.kafkaconnect.greenhouse.sync;

import java.util.List;
import java.util.Map;

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
}
