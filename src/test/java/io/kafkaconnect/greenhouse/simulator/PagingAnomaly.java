package io.kafkaconnect.greenhouse.simulator;

/**
 * Ways a list's paging can misbehave, each switched on with {@code HarvestSimulator.Builder.pagingAnomaly}. Off by
 * default: the simulator pages as the Harvest docs describe.
 */
public enum PagingAnomaly {
    /** v1 page-number lists: page p &gt; 1 links {@code prev} to page p itself instead of p - 1. */
    PREV_TO_SAME_PAGE,
    /** v1 page-number lists: only the last page carries a {@code prev} link. */
    PREV_ONLY_ON_LAST_PAGE,
    /**
     * Pages after the first hand out the request's own continuation again: v3 the same {@code cursor}, v1 next-only
     * lists the same {@code since_id} or {@code page}, Ashby the same {@code nextCursor} ({@code AshbySimulator.Builder.pagingAnomaly}).
     */
    REPEATED_NEXT,
    /**
     * Pages hold half a page more records than {@code per_page} asked for (the first records of the next page); links
     * and counts are those of {@code per_page}.
     */
    OVERSIZE_PAGES
}
