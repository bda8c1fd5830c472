package io.kafkaconnect.greenhouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.config.EngineConfig.CredentialChange;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.token.TokenOffset;
import io.kafkaconnect.greenhouse.window.WindowOffset;
import io.kafkaconnect.greenhouse.window.WindowOffset.Backfilling;
import io.kafkaconnect.greenhouse.window.WindowOffset.Between;
import io.kafkaconnect.greenhouse.window.WindowOffset.NextPage;
import io.kafkaconnect.greenhouse.window.WindowOffset.Walk;
import io.kafkaconnect.greenhouse.window.WindowOffset.Walking;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stored offset format does not change: offsets written by the code before the offsets became one type per
 * state (src/test/resources/offsets, one file per state, some stamped with a credential fingerprint) are read and
 * written back equal, byte for byte in their nested strings.
 */
class StoredOffsetsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"start", "between-windows", "window-opened", "snapshot-pass-opened", "walking-down",
            "walking-down-from-last-page", "walking-forward", "walking-forward-open-ended", "backfilling",
            "backfilling-parts-done", "backfilling-pieces-reading", "backfilling-from-the-beginning",
            "walking-down-with-credential", "between-windows-with-credential", "backfilling-with-credential"})
    void windowOffsetsAreWrittenBackAsStored(String name) throws IOException {
        Map<String, Object> stored = stored("window/" + name);
        assertThat(writtenBack(stored, p -> WindowOffset.fromMap(p).toMap())).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"start", "between-passes", "in-full-pass", "in-delta-pass",
            "in-delta-pass-with-credential", "between-passes-with-credential"})
    void tokenOffsetsAreWrittenBackAsStored(String name) throws IOException {
        Map<String, Object> stored = stored("token/" + name);
        assertThat(writtenBack(stored, p -> TokenOffset.fromMap(p).toMap())).isEqualTo(stored);
    }

    @Test
    void windowOffsetsAreReadAsTheirState() throws IOException {
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        Instant end = Instant.parse("2024-06-01T00:00:00Z");
        Instant pieceFrom = Instant.parse("2024-01-10T00:00:00Z");
        Instant pieceTo = Instant.parse("2024-01-12T00:00:00Z");
        String candidates = "https://harvest.greenhouse.io/v1/candidates?per_page=500&updated_after="
                + "2024-01-01T00%3A00%3A00Z&updated_before=2024-06-01T00%3A00%3A00Z&page=";
        Walking piece = new Walking(pieceFrom, pieceTo, new NextPage("https://harvest.greenhouse.io/v1/candidates?"
                + "per_page=500&updated_after=2024-01-10T00%3A00%3A00Z&updated_before=2024-01-12T00%3A00%3A00Z&page=3",
                Walk.PREV, List.of(4001L, 4002L)));
        Window doneFirst = new Window(pieceTo, Instant.parse("2024-01-15T00:00:00Z"));

        assertThat(window("start")).isEqualTo(WindowOffset.START);
        assertThat(window("between-windows")).isEqualTo(new Between(from));
        assertThat(window("between-windows-with-credential")).isEqualTo(new Between(from));
        assertThat(window("window-opened")).isEqualTo(new Walking(from, end, null));
        assertThat(window("snapshot-pass-opened")).isEqualTo(new Walking(null, end, null));
        assertThat(window("walking-down")).isEqualTo(new Walking(from, end,
                new NextPage(candidates + "3", Walk.PREV, List.of(4001L, 4002L, 4003L))));
        assertThat(window("walking-down-with-credential")).isEqualTo(new Walking(from, end,
                new NextPage(candidates + "3", Walk.PREV, List.of(4001L))));
        assertThat(window("walking-down-from-last-page")).isEqualTo(new Walking(from, end,
                new NextPage(candidates + "7", Walk.PREV, List.of())));
        assertThat(window("walking-forward")).isEqualTo(new Walking(null, end,
                new NextPage("https://harvest.greenhouse.io/v3/candidates?cursor=abc", Walk.NEXT, List.of())));
        assertThat(window("walking-forward-open-ended")).isEqualTo(new Walking(from, end, new NextPage(
                "https://harvest.greenhouse.io/v1/applications?per_page=500&last_activity_after=2024-01-01T00%3A00%3A00Z"
                        + "&page=2", Walk.NEXT, List.of(11L, 12L))));
        Window doneSecond = new Window(Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-02-02T00:00:00Z"));
        Walking cursorPiece = new Walking(Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-02T00:00:00Z"),
                new NextPage("https://harvest.greenhouse.io/v3/candidates?cursor=xyz", Walk.NEXT, List.of()));
        assertThat(window("backfilling")).isEqualTo(new Backfilling(pieceFrom, end, List.of(doneFirst, doneSecond),
                List.of(piece, cursorPiece)));
        assertThat(window("backfilling-parts-done")).isEqualTo(new Backfilling(pieceFrom, end, List.of(doneFirst),
                List.of()));
        assertThat(window("backfilling-pieces-reading")).isEqualTo(new Backfilling(pieceFrom, end, List.of(),
                List.of(piece)));
        assertThat(window("backfilling-with-credential")).isEqualTo(new Backfilling(pieceFrom, end,
                List.of(doneFirst), List.of(piece)));
        assertThat(window("backfilling-from-the-beginning")).isEqualTo(new Backfilling(null, end, List.of(doneFirst),
                List.of(new Walking(null, pieceFrom, new NextPage("https://harvest.greenhouse.io/v1/candidates?"
                        + "per_page=500&updated_before=2024-01-10T00%3A00%3A00Z&page=2", Walk.PREV, List.of(5L))))));
    }

    @Test
    void tokenOffsetsAreReadAsTheirState() throws IOException {
        assertThat(token("start")).isEqualTo(TokenOffset.START);
        assertThat(token("between-passes")).isEqualTo(new TokenOffset.BetweenPasses("tok-123"));
        assertThat(token("between-passes-with-credential")).isEqualTo(new TokenOffset.BetweenPasses("tok-123"));
        assertThat(token("in-full-pass")).isEqualTo(new TokenOffset.InPass(null, "cur-456"));
        assertThat(token("in-delta-pass")).isEqualTo(new TokenOffset.InPass("tok-123", "cur-456"));
        assertThat(token("in-delta-pass-with-credential")).isEqualTo(new TokenOffset.InPass("tok-123", "cur-456"));
    }

    private static WindowOffset window(String name) throws IOException {
        return WindowOffset.fromMap(OffsetCredential.position(stored("window/" + name)));
    }

    private static TokenOffset token(String name) throws IOException {
        return TokenOffset.fromMap(OffsetCredential.position(stored("token/" + name)));
    }

    /** As a task does it: the position without the fingerprint is read, written, and stamped again. */
    private static Map<String, Object> writtenBack(Map<String, Object> stored,
                                                   Function<Map<String, Object>, Map<String, Object>> readWrite) {
        Map<String, Object> written = readWrite.apply(OffsetCredential.position(stored));
        Object fingerprint = stored.get(OffsetCredential.KEY);
        return fingerprint == null ? written
                : new OffsetCredential((String) fingerprint, CredentialChange.FAIL).stamp(written);
    }

    static Map<String, Object> stored(String name) throws IOException {
        try (InputStream in = StoredOffsetsTest.class.getResourceAsStream("/offsets/" + name + ".json")) {
            assertThat(in).as(name).isNotNull();
            return JSON.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() { });
        }
    }
}
