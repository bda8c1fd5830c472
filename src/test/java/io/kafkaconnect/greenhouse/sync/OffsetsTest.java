package io.kafkaconnect.greenhouse.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class OffsetsTest {

    @Test
    void anOffsetRoundTripsThroughItsMap() {
        ResourceOffset offset = ResourceOffset.windowStart(Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-02-01T00:00:00Z")).atPage("https://harvest.greenhouse.io/v1/candidates?page=3",
                ResourceOffset.Walk.PREV, java.util.List.of(3L, 4L));
        assertThat(ResourceOffset.fromMap(offset.toMap())).isEqualTo(offset);
        assertThat(ResourceOffset.fromMap(ResourceOffset.START.toMap())).isEqualTo(ResourceOffset.START);
        assertThat(offset.toMap()).containsEntry("v", 1).containsEntry("watermark", 1704067200000L);
    }

    @Test
    void offsetMapsHoldOnlyPrimitivesAsConnectRequires() {
        ResourceOffset offset = ResourceOffset.windowStart(Instant.EPOCH, Instant.parse("2024-02-01T00:00:00Z"))
                .atPage("https://h/v1/jobs?page=2", ResourceOffset.Walk.PREV, java.util.List.of(1L, 2L));
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
