package io.kafkaconnect.greenhouse.sync;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaconnect.greenhouse.api.ApiException;
import io.kafkaconnect.greenhouse.api.ApiPage;
import io.kafkaconnect.greenhouse.dialect.PageNumbers;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * What counts as a repeated cursor: another page handing it out, not the same page read again; and page numbers
 * read the way the dialect numbers its links.
 */
class PagingGuardTest {
    private static final HttpUrl LIST = HttpUrl.get("https://api.example.com/candidate.list");
    private final PagingGuard guard = new PagingGuard("candidates", 10, PageNumbers.NONE, new AtomicBoolean());

    @Test
    void aDownwardWalkGoesOnBelowAPageWithoutPrevByTheDialectsPageParameter() {
        PagingGuard numbered = new PagingGuard("things", 10, PageNumbers.inQuery("pg"), new AtomicBoolean());
        HttpUrl third = HttpUrl.get("https://api.example.com/things?per_page=10&pg=3");
        ApiPage<JsonNode> page = new ApiPage(third, List.of(), null, null, null, null);

        assertThat(numbered.check(third, page, true).prev())
                .isEqualTo(HttpUrl.get("https://api.example.com/things?per_page=10&pg=2"));
    }

    @Test
    void aNextLinkToALowerPageOfTheDialectsNumberingEndsTheWalk() {
        PagingGuard numbered = new PagingGuard("things", 10, PageNumbers.inQuery("pg"), new AtomicBoolean());
        HttpUrl third = HttpUrl.get("https://api.example.com/things?pg=3");
        ApiPage<JsonNode> page = new ApiPage(third, List.of(), HttpUrl.get("https://api.example.com/things?pg=2"), null, null,
                null);

        assertThatThrownBy(() -> numbered.check(third, page, false)).isInstanceOf(ApiException.class)
                .hasMessageContaining("'next' link of page 3 leads to page 2");
    }

    @Test
    void linksWithoutPageNumbersAreNeverRenumbered() {
        HttpUrl link = HttpUrl.get("https://api.example.com/things?page=3");
        ApiPage<JsonNode> page = new ApiPage(link, List.of(), null, null, null, null);

        assertThat(guard.check(link, page, true).prev()).as("opaque links: no page below to go on at").isNull();
    }

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
