package io.kafkaconnect.greenhouse.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenOffsetTest {

    @Test
    void roundTripsThroughItsMapWithOnlyWhatIsSet() {
        assertThat(TokenOffset.START.toMap()).isEqualTo(Map.of("v", 1));
        TokenOffset mid = new TokenOffset("tok", "cur");
        assertThat(mid.toMap()).isEqualTo(Map.of("v", 1, "sync_token", "tok", "cursor", "cur"));
        assertThat(TokenOffset.fromMap(mid.toMap())).isEqualTo(mid);
        assertThat(TokenOffset.fromMap(null)).isEqualTo(TokenOffset.START);
        assertThat(mid.inPass()).isTrue();
        assertThat(mid.atCursor(null)).isEqualTo(new TokenOffset("tok", null));
        assertThat(new TokenOffset("", " ")).isEqualTo(TokenOffset.START);
    }

    @Test
    void aWrongMapIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> TokenOffset.fromMap(Map.of("v", 2))).hasMessageContaining("'v'");
        assertThatThrownBy(() -> TokenOffset.fromMap(Map.of("v", 1, "watermark", 3)))
                .hasMessageContaining("unknown offset key 'watermark'");
        assertThatThrownBy(() -> TokenOffset.fromMap(Map.of("v", 1, "cursor", 3)))
                .hasMessageContaining("'cursor' must be a string");
    }

    @Test
    void itsTextDoesNotSpillTokens() {
        assertThat(new TokenOffset("secret-looking-token", "c").toString()).doesNotContain("secret");
    }
}
