package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class WindowOffsetTest {
    private static final Instant BACKFILL_FROM = Instant.parse("2024-01-10T00:00:00Z");
    private static final Instant BACKFILL_END = Instant.parse("2024-06-01T00:00:00Z");

    @Test
    void anOffsetRoundTripsThroughItsMap() {
        WindowOffset offset = WindowOffset.windowStart(Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-02-01T00:00:00Z")).atPage("https://harvest.greenhouse.io/v1/candidates?page=3",
                WindowOffset.Walk.PREV, List.of(3L, 4L));
        assertThat(WindowOffset.fromMap(offset.toMap())).isEqualTo(offset);
        assertThat(WindowOffset.fromMap(WindowOffset.START.toMap())).isEqualTo(WindowOffset.START);
        assertThat(offset.toMap()).containsEntry("v", 1).containsEntry("watermark", 1704067200000L);
    }

    @Test
    void offsetMapsHoldOnlyPrimitivesAsConnectRequires() {
        WindowOffset offset = WindowOffset.windowStart(Instant.EPOCH, Instant.parse("2024-02-01T00:00:00Z"))
                .atPage("https://h/v1/jobs?page=2", WindowOffset.Walk.PREV, List.of(1L, 2L));
        org.apache.kafka.connect.storage.OffsetUtils.validateFormat(offset.toMap());
        assertThat(offset.toMap()).containsEntry("seen", "1,2").containsEntry("walk", "prev");
    }

    @Test
    void acceptsIsoInstantsSoUsersCanWriteOffsetsByHand() {
        Map<String, Object> map = new HashMap<>();
        map.put("v", 1);
        map.put("watermark", "2024-05-01T00:00:00Z");
        assertThat(WindowOffset.fromMap(map).watermark()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> WindowOffset.fromMap(Map.of("v", 2))).hasMessageContaining("'v'");
        assertThatThrownBy(() -> WindowOffset.fromMap(Map.of("v", 1, "watermark", "soon")))
                .hasMessageContaining("watermark");
        assertThatThrownBy(() -> WindowOffset.fromMap(Map.of("v", 1, "next_page", "x")))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> WindowOffset.fromMap(Map.of("v", 1, "window_end", 5, "next_page", "x", "walk", "up")))
                .hasMessageContaining("'walk'");
        assertThatThrownBy(() -> WindowOffset.fromMap(Map.of("v", 1, "colour", "red"))).hasMessageContaining("colour");
        assertThatThrownBy(() -> WindowOffset.fromMap(Map.of("v", 1, "watermark", 10, "window_end", 5)))
                .hasMessageContaining("after");
    }

    @Test
    void aBackfillsPartsDoneRoundTripAsFromToSpans() {
        WindowOffset offset = WindowOffset.backfill(BACKFILL_FROM, BACKFILL_END, List.of(
                new Window(Instant.parse("2024-01-12T00:00:00Z"), Instant.parse("2024-01-15T00:00:00Z")),
                new Window(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-02-02T00:00:00Z"))), List.of());
        org.apache.kafka.connect.storage.OffsetUtils.validateFormat(offset.toMap());
        assertThat(offset.toMap()).containsEntry("done", "1705017600000..1705276800000,1706745600000..1706832000000");
        assertThat(WindowOffset.fromMap(offset.toMap())).isEqualTo(offset);
    }

    @Test
    void aBackfillsPiecesPartlyReadRoundTripWithTheirOwnPositions() {
        WindowOffset piece = WindowOffset.windowStart(Instant.parse("2024-01-11T00:00:00Z"),
                Instant.parse("2024-01-12T00:00:00Z")).atPage("https://h/v1/candidates?page=3&per_page=500",
                WindowOffset.Walk.PREV, List.of(7L, 8L));
        WindowOffset offset = WindowOffset.backfill(BACKFILL_FROM, BACKFILL_END, List.of(
                new Window(Instant.parse("2024-01-12T00:00:00Z"), Instant.parse("2024-01-15T00:00:00Z"))),
                List.of(piece));
        org.apache.kafka.connect.storage.OffsetUtils.validateFormat(offset.toMap());
        assertThat((String) offset.toMap().get("reading")).startsWith("[{\"watermark\":1704931200000");
        assertThat(WindowOffset.fromMap(offset.toMap())).isEqualTo(offset);
    }

    @Test
    void rejectsPiecesPartlyReadThatOverlapOrLeaveTheWindow() {
        WindowOffset piece = WindowOffset.windowStart(Instant.parse("2024-01-11T00:00:00Z"),
                Instant.parse("2024-01-13T00:00:00Z")).atPage("https://h/v1/candidates?page=3", WindowOffset.Walk.PREV,
                List.of());
        List<Window> overlapping = List.of(new Window(Instant.parse("2024-01-12T00:00:00Z"),
                Instant.parse("2024-01-15T00:00:00Z")));
        assertThatThrownBy(() -> WindowOffset.backfill(BACKFILL_FROM, BACKFILL_END, overlapping, List.of(piece)))
                .hasMessageContaining("disjoint");
        assertThatThrownBy(() -> WindowOffset.backfill(Instant.parse("2024-01-12T00:00:00Z"), BACKFILL_END, List.of(),
                List.of(piece))).as("before the watermark").hasMessageContaining("disjoint");
        Map<String, Object> map = new HashMap<>(Map.of("v", 1, "watermark", 1000, "window_end", 9000));
        map.put("reading", "[{\"window_end\": 3000, \"walk\": \"sideways\", \"next_page\": \"x\"}]");
        assertThatThrownBy(() -> WindowOffset.fromMap(map)).hasMessageContaining("'reading'").hasMessageContaining("walk");
        map.put("reading", "not json");
        assertThatThrownBy(() -> WindowOffset.fromMap(map)).hasMessageContaining("'reading'");
    }

    @Test
    void rejectsPartsDoneThatAreNotSortedSpansInsideTheWindow() {
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
    void partitionsNameApiHostAndResource() {
        SourcePartition p = SourcePartition.of("v1", HttpUrl.get("http://127.0.0.1:8089/"), "jobs");
        assertThat(p.toMap()).containsEntry("api", "v1").containsEntry("host", "127.0.0.1:8089")
                .containsEntry("resource", "jobs").containsEntry("protocol", "1");
        assertThat(SourcePartition.of("v1", HttpUrl.get("https://harvest.greenhouse.io/"), "jobs").host())
                .isEqualTo("harvest.greenhouse.io");
        assertThat(SourcePartition.fromMap(p.toMap())).contains(p);
        assertThat(SourcePartition.fromMap(Map.of("resource", "jobs"))).isEmpty();
    }
}
