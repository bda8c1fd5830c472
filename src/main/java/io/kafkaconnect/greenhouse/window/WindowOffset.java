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
import java.util.Objects;
import java.util.function.Function;

/**
 * A resource's position in Connect's offset storage (format version 1, see docs/offsets.md): one of three states,
 * each with its own reader and writer.
 * <pre>
 *   Between ──open a window──► Walking ──last page──► Between (watermark = the window's end)
 *                                 │ its first page shows a large window
 *                                 ▼
 *                             Backfilling ──every piece read──► Between
 * </pre>
 * {@link #fromMap} reads any stored map and returns its state; {@link #match} hands a position to the code for its
 * state (Java 17 has no pattern-matching {@code switch}).
 */
public sealed interface WindowOffset permits WindowOffset.Between, WindowOffset.Walking, WindowOffset.Backfilling {
    int VERSION = 1;
    Between START = new Between(null);

    String WATERMARK = "watermark";
    String WINDOW_END = "window_end";
    String NEXT_PAGE = "next_page";
    String WALK = "walk";
    String SEEN = "seen";
    String DONE = "done";
    String READING = "reading";
    List<String> KEYS = List.of(OffsetMaps.V, WATERMARK, WINDOW_END, NEXT_PAGE, WALK, SEEN, DONE, READING);

    /** The direction of a multi-page walk through a window. */
    enum Walk { NEXT, PREV }

    /**
     * Lower bound of the changes still to be read (null: from the beginning). For snapshot resources between
     * passes, when the last completed pass began.
     */
    Instant watermark();

    Map<String, Object> toMap();

    /** The result of the function for this position's state. */
    <T> T match(Function<Between, T> between, Function<Walking, T> walking, Function<Backfilling, T> backfilling);

    /**
     * Reads an offset map: which state it holds is told by its keys ({@code window_end}: a window in progress;
     * {@code done} or {@code reading}: read in pieces).
     *
     * @param map null: nothing stored ({@link #START})
     * @throws IllegalArgumentException naming the key that is wrong
     */
    static WindowOffset fromMap(Map<String, ?> map) {
        if (map == null) {
            return START;
        }
        OffsetMaps.check(map, VERSION, KEYS);
        if (map.get(WINDOW_END) == null) {
            return Between.fromMap(map);
        }
        if (map.get(DONE) != null || map.get(READING) != null) {
            return Backfilling.fromMap(map);
        }
        return Walking.fromMap(map);
    }

    /** Between windows: everything changed before the watermark is read. */
    record Between(Instant watermark) implements WindowOffset {

        /** The window {@code [watermark, end)}, at its first page. */
        public Walking open(Instant end) {
            return new Walking(watermark, end, null);
        }

        @Override
        public <T> T match(Function<Between, T> between, Function<Walking, T> walking,
                           Function<Backfilling, T> backfilling) {
            return between.apply(this);
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(OffsetMaps.V, VERSION);
            if (watermark != null) {
                map.put(WATERMARK, watermark.toEpochMilli());
            }
            return map;
        }

        /** @throws IllegalArgumentException naming the key that is wrong */
        public static Between fromMap(Map<String, ?> map) {
            OffsetMaps.check(map, VERSION, KEYS);
            OffsetMaps.absent(map, "needs a window in progress (a 'window_end')", NEXT_PAGE, WALK, SEEN, DONE, READING);
            return new Between(OffsetMaps.instant(map, WATERMARK));
        }
    }

    /**
     * The page a walk through a window reads next: a value, equal to another with the same url, walk and ids seen.
     */
    final class NextPage {
        private final String url;
        private final Walk walk;
        private final List<Long> seen;
        /**
         * The ids seen as the offset writes them, joined once (racy but idempotent, as String's hash): a backfill
         * writes every piece's position, with up to a page of ids each, with every page it hands over.
         */
        private String seenText;

        /**
         * @param url  its {@code Link} URL
         * @param walk whether it continues a walk forward ({@code next} links) or down from the last page
         *             ({@code prev})
         * @param seen ids of the page read last in a {@code PREV} walk, or in a {@code NEXT} walk of an open-ended
         *             window: records that shifted onto this page are not sent twice
         */
        public NextPage(String url, Walk walk, List<Long> seen) {
            this.url = Objects.requireNonNull(url, "url");
            this.walk = Objects.requireNonNull(walk, "walk");
            this.seen = List.copyOf(seen);
        }

        public String url() {
            return url;
        }

        public Walk walk() {
            return walk;
        }

        public List<Long> seen() {
            return seen;
        }

        /** The ids seen as one comma-separated string (Connect offsets hold primitives only). */
        String seenText() {
            String text = seenText;
            if (text == null) {
                StringBuilder joined = new StringBuilder(seen.size() * 10);
                for (Long id : seen) {
                    if (joined.length() > 0) {
                        joined.append(',');
                    }
                    joined.append(id.longValue());
                }
                text = joined.toString();
                seenText = text;
            }
            return text;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NextPage other && url.equals(other.url) && walk == other.walk
                    && seen.equals(other.seen);
        }

        @Override
        public int hashCode() {
            return Objects.hash(url, walk, seen);
        }

        @Override
        public String toString() {
            return "NextPage[url=" + url + ", walk=" + walk + ", seen=" + seen + "]";
        }
    }

    /**
     * Reading the window {@code [watermark, windowEnd)} page by page.
     *
     * @param next the page to read next; null: the window's first page
     */
    record Walking(Instant watermark, Instant windowEnd, NextPage next) implements WindowOffset {
        public Walking {
            Objects.requireNonNull(windowEnd, "windowEnd");
            if (watermark != null && !windowEnd.isAfter(watermark)) {
                throw new IllegalArgumentException("window_end must be after watermark");
            }
        }

        /** The window {@code span}, at its first page. */
        public static Walking opened(Window span) {
            return new Walking(span.from(), span.to(), null);
        }

        /** The same window at {@code url}. */
        public Walking atPage(String url, Walk walk, List<Long> seen) {
            return new Walking(watermark, windowEnd, new NextPage(url, walk, seen));
        }

        /** The same window at its first page. */
        public Walking restarted() {
            return new Walking(watermark, windowEnd, null);
        }

        /** The position once the window is read. */
        public Between read() {
            return new Between(windowEnd);
        }

        public Window span() {
            return new Window(watermark, windowEnd);
        }

        @Override
        public <T> T match(Function<Between, T> between, Function<Walking, T> walking,
                           Function<Backfilling, T> backfilling) {
            return walking.apply(this);
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = new Between(watermark).toMap();
            map.put(WINDOW_END, windowEnd.toEpochMilli());
            if (next != null) {
                map.put(NEXT_PAGE, next.url());
                map.put(WALK, next.walk().name().toLowerCase(Locale.ROOT));
                if (!next.seen().isEmpty()) {
                    map.put(SEEN, next.seenText());
                }
            }
            return map;
        }

        /** @throws IllegalArgumentException naming the key that is wrong */
        public static Walking fromMap(Map<String, ?> map) {
            OffsetMaps.check(map, VERSION, KEYS);
            Instant windowEnd = OffsetMaps.instant(map, WINDOW_END);
            if (windowEnd == null) {
                throw new IllegalArgumentException("a window in progress needs a '" + WINDOW_END + "', but this one is "
                        + map);
            }
            OffsetMaps.absent(map, "belongs to a window read in pieces, which has no '" + NEXT_PAGE + "' of its own",
                    DONE, READING);
            String page = OffsetMaps.string(map, NEXT_PAGE);
            Walk walk = walk(map);
            List<Long> seen = OffsetMaps.commaSeparated(map, SEEN, "integer ids", Long::parseLong);
            if (page == null) {
                OffsetMaps.absent(map, "needs a '" + NEXT_PAGE + "'", WALK, SEEN);
                return new Walking(OffsetMaps.instant(map, WATERMARK), windowEnd, null);
            }
            if (walk == null) {
                throw new IllegalArgumentException("offset key '" + NEXT_PAGE + "' needs a walk direction ('" + WALK
                        + "': 'next' or 'prev')");
            }
            return new Walking(OffsetMaps.instant(map, WATERMARK), windowEnd, new NextPage(page, walk, seen));
        }

        private static Walk walk(Map<String, ?> map) {
            String walk = OffsetMaps.string(map, WALK);
            if (walk == null) {
                return null;
            }
            try {
                return Walk.valueOf(walk.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("offset key '" + WALK + "' must be 'next' or 'prev' but is " + walk);
            }
        }
    }

    /**
     * Reading the window {@code [watermark, windowEnd)} in pieces, several at once (a parallel backfill).
     *
     * @param done    parts after the watermark read completely (sorted, disjoint)
     * @param reading pieces partly read, each its own window at the page it reads next (sorted, disjoint, after
     *                the watermark, none overlapping a part done)
     */
    record Backfilling(Instant watermark, Instant windowEnd, List<Window> done, List<Walking> reading)
            implements WindowOffset {
        private static final ObjectMapper JSON = new ObjectMapper();

        public Backfilling {
            Objects.requireNonNull(windowEnd, "windowEnd");
            done = List.copyOf(done);
            reading = List.copyOf(reading);
            if (watermark != null && !windowEnd.isAfter(watermark)) {
                throw new IllegalArgumentException("window_end must be after watermark");
            }
            List<Window> spans = new ArrayList<>(done);
            reading.forEach(piece -> spans.add(piece.span()));
            checkSpans(watermark, windowEnd, spans);
        }

        /** A window about to be read in pieces, none read yet. */
        public static Backfilling begun(Window window) {
            return new Backfilling(window.from(), window.to(), List.of(), List.of());
        }

        public Window span() {
            return new Window(watermark, windowEnd);
        }

        @Override
        public <T> T match(Function<Between, T> between, Function<Walking, T> walking,
                           Function<Backfilling, T> backfilling) {
            return backfilling.apply(this);
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
                    throw new IllegalArgumentException("'done' and 'reading' must be disjoint, non-empty spans "
                            + "between watermark and window_end, but " + part.from() + ".." + part.to() + " is not");
                }
                after = part.to();
                first = false;
            }
        }

        /** Written as a window at its first page when no part is done and no piece partly read. */
        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = new Walking(watermark, windowEnd, null).toMap();
            if (!done.isEmpty()) {
                map.put(DONE, String.join(",", done.stream()
                        .map(w -> w.from().toEpochMilli() + ".." + w.to().toEpochMilli()).toList()));
            }
            if (!reading.isEmpty()) {
                // Connect offsets hold primitives only: the pieces travel as one JSON array of their own offsets
                List<Map<String, Object>> pieces = new ArrayList<>();
                for (Walking piece : reading) {
                    Map<String, Object> m = piece.toMap();
                    m.remove(OffsetMaps.V);
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

        /** @throws IllegalArgumentException naming the key that is wrong */
        public static Backfilling fromMap(Map<String, ?> map) {
            OffsetMaps.check(map, VERSION, KEYS);
            Instant windowEnd = OffsetMaps.instant(map, WINDOW_END);
            if (windowEnd == null) {
                throw new IllegalArgumentException("'" + DONE + "' and '" + READING + "' need a window in progress (a '"
                        + WINDOW_END + "')");
            }
            OffsetMaps.absent(map, "cannot go with '" + DONE + "' and '" + READING + "': each piece of a window read "
                    + "in pieces has its own, in '" + READING + "'", NEXT_PAGE, WALK, SEEN);
            List<Window> done = OffsetMaps.commaSeparated(map, DONE, "from..to pairs of epoch ms", part -> {
                String[] bounds = part.split("\\.\\.");
                if (bounds.length != 2) {
                    throw new NumberFormatException();
                }
                return new Window(Instant.ofEpochMilli(Long.parseLong(bounds[0])),
                        Instant.ofEpochMilli(Long.parseLong(bounds[1])));
            });
            return new Backfilling(OffsetMaps.instant(map, WATERMARK), windowEnd, done, readingPieces(map));
        }

        private static List<Walking> readingPieces(Map<String, ?> map) {
            String text = OffsetMaps.string(map, READING);
            if (text == null) {
                return List.of();
            }
            List<Map<String, Object>> pieces;
            try {
                pieces = JSON.readValue(text, new TypeReference<List<Map<String, Object>>>() { });
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("offset key '" + READING + "' must be a JSON array of piece "
                        + "offsets but is " + text);
            }
            List<Walking> out = new ArrayList<>();
            for (Map<String, Object> piece : pieces) {
                Map<String, Object> withVersion = new LinkedHashMap<>(piece);
                withVersion.put(OffsetMaps.V, VERSION);
                try {
                    out.add(Walking.fromMap(withVersion));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("offset key '" + READING + "' holds a piece that is wrong: "
                            + e.getMessage());
                }
            }
            return out;
        }
    }
}
