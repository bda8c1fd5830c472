package io.kafkaconnect.greenhouse.sync;

import java.time.Instant;
import java.util.List;

/**
 * A read of every id a resource's list holds now, one page per {@link #next()}, for the reconciliation that finds
 * deletes ({@link PagingModel#idScan}). It pages as the resource's sync does, through the same walker or cursor
 * chain, so a record that exists through the whole scan is listed (the same completeness argument as the sync's).
 */
public interface IdScan {

    /** Reads the next page; returns the ids it lists (Longs or UUID strings, see {@link IdSet}). */
    List<Object> next();

    /** Whether the last page was read. */
    boolean done();

    /**
     * Once {@link #done()}: the instant, on the clock of {@link ResourceSync#deliveredUpTo()}, after which every change
     * of a record the scan may have missed lies. Once the sync has delivered up to it, a record that is neither listed
     * nor sent since the scan began is gone.
     */
    Instant end();
}
