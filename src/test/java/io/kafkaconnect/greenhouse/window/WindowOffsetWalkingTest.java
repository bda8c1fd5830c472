package io.kafkaconnect.greenhouse.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.window.WindowOffset.Walk;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link WindowOffset.Walking}: its writer and reader. */
class WindowOffsetWalkingTest {
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final String PAGE_3 = "https://harvest.greenhouse.io/v1/candidates?page=3";

    private final WindowOffset.Walking opened = new WindowOffset.Walking(FROM,
            Instant.parse("2024-02-01T00:00:00Z"), null);

    @Test
    void writesTheNextPageItsDirectionAndTheIdsSeen() {
        assertThat(opened.toMap()).isEqualTo(Map.of("v", 1, "watermark", 1704067200000L,
                "window_end", 1706745600000L));
        Map<String, Object> down = opened.atPage(PAGE_3, Walk.PREV, List.of(3L, 4L)).toMap();
        assertThat(List.copyOf(down.keySet())).containsExactly("v", "watermark", "window_end", "next_page",
                "walk", "seen");
        assertThat(down).containsEntry("next_page", PAGE_3).containsEntry("walk", "prev")
                .containsEntry("seen", "3,4");
        assertThat(opened.atPage(PAGE_3, Walk.NEXT, List.of()).toMap()).containsEntry("walk", "next")
                .doesNotContainKey("seen");
    }

    @Test
    void readsWhatItWrites() {
        WindowOffset.Walking down = opened.atPage(PAGE_3, Walk.PREV, List.of(3L, 4L));
        assertThat(WindowOffset.Walking.fromMap(down.toMap())).isEqualTo(down);
        assertThat(WindowOffset.Walking.fromMap(opened.toMap())).isEqualTo(opened);
        assertThat(down.next().seen()).containsExactly(3L, 4L);
    }

    @Test
    void aNextPageIsAValueAndWritesTheSameIdsEveryTime() {
        WindowOffset.NextPage page = new WindowOffset.NextPage(PAGE_3, Walk.PREV, List.of(3L, -4L));
        assertThat(page).isEqualTo(new WindowOffset.NextPage(PAGE_3, Walk.PREV, List.of(3L, -4L)))
                .hasSameHashCodeAs(new WindowOffset.NextPage(PAGE_3, Walk.PREV, List.of(3L, -4L)))
                .isNotEqualTo(new WindowOffset.NextPage(PAGE_3, Walk.PREV, List.of(3L)))
                .isNotEqualTo(new WindowOffset.NextPage(PAGE_3, Walk.NEXT, List.of(3L, -4L)));
        WindowOffset.Walking down = new WindowOffset.Walking(FROM, Instant.parse("2024-02-01T00:00:00Z"), page);
        assertThat(down.toMap()).containsEntry("seen", "3,-4");
        assertThat(down.toMap()).isEqualTo(down.toMap());
    }

    @Test
    void restartsAndEndsInTheSameWindow() {
        WindowOffset.Walking down = opened.atPage(PAGE_3, Walk.PREV, List.of(3L));
        assertThat(down.restarted()).isEqualTo(opened);
        assertThat(down.read()).isEqualTo(new WindowOffset.Between(opened.windowEnd()));
        assertThat(down.span()).isEqualTo(new Window(FROM, opened.windowEnd()));
    }

    @Test
    void refusesAPageWithoutADirectionAndADirectionWithoutAPage() {
        Map<String, Object> map = new LinkedHashMap<>(opened.toMap());
        map.put("next_page", PAGE_3);
        assertThatThrownBy(() -> WindowOffset.Walking.fromMap(map)).hasMessageContaining("'walk'");
        map.remove("next_page");
        map.put("walk", "prev");
        assertThatThrownBy(() -> WindowOffset.Walking.fromMap(map)).hasMessageContaining("'walk'")
                .hasMessageContaining("'next_page'");
        map.remove("walk");
        map.put("seen", "1,2");
        assertThatThrownBy(() -> WindowOffset.Walking.fromMap(map)).as("ids seen on no page")
                .hasMessageContaining("'seen'").hasMessageContaining("'next_page'");
        map.put("seen", "1,x");
        assertThatThrownBy(() -> WindowOffset.Walking.fromMap(map)).hasMessageContaining("'seen'");
    }

    @Test
    void refusesAWindowThatEndsBeforeItBegins() {
        assertThatThrownBy(() -> new WindowOffset.Walking(FROM, FROM, null)).hasMessageContaining("after");
        assertThatThrownBy(() -> WindowOffset.Walking.fromMap(Map.of("v", 1, "watermark", 1000)))
                .hasMessageContaining("'window_end'");
    }
}
