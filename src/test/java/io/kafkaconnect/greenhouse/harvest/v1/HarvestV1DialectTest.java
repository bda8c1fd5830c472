package io.kafkaconnect.greenhouse.harvest.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.harvest.HarvestDialects;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HarvestV1DialectTest {
    private static final HarvestV1Dialect DIALECT = new HarvestV1Dialect();
    private static final HttpUrl BASE = HttpUrl.get("https://harvest.greenhouse.io");
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-01-02T03:04:05.678Z");
    private static final Window WINDOW = new Window(FROM, TO);

    /** Every resource with the first-page URL of {@link #WINDOW} at 500 per page, written out by hand. */
    static Stream<Arguments> firstPages() {
        String w = "updated_after=2024-01-01T00:00:00Z&updated_before=2024-01-02T03:04:05.678Z";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("candidates", "/v1/candidates?per_page=500&" + w);
        expected.put("applications", "/v1/applications?per_page=500"
                + "&last_activity_after=2024-01-01T00:00:00Z");
        expected.put("offers", "/v1/offers?per_page=500&" + w);
        expected.put("scheduled_interviews", "/v1/scheduled_interviews?per_page=500&" + w);
        expected.put("scorecards", "/v1/scorecards?per_page=500&" + w);
        expected.put("eeoc", "/v1/eeoc?per_page=500"
                + "&submitted_after=2024-01-01T00:00:00Z&submitted_before=2024-01-02T03:04:05.678Z");
        expected.put("jobs", "/v1/jobs?per_page=500&" + w);
        expected.put("job_posts", "/v1/job_posts?per_page=500&" + w);
        expected.put("job_stages", "/v1/job_stages?per_page=500&" + w);
        expected.put("users", "/v1/users?per_page=500&user_attributes=true&" + w);
        expected.put("user_roles", "/v1/user_roles?per_page=500");
        expected.put("departments", "/v1/departments?per_page=500");
        expected.put("offices", "/v1/offices?per_page=500");
        expected.put("custom_fields", "/v1/custom_fields?per_page=500&include_inactive=true");
        expected.put("email_templates", "/v1/email_templates?per_page=500&" + w);
        expected.put("sources", "/v1/sources?per_page=500");
        expected.put("rejection_reasons", "/v1/rejection_reasons?per_page=500&include_defaults=true");
        expected.put("close_reasons", "/v1/close_reasons?per_page=500");
        expected.put("prospect_pools", "/v1/prospect_pools?per_page=500");
        expected.put("candidate_tags", "/v1/tags/candidate?per_page=500");
        expected.put("degrees", "/v1/degrees?per_page=500");
        expected.put("disciplines", "/v1/disciplines?per_page=500");
        expected.put("schools", "/v1/schools?per_page=500");
        expected.put("demographic_question_sets", "/v1/demographics/question_sets?per_page=500");
        expected.put("demographic_questions", "/v1/demographics/questions?per_page=500");
        expected.put("demographic_answer_options", "/v1/demographics/answer_options?per_page=500");
        expected.put("demographic_answers", "/v1/demographics/answers?per_page=500&" + w);
        return expected.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void offersEveryTopLevelListEndpointOnce() {
        assertThat(DIALECT.resources()).extracting(Resource::name)
                .containsExactlyElementsOf(firstPages().map(a -> (String) a.get()[0]).toList());
        assertThat(HarvestDialects.forVersion("v1").resources()).isSameAs(DIALECT.resources());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstPages")
    void firstPageHasPathPageSizeAndWindow(String name, String expected) {
        Resource r = DIALECT.resource(name).orElseThrow();
        HttpUrl url = DIALECT.firstPage(BASE, r, WINDOW, 500);

        assertThat(url.encodedPath() + "?" + url.query()).isEqualTo(expected);
        assertThat(url.host()).isEqualTo("harvest.greenhouse.io");
        assertThat(url.queryParameter("skip_count")).as("never: the downward walk needs the last link").isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstPages")
    void theFirstWindowHasNoLowerBound(String name, String ignored) {
        Resource r = DIALECT.resource(name).orElseThrow();
        HttpUrl url = DIALECT.firstPage(BASE, r, new Window(null, TO), 100);

        assertThat(url.queryParameter("per_page")).isEqualTo("100");
        if (r.lowerParam() != null) {
            assertThat(url.queryParameter(r.lowerParam())).isNull();
        }
        if (r.mode() == SyncMode.INCREMENTAL) {
            assertThat(url.queryParameter(r.upperParam())).isEqualTo("2024-01-02T03:04:05.678Z");
        }
        r.fixedParams().forEach((k, v) -> assertThat(url.queryParameter(k)).isEqualTo(v));
    }

    @Test
    void syncModesFollowTheFiltersEachEndpointHas() {
        for (Resource r : DIALECT.resources()) {
            switch (r.mode()) {
                case INCREMENTAL -> assertThat(r.upperParam()).as(r.name()).isNotNull().endsWith("_before");
                case INCREMENTAL_LOWER_BOUND_ONLY -> assertThat(r.upperParam()).as(r.name()).isNull();
                case SNAPSHOT -> assertThat(r.cursorField()).as(r.name()).isNull();
            }
            if (r.mode() != SyncMode.SNAPSHOT) {
                assertThat(r.lowerParam()).as(r.name()).endsWith("_after");
                assertThat(r.cursorField()).as(r.name()).endsWith("_at");
            }
        }
        assertThat(DIALECT.resource("eeoc").orElseThrow())
                .extracting(Resource::keyField, Resource::cursorField, Resource::lowerParam, Resource::upperParam)
                .containsExactly("application_id", "submitted_at", "submitted_after", "submitted_before");
    }

    @Test
    void everySchemaNamesItsRecordsByTheKeyFieldAndHasAUniqueName() {
        for (Resource r : DIALECT.resources()) {
            assertThat(r.schema().idField()).as(r.name()).isEqualTo(r.keyField());
            assertThat(r.schema().fields()).as(r.name()).containsKey(r.keyField());
            if (r.cursorField() != null) {
                assertThat(r.schema().fields()).as(r.name()).containsKey(r.cursorField());
            }
            assertThat(r.schemaName()).startsWith(V1Schemas.NAMESPACE + ".");
        }
        assertThat(DIALECT.resources()).extracting(Resource::schemaName).doesNotHaveDuplicates();
    }
}
