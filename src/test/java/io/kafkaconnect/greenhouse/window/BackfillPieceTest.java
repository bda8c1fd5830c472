package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.window.BackfillPiece.State;
import io.kafkaconnect.greenhouse.window.plan.BackfillPlanner;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackfillPieceTest {
    private final BackfillPiece piece = new BackfillPiece(BackfillPlanner.Piece.of(Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-02-01T00:00:00Z"), 10, 30, 4_750));

    @Test
    void aSplitPieceWhoseOwnReadStoppedForRoomIsReadOnDownToTheHeldPages() {
        BackfillPiece.Split split = new BackfillPiece.Split(4);
        piece.state = State.READING;
        piece.split = split;
        assertThat(piece.readsDownTo(split)).as("its own read goes on").isTrue();
        assertThat(piece.startable()).isFalse();

        // its read stopped for room in the queue above the held pages: the second read keeps them and waits, and
        // the piece is read on (before, the split was given up and the held pages read again)
        piece.state = State.WAITING;
        assertThat(piece.startable()).isTrue();
        assertThat(piece.readsDownTo(split)).isTrue();

        piece.state = State.STOPPED_FOR_SPLIT;
        assertThat(piece.readsDownTo(split)).as("it stopped above the held pages").isFalse();
        assertThat(piece.startable()).isFalse();
    }

    @Test
    void aSecondReadStopsWaitingOnceItsPieceFailedOrItsSplitWasGivenUp() {
        BackfillPiece.Split split = new BackfillPiece.Split(4);
        piece.state = State.READING;
        piece.split = split;
        piece.state = State.FAILED;
        assertThat(piece.readsDownTo(split)).isFalse();
        assertThat(piece.startable()).as("the failure waits for the next poll").isFalse();

        piece.state = State.WAITING;
        piece.split = null;
        assertThat(piece.readsDownTo(split)).as("given up").isFalse();
        assertThat(piece.readsDownTo(new BackfillPiece.Split(4))).as("another split").isFalse();
        assertThat(piece.startable()).isTrue();
    }
}
