package io.kafkaconnect.greenhouse.simulator;

/**
 * The order in which v1's page-number lists (classic, and next-only with page-number links) list their records. The
 * Harvest v1 docs state no order for them (UNCERTAIN: only offers, "ordered by application_id", and scorecards,
 * "ordered by candidate", say one), so the simulator can serve each order a client may meet. Its default is
 * {@link #LAST_CHANGED}: the docs promise no order, and that one hurts a forward page walk most.
 */
public enum ListOrder {
    /** Ascending id: a record keeps its place when it changes. */
    ID,
    /** Descending id, newest first (what third parties report for v3): a new record enters at the front. */
    ID_DESCENDING,
    /**
     * Ascending change time ({@code updated_at}, {@code last_activity_at} for applications), then id: a record that
     * changes moves to the end, as rows of a table listed without an {@code ORDER BY} can.
     */
    LAST_CHANGED
}
