package io.kafkaconnect.greenhouse.simulator;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query-string helpers: decoding (form rules, so a raw '+' is a space), rebuilding, timestamp parsing. */
final class QueryString {
    private QueryString() {
    }

    /** Decoded parameters in order; the first occurrence of a repeated name wins; empty names are skipped. */
    static Map<String, String> decode(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = component(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : component(pair.substring(eq + 1));
            if (!name.isEmpty()) {
                out.putIfAbsent(name, value);
            }
        }
        return out;
    }

    private static String component(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw; // malformed escapes are kept verbatim
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * The raw query with {@code replacements} applied: existing parameters keep their position and raw encoding
     * unless replaced; replacements whose name is absent are added (in the given order) at the front.
     */
    static String with(String rawQuery, Map<String, String> replacements) {
        List<String> kept = new ArrayList<>();
        Map<String, String> pending = new LinkedHashMap<>(replacements);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = component(eq < 0 ? pair : pair.substring(0, eq));
                if (replacements.containsKey(name)) {
                    String v = pending.remove(name);
                    if (v != null) {
                        kept.add(encode(name) + "=" + encode(v));
                    }
                } else {
                    kept.add(pair);
                }
            }
        }
        List<String> front = new ArrayList<>();
        pending.forEach((k, v) -> front.add(encode(k) + "=" + encode(v)));
        front.addAll(kept);
        return String.join("&", front);
    }

    /** ISO-8601 with offset or Z; also a local date-time or a date (both taken as UTC). Null if unparseable. */
    static Instant parseTimestamp(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    /** Integer value, or null if absent; throws NumberFormatException if present but not an integer. */
    static Integer intParam(Map<String, String> query, String name) {
        String v = query.get(name);
        return v == null ? null : Integer.valueOf(v.trim());
    }
}
