package io.kafkaconnect.greenhouse.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TokenOffset.BetweenPasses}: its writer and reader. */
class TokenOffsetBetweenPassesTest {

    @Test
    void writesItsTokenOnly() {
        assertThat(TokenOffset.START.toMap()).isEqualTo(Map.of("v", 1));
        assertThat(new TokenOffset.BetweenPasses("tok").toMap()).isEqualTo(Map.of("v", 1, "sync_token", "tok"));
    }

    @Test
    void readsWhatItWrites() {
        TokenOffset.BetweenPasses between = new TokenOffset.BetweenPasses("tok");
        assertThat(TokenOffset.BetweenPasses.fromMap(between.toMap())).isEqualTo(between);
        assertThat(TokenOffset.BetweenPasses.fromMap(Map.of("v", 1))).isEqualTo(TokenOffset.START);
        assertThatThrownBy(() -> TokenOffset.BetweenPasses.fromMap(Map.of("v", 1, "cursor", "c")))
                .hasMessageContaining("'cursor'");
    }

    @Test
    void beginsAPassAtACursorWithItsToken() {
        assertThat(new TokenOffset.BetweenPasses("tok").atCursor("c")).isEqualTo(new TokenOffset.InPass("tok", "c"));
    }

    @Test
    void itsTextDoesNotSpillTokens() {
        assertThat(new TokenOffset.BetweenPasses("secret-looking-token").toString()).doesNotContain("secret");
    }
}
