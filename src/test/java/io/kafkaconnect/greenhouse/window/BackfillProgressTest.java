package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.window.plan.BackfillPlanner;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The position a parallel backfill's records carry, from the pieces open and the parts done. */
class BackfillProgressTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(100);
    private static final Instant T2 = T0.plusSeconds(200);
    private static final Instant T3 = T0.plusSeconds(300);
    private static final Instant END = T0.plusSeconds(400);

    private static BackfillPiece piece(Instant from, Instant to) {
        return new BackfillPiece(BackfillPlanner.Piece.of(from, to, 1, 2, 10));
    }

    @Test
    void theWatermarkIsTheFirstPieceOpenPartsDoneAfterItAreListedAndMergedAndThePartlyReadCarryTheirPlace() {
        Instant[] frontier = {T3}; // [T3, END) not planned yet
        BackfillProgress progress = new BackfillProgress(END, List.of(), () -> frontier[0]);
        BackfillPiece a = piece(T0, T1);
        BackfillPiece b = piece(T1, T2);
        BackfillPiece c = piece(T2, T3);
        progress.add(c);
        progress.add(a);
        progress.add(b);
        assertThat(progress.open()).as("in order of time").containsExactly(a, b, c);
        assertThat(progress.position()).isEqualTo(new WindowOffset.Backfilling(T0, END, List.of(), List.of()));

        c.at = new WindowOffset.Walking(T2, T3, null).atPage("https://x/c?page=2", WindowOffset.Walk.PREV, List.of(7L));
        progress.finish(b);
        assertThat(b.state).isEqualTo(BackfillPiece.State.DONE);
        assertThat(progress.position()).isEqualTo(new WindowOffset.Backfilling(T0, END, List.of(new Window(T1, T2)),
                List.of(c.at)));

        progress.finish(a);
        assertThat(progress.position()).as("parts before the watermark are dropped")
                .isEqualTo(new WindowOffset.Backfilling(T2, END, List.of(), List.of(c.at)));

        progress.finish(c);
        assertThat(progress.position()).as("the frontier is the watermark once no piece is open")
                .isEqualTo(new WindowOffset.Backfilling(T3, END, List.of(), List.of()));
        frontier[0] = null;
        assertThat(progress.position()).isEqualTo(new WindowOffset.Between(END));
    }

    @Test
    void partsDoneThatTouchAreMergedAndARestartsPartsAreKept() {
        BackfillProgress progress = new BackfillProgress(END, List.of(new Window(T2, END)), () -> null);
        BackfillPiece first = piece(null, T0);
        BackfillPiece a = piece(T0, T1);
        BackfillPiece b = piece(T1, T2);
        List.of(b, a, first).forEach(progress::add);
        assertThat(progress.open()).containsExactly(first, a, b);
        assertThat(progress.position().watermark()).as("nothing read from the open start").isNull();

        progress.finish(b);
        assertThat(((WindowOffset.Backfilling) progress.position()).done()).containsExactly(new Window(T1, END));
        progress.finish(first);
        assertThat(progress.position()).isEqualTo(new WindowOffset.Backfilling(T0, END, List.of(new Window(T1, END)),
                List.of()));
        progress.replace(a, List.of(piece(T0, T0.plusSeconds(50)), piece(T0.plusSeconds(50), T1)));
        List<BackfillPiece> halves = List.copyOf(progress.open());
        assertThat(halves).hasSize(2);
        progress.finish(halves.get(1));
        assertThat(progress.position().watermark()).isEqualTo(T0);
        progress.finish(halves.get(0));
        assertThat(progress.position()).isEqualTo(new WindowOffset.Between(END));
    }
}
