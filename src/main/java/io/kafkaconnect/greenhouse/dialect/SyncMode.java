package io.kafkaconnect.greenhouse.dialect;

/** How a resource's changes can be found, from the time filters its endpoint offers. */
public enum SyncMode {
    /** A lower and an upper bound on the change time: closed windows {@code [from, to)}. */
    INCREMENTAL,
    /** Only a lower bound: each pass reads everything changed since the last pass began. */
    INCREMENTAL_LOWER_BOUND_ONLY,
    /** No time filter: the whole list is re-read periodically. */
    SNAPSHOT;

    public String label() {
        return switch (this) {
            case INCREMENTAL -> "incremental (two-sided window)";
            case INCREMENTAL_LOWER_BOUND_ONLY -> "incremental (lower bound only)";
            case SNAPSHOT -> "snapshot";
        };
    }
}
