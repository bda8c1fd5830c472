package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link WindowOffset.Between}: its writer and reader. */
class WindowOffsetBetweenTest {
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void writesItsWatermarkOnly() {
        assertThat(new WindowOffset.Between(FROM).toMap()).isEqualTo(Map.of("v", 1, "watermark", 1704067200000L));
        assertThat(WindowOffset.START.toMap()).isEqualTo(Map.of("v", 1));
    }

    @Test
    void readsWhatItWrites() {
        WindowOffset.Between between = new WindowOffset.Between(FROM);
        assertThat(WindowOffset.Between.fromMap(between.toMap())).isEqualTo(between);
        assertThat(WindowOffset.Between.fromMap(Map.of("v", 1))).isEqualTo(WindowOffset.START);
    }

    @Test
    void opensTheWindowFromItsWatermark() {
        Instant end = Instant.parse("2024-02-01T00:00:00Z");
        assertThat(new WindowOffset.Between(FROM).open(end)).isEqualTo(new WindowOffset.Walking(FROM, end, null));
    }

    @Test
    void refusesWhatBelongsToAWindowInProgress() {
        for (String key : List.of("next_page", "walk", "seen", "done", "reading")) {
            assertThatThrownBy(() -> WindowOffset.Between.fromMap(Map.of("v", 1, "watermark", 1000, key, "1")))
                    .as(key).hasMessageContaining("offset key '" + key + "'").hasMessageContaining("window_end");
        }
    }
}
