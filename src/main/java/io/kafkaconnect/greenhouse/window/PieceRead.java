package io.kafkaconnect.greenhouse.window;

import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import io.kafkaconnect.greenhouse.window.WindowOffset.Walking;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read of a piece of a {@link ParallelBackfill}, on the fetch pool: walks the piece ({@link WindowWalker#readPiece},
 * or on from where it stands) and hands each page over as it is read, stopping after a page where the piece's
 * second read takes the pages below ({@link EndSplits#stopsForSplit}) or the hand-over queue is full
 * ({@link BackfillCoordinator#pausesForRoom}); the backfill learns the piece's count as soon as it is known. What
 * ended it is left to the backfill ({@link Ended}).
 */
final class PieceRead implements WindowWalker.PageSink {
    /** Logs as the backfill it is part of. */
    private static final Logger log = LoggerFactory.getLogger(ParallelBackfill.class);

    /**
     * How a read ended: {@code read} (null if it failed) read to its end or stopped after a page, or refused;
     * {@code failure} if it failed; whether it stopped for a split or for room.
     */
    record Ended(WindowWalker.Piece read, RuntimeException failure, boolean stoppedForSplit, boolean paused) {
    }

    private final WindowWalker walker;
    /** Converts a page's records (offsets not set), on the fetch thread that read it. */
    private final Function<List<ParsedRecord>, List<SourceRecord>> converter;
    private final EndSplits endSplits;
    private final BackfillCoordinator backfill;
    private final BackfillPiece p;
    private long records;
    private boolean stoppedForSplit;
    private boolean paused;

    PieceRead(WindowWalker walker, Function<List<ParsedRecord>, List<SourceRecord>> converter, EndSplits endSplits,
              BackfillCoordinator backfill, BackfillPiece p) {
        this.walker = walker;
        this.converter = converter;
        this.endSplits = endSplits;
        this.backfill = backfill;
        this.p = p;
    }

    /** Runs on the pool: reads the piece, handing its pages over as they come. */
    Ended read() {
        WindowWalker.Piece read = null;
        RuntimeException failure = null;
        Walking at = p.at;
        try {
            if (at != null) {
                walker.readOn(at, this, null);
                read = WindowWalker.Piece.READ;
            } else {
                read = walker.readPiece(Walking.opened(new Window(p.planned.from(), p.planned.to())),
                        p.planned.guessPages(), p.planned.maxPages(), this);
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (Throwable e) { // an Error (out of memory...) must fail the task, not leave the piece READING
            failure = new ConnectException("Reading a backfill piece failed", e);
        }
        if (log.isDebugEnabled()) {
            log.debug("piece [{}, {}) planned {} records from page {} (max {}): {}", p.planned.from(), p.planned.to(),
                    p.planned.expected(), p.planned.guessPages(), p.planned.maxPages(),
                    failure != null ? failure.toString() : read.refused()
                            ? "refused, " + read.pagesIfRefused() + " pages" : records + " records");
        }
        return new Ended(read, failure, stoppedForSplit, paused);
    }

    @Override
    public boolean accept(List<ParsedRecord> page, Optional<Walking> after) {
        records += page.size();
        backfill.queue(p, converter.apply(page), after);
        stoppedForSplit = endSplits.stopsForSplit(p, after);
        paused = !stoppedForSplit && backfill.pausesForRoom(after);
        return !stoppedForSplit && !paused;
    }

    @Override
    public void counted(long count) {
        backfill.learn(p, count);
    }
}
