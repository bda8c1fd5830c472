package io.kafkaconnect.greenhouse.api;

import java.time.Instant;
import java.util.List;

/**
 * One page of a cursor-paged list.
 *
 * @param records    the objects of the page, in the order the API sent them, as its {@link RecordParser} read them
 * @param nextCursor the cursor of the next page, or null on the last page
 * @param syncToken  the token that later passes replay to get only changes; sent on a pass's last page only, and
 *                   only by lists that support it (null otherwise)
 * @param serverTime the server's clock from the {@code Date} header, or null if absent
 */
public record CursorPage<R>(List<R> records, String nextCursor, String syncToken, Instant serverTime) {
    public boolean isLast() {
        return nextCursor == null;
    }
}
