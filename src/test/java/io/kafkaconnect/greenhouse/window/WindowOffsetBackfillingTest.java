package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.window.WindowOffset.Walk;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link WindowOffset.Backfilling}: its writer and reader. */
class WindowOffsetBackfillingTest {
    private static final Instant BACKFILL_FROM = Instant.parse("2024-01-10T00:00:00Z");
    private static final Instant BACKFILL_END = Instant.parse("2024-06-01T00:00:00Z");
    private static final String PAGE_3 = "https://harvest.greenhouse.io/v1/candidates?page=3";

    private final WindowOffset.Walking piece = new WindowOffset.Walking(Instant.parse("2024-01-11T00:00:00Z"),
            Instant.parse("2024-01-12T00:00:00Z"), null).atPage("https://h/v1/candidates?page=3&per_page=500",
            Walk.PREV, List.of(7L, 8L));
    private final List<Window> done = List.of(
            new Window(Instant.parse("2024-01-12T00:00:00Z"), Instant.parse("2024-01-15T00:00:00Z")),
            new Window(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-02-02T00:00:00Z")));

    @Test
    void writesPartsDoneAsFromToSpansAndPiecesAsTheirOwnPositions() {
        Map<String, Object> map = new WindowOffset.Backfilling(BACKFILL_FROM, BACKFILL_END, done, List.of(piece))
                .toMap();
        assertThat(map).containsEntry("done", "1705017600000..1705276800000,1706745600000..1706832000000");
        assertThat((String) map.get("reading")).isEqualTo("[{\"watermark\":1704931200000,\"window_end\":"
                + "1705017600000,\"next_page\":\"https://h/v1/candidates?page=3&per_page=500\",\"walk\":\"prev\","
                + "\"seen\":\"7,8\"}]");
    }

    @Test
    void readsWhatItWrites() {
        WindowOffset.Backfilling backfilling = new WindowOffset.Backfilling(BACKFILL_FROM, BACKFILL_END, done,
                List.of(piece));
        assertThat(WindowOffset.Backfilling.fromMap(backfilling.toMap())).isEqualTo(backfilling);
    }

    @Test
    void withNothingReadYetIsWrittenAsTheWindowAtItsFirstPage() {
        WindowOffset.Backfilling begun = WindowOffset.Backfilling.begun(new Window(BACKFILL_FROM, BACKFILL_END));
        assertThat(WindowOffset.fromMap(begun.toMap()))
                .isEqualTo(new WindowOffset.Walking(BACKFILL_FROM, BACKFILL_END, null));
    }

    @Test
    void refusesPiecesPartlyReadThatOverlapOrLeaveTheWindow() {
        WindowOffset.Walking longPiece = new WindowOffset.Walking(Instant.parse("2024-01-11T00:00:00Z"),
                Instant.parse("2024-01-13T00:00:00Z"), null).atPage(PAGE_3, Walk.PREV, List.of());
        List<Window> overlapping = List.of(new Window(Instant.parse("2024-01-12T00:00:00Z"),
                Instant.parse("2024-01-15T00:00:00Z")));
        assertThatThrownBy(() -> new WindowOffset.Backfilling(BACKFILL_FROM, BACKFILL_END, overlapping,
                List.of(longPiece))).hasMessageContaining("disjoint");
        assertThatThrownBy(() -> new WindowOffset.Backfilling(Instant.parse("2024-01-12T00:00:00Z"), BACKFILL_END,
                List.of(), List.of(longPiece))).as("before the watermark").hasMessageContaining("disjoint");
        Map<String, Object> map = new HashMap<>(Map.of("v", 1, "watermark", 1000, "window_end", 9000));
        map.put("reading", "[{\"window_end\": 3000, \"walk\": \"sideways\", \"next_page\": \"x\"}]");
        assertThatThrownBy(() -> WindowOffset.Backfilling.fromMap(map)).hasMessageContaining("'reading'")
                .hasMessageContaining("walk");
        map.put("reading", "[{\"watermark\": 2000, \"next_page\": \"x\", \"walk\": \"prev\"}]");
        assertThatThrownBy(() -> WindowOffset.Backfilling.fromMap(map)).as("a piece without its end")
                .hasMessageContaining("'reading'").hasMessageContaining("window_end");
        map.put("reading", "not json");
        assertThatThrownBy(() -> WindowOffset.Backfilling.fromMap(map)).hasMessageContaining("'reading'");
    }

    @Test
    void refusesPartsDoneThatAreNotSortedSpansInsideTheWindow() {
        Map<String, Object> map = new HashMap<>(Map.of("v", 1, "watermark", 1000, "window_end", 9000));
        map.put("done", "3000..2000");
        assertThatThrownBy(() -> WindowOffset.fromMap(map)).hasMessageContaining("done");
        map.put("done", "500..2000");
        assertThatThrownBy(() -> WindowOffset.fromMap(map)).as("before the watermark").hasMessageContaining("done");
        map.put("done", "2000..3000,2500..4000");
        assertThatThrownBy(() -> WindowOffset.fromMap(map)).as("overlapping").hasMessageContaining("done");
        map.put("done", "2000..10000");
        assertThatThrownBy(() -> WindowOffset.fromMap(map)).as("past window_end").hasMessageContaining("done");
        map.put("done", "2000-3000");
        assertThatThrownBy(() -> WindowOffset.fromMap(map)).hasMessageContaining("from..to");
        map.put("done", 5);
        assertThatThrownBy(() -> WindowOffset.fromMap(map)).hasMessageContaining("'done'");
        assertThatThrownBy(() -> WindowOffset.fromMap(Map.of("v", 1, "watermark", 1000, "done", "2000..3000")))
                .as("no window").hasMessageContaining("window");
    }

    @Test
    void refusesANextPageOfItsOwn() {
        assertThatThrownBy(() -> WindowOffset.fromMap(Map.of("v", 1, "watermark", 1000, "window_end", 9000,
                "done", "2000..3000", "next_page", PAGE_3, "walk", "prev")))
                .hasMessageContaining("'next_page'").hasMessageContaining("'reading'");
    }
}
