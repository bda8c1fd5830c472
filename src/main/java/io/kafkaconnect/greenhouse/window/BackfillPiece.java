package io.kafkaconnect.greenhouse.window;

import io.kafkaconnect.greenhouse.window.WindowOffset.Walking;
import io.kafkaconnect.greenhouse.window.plan.BackfillPlanner;
import java.util.concurrent.Future;

/**
 * A piece of a {@link ParallelBackfill} as it is read: what was planned for it, where its read stands and what
 * it holds. Its fields are read and written only under the backfill's lock.
 */
final class BackfillPiece {
    /** Where a piece's own read stands. */
    enum State {
        /** No read of it in flight: not read yet, or read on from {@link #at} (it stopped for room, or failed). */
        WAITING,
        /** A read of it is in flight on the fetch pool. */
        READING,
        /** Its own read stopped above the pages a second read holds ({@link #split}); it waits for that read. */
        STOPPED_FOR_SPLIT,
        /** Its read failed: {@link #failure} waits for the next poll, and it is read on after that. */
        FAILED,
        /** Read completely (it has left the plan). */
        DONE
    }

    /** At the end of the backfill, a second read that holds the piece's lower pages. */
    static final class Split {
        /** The piece's own read stops once the page it would read next is this one (the second read's top page). */
        final int stopAt;
        Future<?> read;

        Split(int stopAt) {
            this.stopAt = stopAt;
        }
    }

    final BackfillPlanner.Piece planned;
    /** Begun by a previous run (a restart): what it sends now is not all it holds. */
    final boolean fromBefore;
    State state = State.WAITING;
    /** Why its read failed, while {@link State#FAILED}. */
    RuntimeException failure;
    Future<?> task;
    /**
     * Records it holds, once counted (from its last page, usually long before it is read to the end; -1
     * before); records queued from it so far.
     */
    long holds = -1;
    long sent;
    /** While a second read holds its lower pages; null otherwise. */
    Split split;
    /** Its position after the last page queued; null before its first page. */
    Walking at;

    BackfillPiece(BackfillPlanner.Piece planned) {
        this(planned, null);
    }

    /** A piece a previous run began, read on from {@code resumedAt}. */
    BackfillPiece(BackfillPlanner.Piece planned, Walking resumedAt) {
        this.planned = planned;
        this.at = resumedAt;
        this.fromBefore = resumedAt != null;
    }

    /**
     * Whether a read of it may start now: none is in flight and no failure waits. That includes a piece whose
     * lower pages a second read holds while its own read stopped short of them (for room in the queue, or after
     * a failure): it reads on down to them, else the held pages would be given up and read again.
     */
    boolean startable() {
        return state == State.WAITING;
    }

    /**
     * Whether the second read {@code s} still waits for this piece's own read to stop above the pages it holds:
     * the read goes on, or it stopped short of them and is read on ({@link #startable}). Not once it stopped
     * there, failed (until the next poll), ended or the split was given up.
     */
    boolean readsDownTo(Split s) {
        return split == s && (state == State.READING || state == State.WAITING);
    }

    /** The records it still holds (as counted, or as planned), less what it sent. */
    double left() {
        return Math.max(0, (holds >= 0 ? holds : planned.expected()) - sent);
    }
}
