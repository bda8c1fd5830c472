package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeOrderTest {

    /** Records from pairs of (id, change time in seconds). */
    private static List<ParsedRecord> page(long... idsAndSeconds) {
        List<ParsedRecord> page = new ArrayList<>();
        for (int i = 0; i < idsAndSeconds.length; i += 2) {
            page.add(new ParsedRecord(idsAndSeconds[i], Instant.ofEpochSecond(idsAndSeconds[i + 1]), 0, null, null));
        }
        return page;
    }

    @Test
    void aListByIdEitherWayDoesNotShowIt() {
        assertThat(ChangeOrder.shownBy(page(1, 50, 2, 10, 3, 70, 4, 20), List.of())).isFalse();
        assertThat(ChangeOrder.shownBy(page(4, 10, 3, 20, 2, 30, 1, 40), List.of())).as("descending ids").isFalse();
        assertThat(ChangeOrder.shownBy(page(5, 10, 6, 20, 7, 30), List.of(2L, 3L, 4L))).as("after the page before")
                .isFalse();
    }

    @Test
    void idsUpAndDownWhileChangeTimesGoUpShowIt() {
        assertThat(ChangeOrder.shownBy(page(7, 10, 2, 20, 9, 30, 4, 40), List.of())).isTrue();
    }

    @Test
    void aRecordThatChangedAndMovedToTheEndShowsIt() {
        // ids and change times both ascend, until a low id changed just now comes last
        assertThat(ChangeOrder.shownBy(page(21, 10, 22, 11, 23, 12, 3, 99), List.of(19L, 20L))).isTrue();
        assertThat(ChangeOrder.shownBy(page(21, 10, 22, 11, 23, 12, 24, 99), List.of(19L, 20L))).isFalse();
    }

    @Test
    void idsThatGoDownWithinOneChangeTimeDoNotShowIt() {
        // a bulk edit: one change time, listed by descending id after the records before it
        assertThat(ChangeOrder.shownBy(page(1, 10, 2, 20, 9, 30, 8, 30, 7, 30), List.of())).isFalse();
    }

    @Test
    void changeTimesThatGoBackDoNotShowIt() {
        assertThat(ChangeOrder.shownBy(page(7, 10, 2, 20, 9, 15, 4, 40), List.of())).isFalse();
    }

    @Test
    void recordsOfThePageBeforeAreLeftOut() {
        // 30 was on the page before (pushed on): without it the page ascends in id
        assertThat(ChangeOrder.shownBy(page(30, 5, 31, 10, 32, 20), List.of(29L, 30L))).isFalse();
        assertThat(ChangeOrder.shownBy(page(31, 10, 2, 20, 32, 30), List.of(29L, 30L))).isTrue();
    }

    @Test
    void aRecordWithoutAChangeTimeDoesNotShowIt() {
        List<ParsedRecord> page = new ArrayList<>(page(7, 10, 2, 20, 9, 30));
        page.add(new ParsedRecord(4L, null, 0, null, null));
        assertThat(ChangeOrder.shownBy(page, List.of())).isFalse();
    }
}
