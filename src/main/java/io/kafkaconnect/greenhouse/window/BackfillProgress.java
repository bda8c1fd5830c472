package io.kafkaconnect.greenhouse.window;

import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.window.WindowOffset.Backfilling;
import io.kafkaconnect.greenhouse.window.WindowOffset.Between;
import io.kafkaconnect.greenhouse.window.WindowOffset.Walking;
import io.kafkaconnect.greenhouse.window.plan.BackfillPlanner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Where a {@link ParallelBackfill} stands: the pieces not read completely yet, in order of time, the parts read
 * completely after the first of them, and from both the position its records carry ({@link #position}): the
 * watermark (everything before it is read), the parts done after it and each piece partly read with its own
 * page to read next. Not thread-safe (the backfill calls it under its lock).
 */
final class BackfillProgress {
    private final Instant end;
    /** The start of the first span no piece is planned for yet ({@link BackfillPlanner#frontier}). */
    private final Supplier<Instant> frontier;
    /** Pieces not read completely yet, in order of time. */
    private final LinkedList<BackfillPiece> open = new LinkedList<>();
    /** Pieces read completely after the first piece still open: from → to, merged where they touch. */
    private final TreeMap<Instant, Instant> done = new TreeMap<>();

    BackfillProgress(Instant end, List<Window> doneBefore, Supplier<Instant> frontier) {
        this.end = end;
        this.frontier = frontier;
        doneBefore.forEach(w -> done.put(w.from(), w.to()));
    }

    /** The pieces not read completely yet, in order of time (a view: change it through this class). */
    List<BackfillPiece> open() {
        return Collections.unmodifiableList(open);
    }

    /** The records the open pieces still hold (as counted, or as expected), less what they sent. */
    double left() {
        double left = 0;
        for (BackfillPiece q : open) {
            left += q.left();
        }
        return left;
    }

    boolean isOpen(BackfillPiece p) {
        return open.contains(p);
    }

    /** Adds a piece, in order of time. */
    void add(BackfillPiece p) {
        ListIterator<BackfillPiece> it = open.listIterator();
        while (it.hasNext()) {
            BackfillPiece q = it.next();
            if (p.planned.from() == null || (q.planned.from() != null && q.planned.from().isAfter(p.planned.from()))) {
                it.previous();
                break;
            }
        }
        it.add(p);
    }

    /** Puts {@code pieces} (in order of time) in the place of {@code p}, if it is still open. */
    void replace(BackfillPiece p, List<BackfillPiece> pieces) {
        int at = open.indexOf(p);
        if (at < 0) {
            return;
        }
        open.remove(at);
        open.addAll(at, pieces);
    }

    /** Forgets every piece (the backfill stopped). */
    void clear() {
        open.clear();
    }

    /** A piece read completely: its span joins the parts done. */
    void finish(BackfillPiece p) {
        open.remove(p);
        p.state = BackfillPiece.State.DONE;
        p.at = null;
        Instant from = BackfillPlanner.key(p.planned.from());
        Instant to = p.planned.to();
        Map.Entry<Instant, Instant> before = done.floorEntry(from);
        if (before != null && !before.getValue().isBefore(from)) {
            from = before.getKey();
        }
        Instant after = done.remove(to);
        if (after != null) {
            to = after;
        }
        done.put(from, to);
        Instant watermark = watermark();
        if (watermark != null) {
            done.headMap(watermark, true).values().removeIf(end -> !end.isAfter(watermark));
        }
    }

    /**
     * Everything before it is read: the start of the first piece still open or of the first span not planned,
     * whichever is earlier; null while nothing is read from the window's open start.
     */
    private Instant watermark() {
        Instant w = end;
        Instant first = frontier.get();
        if (first != null) {
            w = first;
        }
        if (!open.isEmpty()) {
            Instant firstOpen = BackfillPlanner.key(open.getFirst().planned.from());
            w = firstOpen.isBefore(w) ? firstOpen : w;
        }
        return w.equals(Instant.MIN) ? null : w;
    }

    /** Where the backfill stands: the watermark, the pieces done after it and the pieces partly read. */
    WindowOffset position() {
        Instant watermark = watermark();
        if (watermark != null && !watermark.isBefore(end)) {
            return new Between(end);
        }
        List<Window> parts = new ArrayList<>(done.size());
        done.forEach((from, to) -> parts.add(new Window(from, to)));
        List<Walking> reading = open.stream().filter(p -> p.at != null).map(p -> p.at).toList();
        return new Backfilling(watermark, end, parts, reading);
    }
}
