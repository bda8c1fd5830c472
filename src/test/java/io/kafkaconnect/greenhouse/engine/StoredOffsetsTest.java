package io.kafkaconnect.greenhouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.config.EngineConfig.CredentialChange;
import io.kafkaconnect.greenhouse.token.TokenOffset;
import io.kafkaconnect.greenhouse.window.WindowOffset;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
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
