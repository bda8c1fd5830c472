package io.kafkaconnect.greenhouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    @Test
    void parsesTheDocsExampleWithAllRelations() {
        String header = "<https://harvest.greenhouse.io/v1/candidates?page=2&per_page=2>; rel=\"next\","
                + "<https://harvest.greenhouse.io/v1/candidates?page=1&per_page=2>; rel=\"prev\", "
                + "<https://harvest.greenhouse.io/v1/candidates?page=474&per_page=2>; rel=\"last\"";
        assertThat(LinkHeader.parse(header))
                .containsEntry("next", "https://harvest.greenhouse.io/v1/candidates?page=2&per_page=2")
                .containsEntry("prev", "https://harvest.greenhouse.io/v1/candidates?page=1&per_page=2")
                .containsEntry("last", "https://harvest.greenhouse.io/v1/candidates?page=474&per_page=2");
    }

    @Test
    void aLastOnlyHeaderHasNoNext() {
        assertThat(LinkHeader.parse("<https://h/v1/offers?page=1&per_page=500>; rel=\"last\""))
                .doesNotContainKey("next").containsKey("last");
    }

    @Test
    void toleratesUnquotedRelsExtraParametersCaseAndCommasInsideUrls() {
        String header = "<https://h/v3/jobs?cursor=a,b%3D%3D>; title=\"x\"; REL=next";
        assertThat(LinkHeader.parse(header)).containsEntry("next", "https://h/v3/jobs?cursor=a,b%3D%3D");
    }

    @Test
    void anEmptyOrMissingHeaderHasNoLinks() {
        assertThat(LinkHeader.parse("")).isEmpty();
        assertThat(LinkHeader.parse(null)).isEmpty();
    }

    @Test
    void severalRelationsInOneEntry() {
        assertThat(LinkHeader.parse("<https://h/a?page=3>; rel=\"next last\""))
                .containsEntry("next", "https://h/a?page=3").containsEntry("last", "https://h/a?page=3");
    }
}
