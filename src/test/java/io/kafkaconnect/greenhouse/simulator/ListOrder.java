package io.kafkaconnect.greenhouse.simulator;

import io.kafkaconnect.greenhouse.simulator.ResourceStore.Row;
import java.util.Comparator;

/**
 * The order in which v1's page-number lists (classic, and next-only with page-number links) list their records. The
 * Harvest v1 docs state no order for them (UNCERTAIN), so the simulator can serve each order a client may meet. Its
 * default is {@link #LAST_CHANGED}: the docs promise no order, and that one hurts a forward page walk most. Offers and
 * scorecards, whose docs state an order, are served in it, and this order only breaks its ties
 * ({@link DocumentedOrder}).
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
    LAST_CHANGED;

    /** How this order ranks two rows. */
    Comparator<Row> rows() {
        Comparator<Row> byId = Comparator.comparingLong(Row::id);
        switch (this) {
            case ID: return byId;
            case ID_DESCENDING: return byId.reversed();
            default: return Comparator.comparingLong(Row::updated).thenComparing(byId);
        }
    }
}
