package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndSplitTest {

    @Test
    void theLongestPieceIsSplitInHalfAtMostTheHeldPagesBound() {
        Map<String, Integer> left = new LinkedHashMap<>();
        left.put("a", 6);
        left.put("b", 10);
        left.put("c", 7);

        assertThat(EndSplit.choose(left, 0)).isEqualTo(new EndSplit<>("b", 5));
        left.put("b", 40);
        assertThat(EndSplit.choose(left, 0)).isEqualTo(new EndSplit<>("b", EndSplit.MAX_HELD_PAGES));
    }

    @Test
    void whileOtherPiecesAreSplitAnotherTakesWhatTheBoundLeaves() {
        Map<String, Integer> left = new LinkedHashMap<>();
        left.put("a", 9);
        left.put("c", 12);

        // a second read already holds 5 pages of another piece: this one takes the 3 the bound leaves
        assertThat(EndSplit.choose(left, 5)).isEqualTo(new EndSplit<>("c", 3));
        // the bound spent, or nearly: none (a second read of one page would end no sooner)
        assertThat(EndSplit.choose(left, 7)).isNull();
        assertThat(EndSplit.choose(left, EndSplit.MAX_HELD_PAGES)).isNull();
    }

    @Test
    void aPieceWithFewerThanFourPagesLeftIsNotSplit() {
        assertThat(EndSplit.choose(Map.of("a", 3, "b", 2), 0)).isNull();
        assertThat(EndSplit.choose(Map.of("a", 4), 0)).isEqualTo(new EndSplit<>("a", 2));
        assertThat(EndSplit.choose(Map.<String, Integer>of(), 0)).isNull();
    }
}
