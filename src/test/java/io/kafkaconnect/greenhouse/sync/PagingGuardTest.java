package io.kafkaconnect.greenhouse.sync;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.api.ApiException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** What counts as a repeated cursor: another page handing it out, not the same page read again. */
class PagingGuardTest {
    private static final HttpUrl LIST = HttpUrl.get("https://api.example.com/candidate.list");
    private final PagingGuard guard = new PagingGuard("candidates", 10, new AtomicBoolean());

    @Test
    void thePageReadAgainAfterAPassingFailureMayHandOutItsCursorAgain() {
        guard.checkCursor(null, "a", 10, LIST);
        guard.checkCursor("a", "b", 10, LIST);

        assertThatCode(() -> guard.checkCursor("a", "b", 10, LIST)).doesNotThrowAnyException();
    }

    @Test
    void aCursorHandedOutByAnotherPageEndsThePass() {
        guard.checkCursor(null, "a", 10, LIST);
        guard.checkCursor("a", "b", 10, LIST);

        assertThatThrownBy(() -> guard.checkCursor("b", "a", 10, LIST)).isInstanceOf(ApiException.class)
                .hasMessageContaining("candidates").hasMessageContaining(LIST.toString());
    }

    @Test
    void aPageHandingOutItsOwnCursorEndsThePass() {
        guard.checkCursor(null, "a", 10, LIST);

        assertThatThrownBy(() -> guard.checkCursor("a", "a", 10, LIST)).isInstanceOf(ApiException.class);
    }

    @Test
    void aRestartedPassMayHandOutTheSameCursorsAgain() {
        guard.checkCursor(null, "a", 10, LIST);
        guard.checkCursor("a", "b", 10, LIST);
        guard.restart();

        assertThatCode(() -> {
            guard.checkCursor(null, "a", 10, LIST);
            guard.checkCursor("a", "b", 10, LIST);
        }).doesNotThrowAnyException();
    }
}
