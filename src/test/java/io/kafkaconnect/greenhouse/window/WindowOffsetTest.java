package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.window.WindowOffset.Walk;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.apache.kafka.connect.storage.OffsetUtils;
import org.junit.jupiter.api.Test;

class WindowOffsetTest {
    private static final Instant BACKFILL_FROM = Instant.parse("2024-01-10T00:00:00Z");
    private static final Instant BACKFILL_END = Instant.parse("2024-06-01T00:00:00Z");
    private static final String PAGE_3 = "https://harvest.greenhouse.io/v1/candidates?page=3";

    /** The entry point: any stored map, read as the state its keys tell. */
    @Test
    void readsEachStateFromItsKeys() {
        assertThat(WindowOffset.fromMap(null)).isEqualTo(WindowOffset.START);
        assertThat(WindowOffset.fromMap(Map.of("v", 1))).isEqualTo(WindowOffset.START);
        assertThat(WindowOffset.fromMap(Map.of("v", 1, "watermark", 1000L)))
                .isEqualTo(new WindowOffset.Between(Instant.ofEpochMilli(1000)));
        assertThat(WindowOffset.fromMap(Map.of("v", 1, "watermark", 1000L, "window_end", 9000L)))
                .isEqualTo(new WindowOffset.Walking(Instant.ofEpochMilli(1000), Instant.ofEpochMilli(9000), null));
        assertThat(WindowOffset.fromMap(Map.of("v", 1, "window_end", 9000L, "next_page", PAGE_3, "walk", "prev")))
                .isInstanceOf(WindowOffset.Walking.class);
        assertThat(WindowOffset.fromMap(Map.of("v", 1, "watermark", 1000L, "window_end", 9000L, "done",
                "2000..3000"))).isInstanceOf(WindowOffset.Backfilling.class);
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
                .hasMessageContaining("'next_page'").hasMessageContaining("window");
        assertThatThrownBy(() -> WindowOffset.fromMap(Map.of("v", 1, "window_end", 5, "next_page", "x", "walk", "up")))
                .hasMessageContaining("'walk'");
        assertThatThrownBy(() -> WindowOffset.fromMap(Map.of("v", 1, "colour", "red"))).hasMessageContaining("colour");
        assertThatThrownBy(() -> WindowOffset.fromMap(Map.of("v", 1, "watermark", 10, "window_end", 5)))
                .hasMessageContaining("after");
    }

    @Test
    void offsetMapsHoldOnlyPrimitivesAsConnectRequires() {
        WindowOffset.Walking piece = new WindowOffset.Walking(BACKFILL_FROM, Instant.parse("2024-01-12T00:00:00Z"),
                null).atPage(PAGE_3, Walk.PREV, List.of(7L, 8L));
        OffsetUtils.validateFormat(WindowOffset.START.toMap());
        OffsetUtils.validateFormat(piece.toMap());
        OffsetUtils.validateFormat(new WindowOffset.Backfilling(BACKFILL_FROM, BACKFILL_END,
                List.of(new Window(Instant.parse("2024-01-12T00:00:00Z"), Instant.parse("2024-01-15T00:00:00Z"))),
                List.of(piece)).toMap());
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
