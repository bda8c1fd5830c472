package io.kafkaconnect.greenhouse.window;

import java.util.Map;

/**
 * The offset maps a {@link ParallelBackfill}'s batches carry: the map of a position is shared with the batch before
 * when the position has not moved since (nothing changes an offset map once written), since a backfill's map holds
 * every piece's position and the next page's "before" is mostly the same. Not thread-safe (the backfill calls it
 * under its lock).
 */
final class OffsetMapCache {
    /** The position whose offset map was written last, and that map. */
    private WindowOffset lastWritten;
    private Map<String, Object> lastMap;

    /** The offset map of {@code position}. */
    Map<String, Object> of(WindowOffset position) {
        if (!position.equals(lastWritten)) {
            lastWritten = position;
            lastMap = position.toMap();
        }
        return lastMap;
    }
}
