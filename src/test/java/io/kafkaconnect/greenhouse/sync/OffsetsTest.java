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
        ResourceOffset offset = new ResourceOffset(Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-02-01T00:00:00Z"), "https://harvest.greenhouse.io/v1/candidates?page=3");
        assertThat(ResourceOffset.fromMap(offset.toMap())).isEqualTo(offset);
        assertThat(ResourceOffset.fromMap(ResourceOffset.START.toMap())).isEqualTo(ResourceOffset.START);
        assertThat(offset.toMap()).containsEntry("v", 1).containsEntry("watermark", 1704067200000L);
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
