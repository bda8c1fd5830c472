package io.kafkaconnect.greenhouse.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenOffsetTest {

    /** The entry point: a cursor says a pass is in progress. */
    @Test
    void readsEachStateFromItsKeys() {
        assertThat(TokenOffset.fromMap(null)).isEqualTo(TokenOffset.START);
        assertThat(TokenOffset.fromMap(Map.of("v", 1))).isEqualTo(TokenOffset.START);
        assertThat(TokenOffset.fromMap(Map.of("v", 1, "sync_token", "tok")))
                .isEqualTo(new TokenOffset.BetweenPasses("tok"));
        assertThat(TokenOffset.fromMap(Map.of("v", 1, "cursor", "cur"))).isEqualTo(new TokenOffset.InPass(null, "cur"));
        assertThat(TokenOffset.fromMap(Map.of("v", 1, "sync_token", " ", "cursor", " ")))
                .as("blank is absent").isEqualTo(TokenOffset.START);
    }

    @Test
    void aWrongMapIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> TokenOffset.fromMap(Map.of("v", 2))).hasMessageContaining("'v'");
        assertThatThrownBy(() -> TokenOffset.fromMap(Map.of("v", 1, "watermark", 3)))
                .hasMessageContaining("unknown offset key 'watermark'");
        assertThatThrownBy(() -> TokenOffset.fromMap(Map.of("v", 1, "cursor", 3)))
                .hasMessageContaining("'cursor' must be a string");
    }

}
