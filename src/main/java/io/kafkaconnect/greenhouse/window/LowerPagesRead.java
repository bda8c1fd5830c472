package io.kafkaconnect.greenhouse.window;

import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import io.kafkaconnect.greenhouse.window.WindowOffset.Walk;
import io.kafkaconnect.greenhouse.window.WindowOffset.Walking;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The reading done by the second read of a split piece of a {@link ParallelBackfill}, at the end of the backfill.
 * It walks down from page k ({@link #hold}) to the first page, holding what it reads, while the piece's own read
 * goes on down to page k + 1 and stops. Read in that order, a record that moved from page k + 1 to page k after
 * k was read would be missed, so page k is read once more after the first read has read k + 1
 * ({@link #again}): a record can move down by fewer pages than a piece's records left it meanwhile divided by
 * the page size, which is under one page if the piece still counts the pages it did (then nothing else can have
 * been missed), and records already read on page k + 1 or on k are recognised by id. The held pages are then
 * handed over in order, as the first read would have handed them over. Runs on a fetch thread; {@link EndSplits}
 * does the waiting and handing over.
 */
final class LowerPagesRead {
    /** A page to hand over: its records (offsets not set) and the piece's position at its next page. */
    record Page(List<SourceRecord> records, Optional<Walking> next) {
    }

    /** A page read and held; page k is kept as read (to be merged), the others converted. */
    private record HeldPage(List<ParsedRecord> json, List<SourceRecord> records, Optional<Walking> next) {
    }

    private final WindowWalker walker;
    private final Function<List<ParsedRecord>, List<SourceRecord>> converter;
    private final List<HeldPage> held = new ArrayList<>();

    LowerPagesRead(WindowWalker walker, Function<List<ParsedRecord>, List<SourceRecord>> converter) {
        this.walker = walker;
        this.converter = converter;
    }

    /** Reads and holds page k ({@code from}) down to the first page; whether anything was read. */
    boolean hold(Walking from) {
        walker.readOn(from, (page, next) -> {
            held.add(held.isEmpty() ? new HeldPage(page, null, next)
                    : new HeldPage(null, converter.apply(page), next));
            return true;
        }, null);
        return !held.isEmpty();
    }

    /**
     * Once the piece's own read stopped at {@code firstStopped} (page k next, with the ids of page k + 1): reads
     * page k again and returns the pages to hand over in order, page k with what moved onto it; null if the piece
     * no longer counts {@code pages} pages (then nothing held may be sent).
     */
    List<Page> again(Walking firstStopped, int pages) {
        HeldPage top = held.get(0);
        Set<Long> above = new HashSet<>(firstStopped.next().seen());
        Set<Long> seen = new HashSet<>(above);
        seen.addAll(walker.ids(top.json()));
        WindowWalker.Step again = walker.next(firstStopped.atPage(firstStopped.next().url(), Walk.PREV,
                new ArrayList<>(seen)));
        Integer count = walker.pageCount(again.page());
        if (count == null || count != pages) {
            return null;
        }
        List<ParsedRecord> pageK = new ArrayList<>(walker.withoutIds(top.json(), above));
        pageK.addAll(again.toSend());
        List<Long> readOnK = new ArrayList<>(walker.ids(top.json()));
        readOnK.addAll(walker.ids(again.toSend()));
        Optional<Walking> afterK = top.next().map(k -> k.atPage(k.next().url(), Walk.PREV, readOnK));
        List<Page> out = new ArrayList<>(held.size());
        out.add(new Page(converter.apply(pageK), afterK));
        for (HeldPage h : held.subList(1, held.size())) {
            out.add(new Page(h.records(), h.next()));
        }
        return out;
    }
}
