package io.kafkaconnect.greenhouse.dialect;

/** How a resource's changes can be found, from the time filters its endpoint offers. */
public enum SyncMode {
    /** A lower and an upper bound on the change time: closed windows {@code [from, to)}. */
    INCREMENTAL,
    /** Only a lower bound: each pass reads forward from it and sends what changed before the pass began. */
    INCREMENTAL_LOWER_BOUND_ONLY,
    /** No time filter: the whole list is re-read periodically. */
    SNAPSHOT,
    /** A full pass hands out a sync token; later passes replay it and get only what changed (e.g. Ashby). */
    SYNC_TOKEN,
    /**
     * Listed per parent record (one request per parent): read for the parents that a sync-token pass over the
     * parent list returns, so only for changed parents after the first pass.
     */
    PER_CHANGED_PARENT;

    public String label() {
        return switch (this) {
            case INCREMENTAL -> "incremental (two-sided window)";
            case INCREMENTAL_LOWER_BOUND_ONLY -> "incremental (lower bound only)";
            case SNAPSHOT -> "snapshot";
            case SYNC_TOKEN -> "incremental (sync token)";
            case PER_CHANGED_PARENT -> "per changed parent (sync token on the parent list)";
        };
    }
}
