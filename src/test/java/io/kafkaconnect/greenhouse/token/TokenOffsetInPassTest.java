package io.kafkaconnect.greenhouse.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TokenOffset.InPass}: its writer and reader. */
class TokenOffsetInPassTest {

    @Test
    void writesItsTokenAndCursor() {
        assertThat(new TokenOffset.InPass("tok", "cur").toMap())
                .isEqualTo(Map.of("v", 1, "sync_token", "tok", "cursor", "cur"));
        assertThat(new TokenOffset.InPass(null, "cur").toMap()).isEqualTo(Map.of("v", 1, "cursor", "cur"));
    }

    @Test
    void readsWhatItWrites() {
        TokenOffset.InPass mid = new TokenOffset.InPass("tok", "cur");
        assertThat(TokenOffset.InPass.fromMap(mid.toMap())).isEqualTo(mid);
        assertThat(mid.atCursor("next")).isEqualTo(new TokenOffset.InPass("tok", "next"));
        assertThatThrownBy(() -> TokenOffset.InPass.fromMap(Map.of("v", 1, "sync_token", "tok")))
                .hasMessageContaining("'cursor'");
        assertThatThrownBy(() -> new TokenOffset.InPass("tok", " ")).hasMessageContaining("cursor");
    }

    @Test
    void itsTextDoesNotSpillTokensOrCursors() {
        assertThat(new TokenOffset.InPass("secret-looking-token", "secret-cursor").toString())
                .doesNotContain("secret");
    }
}
