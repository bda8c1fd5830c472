package io.kafkaconnect.greenhouse.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * Reads a large window {@code [from, to)} as consecutive pieces, several at once, and hands them over strictly
 * in order, so offsets only move forward. Each piece is a closed window of its own, meant to hold about one
 * page. The cuts follow the data: the first page of a large window is a sample of its records' change
 * times, and the window is cut at the sample's quantiles into as many pieces as it has pages. A piece that
 * still holds more than two pages is cut again by its own sample, in place; a piece of one or two pages is
 * read whole (a two-page piece is walked down like any window), and so is a piece too short to cut
 * (thousands of records changed in the same second). At most {@code concurrency} pieces are read or held
 * at once, which bounds memory.
 */
final class ParallelBackfill {
    /** Pieces are aimed a little under a full page, so few spill into a second page. */
    private static final double TARGET_PAGE_FILL = 0.9;
    private static final long MIN_PIECE_SECONDS = 1;

    /** A piece that has been read. */
    record Piece(Instant from, Instant to, List<JsonNode> records) {
    }

    private static final class Planned {
        final Instant from;
        final Instant to;
        /** False when cutting could not divide this piece: it is then read whole. */
        final boolean mayCut;
        Future<WindowWalker.Piece> result;

        Planned(Instant from, Instant to, boolean mayCut) {
            this.from = from;
            this.to = to;
            this.mayCut = mayCut && (from == null || Duration.between(from, to).toSeconds() >= 2 * MIN_PIECE_SECONDS);
        }
    }

    private final WindowWalker walker;
    private final ExecutorService pool;
    private final IntSupplier concurrency;
    private final Instant end;
    private final LinkedList<Planned> plan = new LinkedList<>();

    /**
     * @param pages       how many pages the window holds (from its first page)
     * @param sample      change times of the window's first page
     * @param concurrency how many pieces may be read or held at once now (asked before each scheduling round)
     */
    ParallelBackfill(WindowWalker walker, ExecutorService pool, IntSupplier concurrency, Instant from, Instant to,
                     int pages, List<Instant> sample) {
        this.walker = walker;
        this.pool = pool;
        this.concurrency = concurrency;
        this.end = to;
        plan.addAll(cut(from, to, pages, sample));
    }

    boolean finished() {
        return plan.isEmpty();
    }

    Instant end() {
        return end;
    }

    /**
     * The next piece in order, waiting for it at most {@code wait}; null if it is not read yet.
     *
     * @throws RetriableException if reading the piece failed transiently (it is scheduled again)
     * @throws ConnectException   if it failed for good
     */
    Piece poll(Duration wait) throws InterruptedException {
        schedule();
        Planned head = plan.peekFirst();
        if (head == null) {
            return null;
        }
        WindowWalker.Piece read;
        try {
            read = head.result.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (CancellationException e) {
            head.result = null;
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RetriableException retriable) {
                head.result = null; // read it again on the next poll
                throw retriable;
            }
            cancel();
            throw cause instanceof ConnectException ce ? ce : new ConnectException(cause);
        }
        plan.removeFirst();
        if (read.refused()) {
            plan.addAll(0, cut(head.from, head.to, read.pagesIfRefused(), read.sample()));
            schedule();
            return null;
        }
        schedule();
        return new Piece(head.from, head.to, read.records());
    }

    void cancel() {
        plan.stream().filter(p -> p.result != null).forEach(p -> p.result.cancel(true));
        plan.clear();
    }

    /** Starts reading the first pieces of the plan, as many as the concurrency allows. */
    private void schedule() {
        int limit = Math.max(1, concurrency.getAsInt());
        int started = 0;
        for (Planned p : plan) {
            if (started++ >= limit) {
                break;
            }
            if (p.result == null) {
                Planned piece = p;
                p.result = pool.submit(() -> walker.readPiece(ResourceOffset.windowStart(piece.from, piece.to),
                        piece.mayCut));
            }
        }
    }

    /** Cuts {@code [from, to)} at quantiles of the sample into about one piece per (slightly underfilled) page. */
    private List<Planned> cut(Instant from, Instant to, int pages, List<Instant> sample) {
        List<Instant> inside = sample.stream().filter(t -> (from == null || !t.isBefore(from)) && t.isBefore(to))
                .sorted().toList();
        int pieces = (int) Math.ceil(pages / TARGET_PAGE_FILL);
        TreeSet<Instant> cuts = new TreeSet<>();
        for (int i = 1; i < pieces && !inside.isEmpty(); i++) {
            Instant at = inside.get((int) ((long) i * inside.size() / pieces)).truncatedTo(ChronoUnit.SECONDS);
            if ((from == null || Duration.between(from, at).toSeconds() >= MIN_PIECE_SECONDS)
                    && Duration.between(at, to).toSeconds() >= MIN_PIECE_SECONDS) {
                cuts.add(at);
            }
        }
        if (cuts.isEmpty()) {
            evenCuts(from, to, Math.max(2, pieces), cuts); // no usable sample: cut by time, so pieces stay bounded
        }
        List<Planned> out = new ArrayList<>();
        Instant start = from;
        for (Instant at : cuts) {
            out.add(new Planned(start, at, true));
            start = at;
        }
        out.add(new Planned(start, to, !cuts.isEmpty()));
        return out;
    }

    /** Cut points dividing {@code [from, to)} into equal spans (an open start counts from ten years back). */
    private static void evenCuts(Instant from, Instant to, int pieces, TreeSet<Instant> cuts) {
        Instant start = from;
        if (start == null) {
            start = to.minus(Duration.ofDays(3650));
            if (!start.isBefore(to)) {
                return;
            }
            cuts.add(start.truncatedTo(ChronoUnit.SECONDS));
        }
        long seconds = Duration.between(start, to).toSeconds();
        for (int i = 1; i < pieces; i++) {
            Instant at = start.plusSeconds(seconds * i / pieces).truncatedTo(ChronoUnit.SECONDS);
            if (Duration.between(start, at).toSeconds() >= MIN_PIECE_SECONDS
                    && Duration.between(at, to).toSeconds() >= MIN_PIECE_SECONDS) {
                cuts.add(at);
            }
        }
    }
}
