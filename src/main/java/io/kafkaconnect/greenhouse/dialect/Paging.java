package io.kafkaconnect.greenhouse.dialect;

/**
 * How an endpoint pages, as far as its documentation says. The engine decides from the links each answer
 * carries (see WindowSync); this documents what to expect.
 */
public enum Paging {
    /** {@code page}/{@code per_page} with {@code next}/{@code prev}/{@code last} links. */
    CLASSIC,
    /** The "new" style (v1 docs, Pagination): only a {@code next} link; {@code skip_count} is not documented. */
    NEXT_ONLY,
    /** An opaque cursor from each answer, sent back in the next request (e.g. Ashby's {@code nextCursor}). */
    CURSOR,
    /** Documented as unpaged: one answer holds the whole list. */
    UNPAGED,
    /** No paging documented, or "supports pagination" without saying which style: only {@code per_page} is sent. */
    UNDOCUMENTED;

    public String label() {
        return switch (this) {
            case CLASSIC -> "classic (page numbers, walked down from `last`)";
            case NEXT_ONLY -> "next link only";
            case CURSOR -> "cursor";
            case UNPAGED -> "none (one answer holds the list)";
            case UNDOCUMENTED -> "undocumented";
        };
    }
}
