package io.kafkaconnect.greenhouse.token;

import io.kafkaconnect.greenhouse.sync.OffsetMaps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The position of a resource of a sync-token API (format version 1, see docs/offsets.md): between passes, or in a
 * pass at a cursor. A pass's last page hands out the token of the next pass:
 * <pre>
 *   BetweenPasses(token) ──first page──► InPass(token, cursor) ──last page──► BetweenPasses(new token)
 * </pre>
 * {@link #fromMap} reads any stored map and returns its state.
 */
public sealed interface TokenOffset permits TokenOffset.BetweenPasses, TokenOffset.InPass {
    int VERSION = 1;
    BetweenPasses START = new BetweenPasses(null);

    String TOKEN = "sync_token";
    String CURSOR = "cursor";
    List<String> KEYS = List.of(OffsetMaps.V, TOKEN, CURSOR);

    /**
     * The sync token the pass in progress started from, or (between passes) the one the next pass replays; null: a
     * full pass.
     */
    String token();

    Map<String, Object> toMap();

    /** The result of the function for this position's state. */
    <T> T match(Function<BetweenPasses, T> between, Function<InPass, T> inPass);

    /** The cursor of the page at this position; null for a pass's first page, which has none. */
    default String cursor() {
        return null;
    }

    /** The same pass at the page {@code cursor} points at. */
    default InPass atCursor(String cursor) {
        return new InPass(token(), cursor);
    }

    /**
     * Reads an offset map: a {@code cursor} says a pass is in progress.
     *
     * @param map null: nothing stored ({@link #START})
     * @throws IllegalArgumentException naming the key that is wrong
     */
    static TokenOffset fromMap(Map<String, ?> map) {
        if (map == null) {
            return START;
        }
        OffsetMaps.check(map, VERSION, KEYS);
        return blankToNull(OffsetMaps.string(map, CURSOR)) == null ? BetweenPasses.fromMap(map) : InPass.fromMap(map);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Map<String, Object> map(String token) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(OffsetMaps.V, VERSION);
        if (token != null) {
            map.put(TOKEN, token);
        }
        return map;
    }

    /** Between passes: the next pass replays {@code token} (null: a full pass). */
    record BetweenPasses(String token) implements TokenOffset {
        public BetweenPasses {
            token = blankToNull(token);
        }

        @Override
        public <T> T match(Function<BetweenPasses, T> between, Function<InPass, T> inPass) {
            return between.apply(this);
        }

        @Override
        public Map<String, Object> toMap() {
            return map(token);
        }

        /** @throws IllegalArgumentException naming the key that is wrong */
        public static BetweenPasses fromMap(Map<String, ?> map) {
            OffsetMaps.check(map, VERSION, KEYS);
            if (blankToNull(OffsetMaps.string(map, CURSOR)) != null) {
                throw new IllegalArgumentException("offset key '" + CURSOR + "' belongs to a pass in progress");
            }
            return new BetweenPasses(OffsetMaps.string(map, TOKEN));
        }

        @Override
        public String toString() {
            // tokens are long and opaque: their presence is what matters in logs
            return "TokenOffset.BetweenPasses[" + (token == null ? "full pass next" : "sync token") + "]";
        }
    }

    /** In the pass from {@code token} (null: a full pass), at the page {@code cursor} points at. */
    record InPass(String token, String cursor) implements TokenOffset {
        public InPass {
            token = blankToNull(token);
            if (blankToNull(cursor) == null) {
                throw new IllegalArgumentException("a pass in progress needs a cursor");
            }
        }

        @Override
        public <T> T match(Function<BetweenPasses, T> between, Function<InPass, T> inPass) {
            return inPass.apply(this);
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = map(token);
            map.put(CURSOR, cursor);
            return map;
        }

        /** @throws IllegalArgumentException naming the key that is wrong */
        public static InPass fromMap(Map<String, ?> map) {
            OffsetMaps.check(map, VERSION, KEYS);
            String cursor = OffsetMaps.string(map, CURSOR);
            if (blankToNull(cursor) == null) {
                throw new IllegalArgumentException("offset key '" + CURSOR + "' is missing: a pass in progress needs "
                        + "one");
            }
            return new InPass(OffsetMaps.string(map, TOKEN), cursor);
        }

        @Override
        public String toString() {
            // tokens and cursors are long and opaque: their presence is what matters in logs
            return "TokenOffset.InPass[" + (token == null ? "full pass" : "sync token") + ", mid-pass]";
        }
    }
}
