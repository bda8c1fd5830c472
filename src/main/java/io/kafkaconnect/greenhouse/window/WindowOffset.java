package io.kafkaconnect.greenhouse.window;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.sync.OffsetMaps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A resource's position in Connect's offset storage (format version 1, see docs/offsets.md).
 *
 * @param watermark lower bound of the changes still to be read (null: from the beginning). For snapshot
 *                  resources, when the last completed pass began.
 * @param windowEnd upper bound of the window in progress, or null when no window is in progress
 * @param nextPage  the page of that window to read next, or null to (re)start the window at its first page
 * @param walk      how the window is being paged: {@code NEXT} links forward, or {@code PREV} links down from
 *                  the last page; null when {@code nextPage} is null
 * @param seen      ids of the page read last in a {@code PREV} walk, or in a {@code NEXT} walk of an open-ended
 *                  window: records that shifted onto the next page are not sent twice
 * @param done      parts of the window in progress, after the watermark, that a parallel backfill has read
 *                  completely (sorted, disjoint); only with a window in progress and no next page
 * @param reading   pieces of that backfill partly read: each its own window with the page to read next (sorted,
 *                  disjoint, after the watermark, none overlapping a part done)
 */
public record WindowOffset(Instant watermark, Instant windowEnd, String nextPage, Walk walk, List<Long> seen,
                             List<Window> done, List<WindowOffset> reading) {
    public static final int VERSION = 1;
    public static final WindowOffset START = new WindowOffset(null, null, null, null, List.of(), List.of(), List.of());

    static final String V = OffsetMaps.V;
    static final String WATERMARK = "watermark";
    static final String WINDOW_END = "window_end";
    static final String NEXT_PAGE = "next_page";
    static final String WALK = "walk";
    static final String SEEN = "seen";
    static final String DONE = "done";
    static final String READING = "reading";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The direction of a multi-page walk through a window. */
    public enum Walk { NEXT, PREV }

    public WindowOffset {
        seen = seen == null ? List.of() : List.copyOf(seen);
        done = done == null ? List.of() : List.copyOf(done);
        reading = reading == null ? List.of() : List.copyOf(reading);
        if (nextPage != null && (windowEnd == null || walk == null)) {
            throw new IllegalArgumentException("a next page needs a window in progress and a walk direction");
        }
        if (nextPage == null && walk != null) {
            throw new IllegalArgumentException("a walk direction needs a next page");
        }
        if (windowEnd != null && watermark != null && !windowEnd.isAfter(watermark)) {
            throw new IllegalArgumentException("window_end must be after watermark");
        }
        if (!done.isEmpty() || !reading.isEmpty()) {
            if (windowEnd == null || nextPage != null) {
                throw new IllegalArgumentException("'done' and 'reading' need a window in progress and no next page");
            }
            List<Window> spans = new ArrayList<>(done);
            for (WindowOffset piece : reading) {
                if (piece.windowEnd() == null || !piece.done().isEmpty() || !piece.reading().isEmpty()) {
                    throw new IllegalArgumentException("each piece in 'reading' is a window in progress, but one is "
                            + piece.toMap());
                }
                spans.add(piece.span());
            }
            checkSpans(watermark, windowEnd, spans);
        }
    }

    /** The span a window in progress reads: {@code [watermark, windowEnd)}. */
    public Window span() {
        return new Window(watermark, windowEnd);
    }

    /** Parts done and pieces being read: disjoint, non-empty, inside {@code [watermark, windowEnd)}. */
    private static void checkSpans(Instant watermark, Instant windowEnd, List<Window> spans) {
        List<Window> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(Window::from, Comparator.nullsFirst(Comparator.naturalOrder())));
        Instant after = watermark;
        boolean first = true;
        for (Window part : sorted) {
            boolean startsInside = part.from() == null ? first && watermark == null
                    : after == null || !part.from().isBefore(after);
            if (part.to() == null || !startsInside || (part.from() != null && !part.to().isAfter(part.from()))
                    || part.to().isAfter(windowEnd)) {
                throw new IllegalArgumentException("'done' and 'reading' must be disjoint, non-empty spans between "
                        + "watermark and window_end, but " + part.from() + ".." + part.to() + " is not");
            }
            after = part.to();
            first = false;
        }
    }

    /** Between windows: the watermark only. */
    public static WindowOffset at(Instant watermark) {
        return new WindowOffset(watermark, null, null, null, List.of(), List.of(), List.of());
    }

    /** At the first page of a window. */
    public static WindowOffset windowStart(Instant watermark, Instant windowEnd) {
        return new WindowOffset(watermark, windowEnd, null, null, List.of(), List.of(), List.of());
    }

    /**
     * A parallel backfill of the window {@code [watermark, windowEnd)} with the parts {@code done} read and the
     * pieces {@code reading} partly read.
     */
    public static WindowOffset backfill(Instant watermark, Instant windowEnd, List<Window> done,
                                          List<WindowOffset> reading) {
        return new WindowOffset(watermark, windowEnd, null, null, List.of(), done, reading);
    }

    public WindowOffset atPage(String page, Walk direction, List<Long> seenIds) {
        return new WindowOffset(watermark, windowEnd, page, direction, seenIds, List.of(), List.of());
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
            map.put(WALK, walk.name().toLowerCase(Locale.ROOT));
        }
        if (!seen.isEmpty()) {
            // Connect offsets hold primitives only: the ids travel as one comma-separated string
            map.put(SEEN, String.join(",", seen.stream().map(String::valueOf).toList()));
        }
        if (!done.isEmpty()) {
            map.put(DONE, String.join(",", done.stream()
                    .map(w -> w.from().toEpochMilli() + ".." + w.to().toEpochMilli()).toList()));
        }
        if (!reading.isEmpty()) {
            // Connect offsets hold primitives only: the pieces travel as one JSON array of their own offsets
            List<Map<String, Object>> pieces = new ArrayList<>();
            for (WindowOffset piece : reading) {
                Map<String, Object> m = piece.toMap();
                m.remove(V);
                pieces.add(m);
            }
            try {
                map.put(READING, JSON.writeValueAsString(pieces));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return map;
    }

    /**
     * Reads an offset map.
     *
     * @throws IllegalArgumentException naming the key that is wrong
     */
    public static WindowOffset fromMap(Map<String, ?> map) {
        if (map == null) {
            return START;
        }
        OffsetMaps.check(map, VERSION, List.of(V, WATERMARK, WINDOW_END, NEXT_PAGE, WALK, SEEN, DONE, READING));
        String page = OffsetMaps.string(map, NEXT_PAGE);
        String walk = OffsetMaps.string(map, WALK);
        Walk direction = null;
        if (walk != null) {
            try {
                direction = Walk.valueOf(walk.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("offset key 'walk' must be 'next' or 'prev' but is " + walk);
            }
        }
        return new WindowOffset(instant(map, WATERMARK), instant(map, WINDOW_END), page, direction, ids(map),
                doneParts(map), readingPieces(map));
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

    private static List<Long> ids(Map<String, ?> map) {
        return commaSeparated(map, SEEN, "integer ids", Long::parseLong);
    }

    private static List<Window> doneParts(Map<String, ?> map) {
        return commaSeparated(map, DONE, "from..to pairs of epoch ms", part -> {
            String[] bounds = part.split("\\.\\.");
            if (bounds.length != 2) {
                throw new NumberFormatException();
            }
            return new Window(Instant.ofEpochMilli(Long.parseLong(bounds[0])),
                    Instant.ofEpochMilli(Long.parseLong(bounds[1])));
        });
    }

    /**
     * The comma-separated items of a string value (Connect offsets hold primitives only), each read by
     * {@code parse}, which throws {@link NumberFormatException} for an item that is wrong.
     */
    private static <T> List<T> commaSeparated(Map<String, ?> map, String key, String what,
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

    private static List<WindowOffset> readingPieces(Map<String, ?> map) {
        String text = OffsetMaps.string(map, READING);
        if (text == null) {
            return List.of();
        }
        List<Map<String, Object>> pieces;
        try {
            pieces = JSON.readValue(text, new TypeReference<List<Map<String, Object>>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("offset key 'reading' must be a JSON array of piece offsets but is "
                    + text);
        }
        List<WindowOffset> out = new ArrayList<>();
        for (Map<String, Object> piece : pieces) {
            Map<String, Object> withVersion = new LinkedHashMap<>(piece);
            withVersion.put(V, VERSION);
            try {
                out.add(fromMap(withVersion));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("offset key 'reading' holds a piece that is wrong: "
                        + e.getMessage());
            }
        }
        return out;
    }
}
