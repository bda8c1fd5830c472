package io.kafkaconnect.greenhouse.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.dialect.Window;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class OffsetsTest {
    private static final Instant BACKFILL_FROM = Instant.parse("2024-01-10T00:00:00Z");
    private static final Instant BACKFILL_END = Instant.parse("2024-06-01T00:00:00Z");

    @Test
    void anOffsetRoundTripsThroughItsMap() {
        ResourceOffset offset = ResourceOffset.windowStart(Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-02-01T00:00:00Z")).atPage("https://harvest.greenhouse.io/v1/candidates?page=3",
                ResourceOffset.Walk.PREV, List.of(3L, 4L));
        assertThat(ResourceOffset.fromMap(offset.toMap())).isEqualTo(offset);
        assertThat(ResourceOffset.fromMap(ResourceOffset.START.toMap())).isEqualTo(ResourceOffset.START);
        assertThat(offset.toMap()).containsEntry("v", 1).containsEntry("watermark", 1704067200000L);
    }

    @Test
    void offsetMapsHoldOnlyPrimitivesAsConnectRequires() {
        ResourceOffset offset = ResourceOffset.windowStart(Instant.EPOCH, Instant.parse("2024-02-01T00:00:00Z"))
                .atPage("https://h/v1/jobs?page=2", ResourceOffset.Walk.PREV, List.of(1L, 2L));
        org.apache.kafka.connect.storage.OffsetUtils.validateFormat(offset.toMap());
        assertThat(offset.toMap()).containsEntry("seen", "1,2").containsEntry("walk", "prev");
    }

    @Test
    void acceptsIsoInstantsSoUsersCanWriteOffsetsByHand() {
        Map<String, Object> map = new HashMap<>();
        map.put("v", 1);
        map.put("watermark", "2024-05-01T00:00:00Z");
        assertThat(ResourceOffset.fromMap(map).watermark()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> ResourceOffset.fromMap(Map.of("v", 2))).hasMessageContaining("'v'");
        assertThatThrownBy(() -> ResourceOffset.fromMap(Map.of("v", 1, "watermark", "soon")))
                .hasMessageContaining("watermark");
        assertThatThrownBy(() -> ResourceOffset.fromMap(Map.of("v", 1, "next_page", "x")))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> ResourceOffset.fromMap(Map.of("v", 1, "window_end", 5, "next_page", "x", "walk", "up")))
                .hasMessageContaining("'walk'");
        assertThatThrownBy(() -> ResourceOffset.fromMap(Map.of("v", 1, "colour", "red"))).hasMessageContaining("colour");
        assertThatThrownBy(() -> ResourceOffset.fromMap(Map.of("v", 1, "watermark", 10, "window_end", 5)))
                .hasMessageContaining("after");
    }

    @Test
    void aBackfillsPartsDoneRoundTripAsFromToSpans() {
        ResourceOffset offset = ResourceOffset.backfill(BACKFILL_FROM, BACKFILL_END, List.of(
                new Window(Instant.parse("2024-01-12T00:00:00Z"), Instant.parse("2024-01-15T00:00:00Z")),
                new Window(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-02-02T00:00:00Z"))), List.of());
        org.apache.kafka.connect.storage.OffsetUtils.validateFormat(offset.toMap());
        assertThat(offset.toMap()).containsEntry("done", "1705017600000..1705276800000,1706745600000..1706832000000");
        assertThat(ResourceOffset.fromMap(offset.toMap())).isEqualTo(offset);
    }

    @Test
    void aBackfillsPiecesPartlyReadRoundTripWithTheirOwnPositions() {
        ResourceOffset piece = ResourceOffset.windowStart(Instant.parse("2024-01-11T00:00:00Z"),
                Instant.parse("2024-01-12T00:00:00Z")).atPage("https://h/v1/candidates?page=3&per_page=500",
                ResourceOffset.Walk.PREV, List.of(7L, 8L));
        ResourceOffset offset = ResourceOffset.backfill(BACKFILL_FROM, BACKFILL_END, List.of(
                new Window(Instant.parse("2024-01-12T00:00:00Z"), Instant.parse("2024-01-15T00:00:00Z"))),
                List.of(piece));
        org.apache.kafka.connect.storage.OffsetUtils.validateFormat(offset.toMap());
        assertThat((String) offset.toMap().get("reading")).startsWith("[{\"watermark\":1704931200000");
        assertThat(ResourceOffset.fromMap(offset.toMap())).isEqualTo(offset);
    }

    @Test
    void rejectsPiecesPartlyReadThatOverlapOrLeaveTheWindow() {
        ResourceOffset piece = ResourceOffset.windowStart(Instant.parse("2024-01-11T00:00:00Z"),
                Instant.parse("2024-01-13T00:00:00Z")).atPage("https://h/v1/candidates?page=3", ResourceOffset.Walk.PREV,
                List.of());
        List<Window> overlapping = List.of(new Window(Instant.parse("2024-01-12T00:00:00Z"),
                Instant.parse("2024-01-15T00:00:00Z")));
        assertThatThrownBy(() -> ResourceOffset.backfill(BACKFILL_FROM, BACKFILL_END, overlapping, List.of(piece)))
                .hasMessageContaining("disjoint");
        assertThatThrownBy(() -> ResourceOffset.backfill(Instant.parse("2024-01-12T00:00:00Z"), BACKFILL_END, List.of(),
                List.of(piece))).as("before the watermark").hasMessageContaining("disjoint");
        Map<String, Object> map = new HashMap<>(Map.of("v", 1, "watermark", 1000, "window_end", 9000));
        map.put("reading", "[{\"window_end\": 3000, \"walk\": \"sideways\", \"next_page\": \"x\"}]");
        assertThatThrownBy(() -> ResourceOffset.fromMap(map)).hasMessageContaining("'reading'").hasMessageContaining("walk");
        map.put("reading", "not json");
        assertThatThrownBy(() -> ResourceOffset.fromMap(map)).hasMessageContaining("'reading'");
    }

    @Test
    void rejectsPartsDoneThatAreNotSortedSpansInsideTheWindow() {
        Map<String, Object> map = new HashMap<>(Map.of("v", 1, "watermark", 1000, "window_end", 9000));
        map.put("done", "3000..2000");
        assertThatThrownBy(() -> ResourceOffset.fromMap(map)).hasMessageContaining("done");
        map.put("done", "500..2000");
        assertThatThrownBy(() -> ResourceOffset.fromMap(map)).as("before the watermark").hasMessageContaining("done");
        map.put("done", "2000..3000,2500..4000");
        assertThatThrownBy(() -> ResourceOffset.fromMap(map)).as("overlapping").hasMessageContaining("done");
        map.put("done", "2000..10000");
        assertThatThrownBy(() -> ResourceOffset.fromMap(map)).as("past window_end").hasMessageContaining("done");
        map.put("done", "2000-3000");
        assertThatThrownBy(() -> ResourceOffset.fromMap(map)).hasMessageContaining("from..to");
        map.put("done", 5);
        assertThatThrownBy(() -> ResourceOffset.fromMap(map)).hasMessageContaining("'done'");
        assertThatThrownBy(() -> ResourceOffset.fromMap(Map.of("v", 1, "watermark", 1000, "done", "2000..3000")))
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
