package io.kafkaconnect.greenhouse.window;

import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import io.kafkaconnect.greenhouse.window.BackfillPiece.State;
import io.kafkaconnect.greenhouse.window.WindowOffset.Walking;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end splits of a {@link ParallelBackfill}: once nothing is left to plan, a read that is free takes the lower
 * pages of the piece with the most pages left ({@link EndSplit} chooses) and holds them ({@link LowerPagesRead})
 * until the piece's own read has passed the page above them, then hands them over; several pieces may be split at
 * once. A split piece keeps its second read in {@link BackfillPiece#split}. Its fields are read and written only
 * under the backfill's lock.
 */
final class EndSplits {
    /** Logs as the backfill it is part of. */
    private static final Logger log = LoggerFactory.getLogger(ParallelBackfill.class);

    private final WindowWalker walker;
    /** Converts a page's records (offsets not set), on the fetch thread that read it. */
    private final Function<List<ParsedRecord>, List<SourceRecord>> converter;
    private final int pageSize;
    private final BackfillCoordinator backfill;
    private int running;
    /** Pieces whose lower pages a second read handed over. */
    private int splits;

    EndSplits(WindowWalker walker, Function<List<ParsedRecord>, List<SourceRecord>> converter, int pageSize,
              BackfillCoordinator backfill) {
        this.walker = walker;
        this.converter = converter;
        this.pageSize = pageSize;
        this.backfill = backfill;
    }

    /** Under the lock: second reads in flight. */
    int running() {
        return running;
    }

    /** Under the lock: how many pieces had their lower pages read by a second read. */
    int splits() {
        return splits;
    }

    /**
     * Under the lock, at the end, when a read is free and nothing is left to plan: chooses a piece of {@code open}
     * to split ({@link EndSplit}) and starts its second read; false if none is worth it (true also if the pool
     * refused the second read: the piece is then not split).
     */
    boolean startOne(List<BackfillPiece> open) {
        Map<BackfillPiece, Integer> pagesLeft = new LinkedHashMap<>();
        int held = 0;
        for (BackfillPiece p : open) {
            if (p.split != null) {
                held += p.split.stopAt;
            }
            Integer next = p.state == State.READING && p.split == null && p.holds >= 0 && p.at != null
                    ? walker.nextPageNumber(p.at) : null;
            if (next != null) {
                pagesLeft.put(p, next);
            }
        }
        EndSplit<BackfillPiece> split = EndSplit.choose(pagesLeft, held);
        if (split == null) {
            return false;
        }
        split(split.piece(), split.pages());
        return true;
    }

    /** Under the lock: cancels the second reads of {@code open} pieces. */
    void cancel(List<BackfillPiece> open) {
        open.stream().filter(p -> p.split != null && p.split.read != null)
                .forEach(p -> p.split.read.cancel(true));
    }

    /** After the first read of a split piece queued a page: whether it stops there (the second read goes on). */
    boolean stopsForSplit(BackfillPiece p, Optional<Walking> after) {
        Integer next = after.map(walker::nextPageNumber).orElse(null);
        backfill.lock().lock();
        try {
            return p.split != null && next != null && next <= p.split.stopAt;
        } finally {
            backfill.lock().unlock();
        }
    }

    /**
     * Under the lock: a second read takes the lower pages of {@code p} ({@code top} down to 1), so that the reads
     * end together. See {@link #readLowerPages}.
     */
    private void split(BackfillPiece p, int top) {
        BackfillPiece.Split split = new BackfillPiece.Split(top);
        p.split = split;
        Walking from = walker.atPageNumber(p.at, top, List.of());
        int pages = (int) Math.ceil((double) p.holds / pageSize);
        running++;
        try {
            split.read = backfill.submit(() -> readLowerPages(p, split, from, pages));
        } catch (RejectedExecutionException e) {
            running--;
            p.split = null;
        }
    }

    /**
     * Runs on the pool: the second read of a split piece ({@link LowerPagesRead}). If anything goes wrong, or the
     * piece lost a page's worth of records, nothing held is sent and the piece is read on from page k as if it
     * had not been split.
     */
    private void readLowerPages(BackfillPiece p, BackfillPiece.Split split, Walking from, int pages) {
        LowerPagesRead second = new LowerPagesRead(walker, converter);
        try {
            boolean held = second.hold(from);
            Walking firstStopped;
            backfill.lock().lock();
            try {
                while (p.readsDownTo(split) && !backfill.cancelled()) {
                    backfill.changed().await(1, TimeUnit.SECONDS);
                }
                if (p.split != split || p.state != State.STOPPED_FOR_SPLIT || backfill.cancelled() || !held) {
                    return;
                }
                firstStopped = p.at; // page k next, with the ids of page k + 1
            } finally {
                backfill.lock().unlock();
            }
            List<LowerPagesRead.Page> pagesToSend = second.again(firstStopped, pages);
            if (pagesToSend == null) {
                log.debug("piece [{}, {}) no longer holds {} pages: read on without the split", p.planned.from(),
                        p.planned.to(), pages);
                return;
            }
            backfill.lock().lock();
            try {
                if (p.split != split || backfill.cancelled()) {
                    return;
                }
                pagesToSend.forEach(page -> backfill.queue(p, page.records(), page.next()));
                splits++;
            } finally {
                backfill.lock().unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("the second read of piece [{}, {}) failed; the piece is read on without it: {}",
                    p.planned.from(), p.planned.to(), e.toString());
        } finally {
            backfill.lock().lock();
            try {
                running--;
                if (p.split == split) {
                    p.split = null;
                    if (p.state == State.STOPPED_FOR_SPLIT) {
                        p.state = State.WAITING; // read on from page k: the held pages were not sent
                    }
                }
                backfill.workEnded();
            } finally {
                backfill.lock().unlock();
            }
        }
    }
}
