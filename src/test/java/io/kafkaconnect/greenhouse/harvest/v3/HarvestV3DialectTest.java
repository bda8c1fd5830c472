package io.kafkaconnect.greenhouse.harvest.v3;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.dialect.AllDialects;
import io.kafkaconnect.greenhouse.dialect.Paging;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.harvest.HarvestDialects;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HarvestV3DialectTest {
    private static final HarvestV3Dialect DIALECT = new HarvestV3Dialect();
    private static final HttpUrl BASE = HttpUrl.get("https://harvest.greenhouse.io");
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-01-02T03:04:05.678Z");
    private static final Window WINDOW = new Window(FROM, TO);
    private static final Set<String> SENSITIVE = Set.of("eeoc", "demographic_answers", "demographic_question_sets",
            "demographic_questions", "demographic_answer_options");

    /** Every resource with the (encoded) first-page URL of {@link #WINDOW} at 500 per page, written out by hand. */
    static Stream<Arguments> firstPages() {
        String w = "updated_at=gte%7C2024-01-01T00%3A00%3A00Z%7Clt%7C2024-01-02T03%3A04%3A05.678Z";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("candidates", "/v3/candidates?per_page=500&" + w);
        expected.put("applications", "/v3/applications?per_page=500&" + w);
        expected.put("application_stages", "/v3/application_stages?per_page=500&" + w);
        expected.put("jobs", "/v3/jobs?per_page=500&" + w);
        expected.put("openings", "/v3/openings?per_page=500&" + w);
        expected.put("offers", "/v3/offers?per_page=500&" + w);
        expected.put("scorecards", "/v3/scorecards?per_page=500&" + w);
        expected.put("interviews", "/v3/interviews?per_page=500&" + w);
        expected.put("notes", "/v3/notes?per_page=500&" + w);
        expected.put("users", "/v3/users?per_page=500&show_service_accounts=true&" + w);
        expected.put("job_posts", "/v3/job_posts?per_page=500&active=true&" + w);
        expected.put("inactive_job_posts", "/v3/job_posts?per_page=500&active=false&" + w);
        expected.put("job_interview_stages", "/v3/job_interview_stages?per_page=500&" + w);
        expected.put("job_interviews", "/v3/job_interviews?per_page=500&" + w);
        expected.put("interview_kits", "/v3/interview_kits?per_page=500&" + w);
        expected.put("interviewers", "/v3/interviewers?per_page=500&" + w);
        expected.put("scorecard_candidate_attributes", "/v3/scorecard_candidate_attributes?per_page=500&" + w);
        expected.put("scorecard_questions", "/v3/scorecard_questions?per_page=500&" + w);
        expected.put("scorecard_question_answers", "/v3/scorecard_question_answers?per_page=500&" + w);
        expected.put("rejection_details", "/v3/rejection_details?per_page=500&" + w);
        expected.put("prospect_details", "/v3/prospect_details?per_page=500&" + w);
        expected.put("attachments", "/v3/attachments?per_page=500&" + w);
        expected.put("candidate_educations", "/v3/candidate_educations?per_page=500&" + w);
        expected.put("candidate_employments", "/v3/candidate_employments?per_page=500&" + w);
        expected.put("applied_candidate_tags", "/v3/applied_candidate_tags?per_page=500&" + w);
        expected.put("job_owners", "/v3/job_owners?per_page=500&" + w);
        expected.put("job_hiring_managers", "/v3/job_hiring_managers?per_page=500&" + w);
        expected.put("approval_flows", "/v3/approval_flows?per_page=500&" + w);
        expected.put("approver_groups", "/v3/approver_groups?per_page=500&" + w);
        expected.put("approvers", "/v3/approvers?per_page=500&" + w);
        expected.put("departments", "/v3/departments?per_page=500&" + w);
        expected.put("offices", "/v3/offices?per_page=500&" + w);
        expected.put("sources", "/v3/sources?per_page=500&" + w);
        expected.put("referrers", "/v3/referrers?per_page=500&" + w);
        expected.put("rejection_reasons", "/v3/rejection_reasons?per_page=500&include_defaults=true&" + w);
        expected.put("close_reasons", "/v3/close_reasons?per_page=500&" + w);
        expected.put("custom_fields", "/v3/custom_fields?per_page=500&" + w);
        expected.put("custom_field_options", "/v3/custom_field_options?per_page=500&" + w);
        expected.put("candidate_tags", "/v3/candidate_tags?per_page=500&" + w);
        expected.put("user_roles", "/v3/user_roles?per_page=500&" + w);
        expected.put("user_job_permissions", "/v3/user_job_permissions?per_page=500&" + w);
        expected.put("future_job_permissions", "/v3/future_job_permissions?per_page=500&" + w);
        expected.put("user_emails", "/v3/user_emails?per_page=500&" + w);
        expected.put("email_templates", "/v3/email_templates?per_page=500&" + w);
        expected.put("prospect_pools", "/v3/prospect_pools?per_page=500&" + w);
        expected.put("prospect_pool_stages", "/v3/prospect_pool_stages?per_page=500&" + w);
        expected.put("interviewer_tags", "/v3/interviewer_tags?per_page=500&" + w);
        expected.put("job_boards", "/v3/job_boards?per_page=500&" + w);
        expected.put("eeoc", "/v3/eeoc?per_page=500&" + w);
        expected.put("demographic_answers", "/v3/demographic_answers?per_page=500&" + w);
        expected.put("demographic_question_sets", "/v3/demographic_question_sets?per_page=500&" + w);
        expected.put("demographic_questions", "/v3/demographic_questions?per_page=500");
        expected.put("demographic_answer_options", "/v3/demographic_answer_options?per_page=500");
        return expected.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void offersTheSuggestedStreamSetOnceEachInItsOrder() {
        assertThat(DIALECT.resources()).extracting(Resource::name)
                .containsExactlyElementsOf(firstPages().map(a -> (String) a.get()[0]).toList());
        assertThat(HarvestDialects.forVersion("v3").resources()).isSameAs(DIALECT.resources());
        assertThat(HarvestDialects.harvest()).extracting(d -> d.version()).containsExactly("v1", "v3");
        assertThat(AllDialects.list()).extracting(d -> d.version()).containsExactly("v1", "v3", "ashby");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstPages")
    void firstPageHasPathPageSizeFixedParametersAndTheWindowAsOneFilter(String name, String expected) {
        Resource r = DIALECT.resource(name).orElseThrow();
        HttpUrl url = DIALECT.firstPage(BASE, r, WINDOW, 500);

        assertThat(url.encodedPath() + "?" + url.encodedQuery()).isEqualTo(expected);
        assertThat(url.host()).isEqualTo("harvest.greenhouse.io");
        assertThat(url.queryParameter("cursor")).isNull();
        if (r.mode() == SyncMode.INCREMENTAL) {
            assertThat(url.queryParameter("updated_at"))
                    .isEqualTo("gte|2024-01-01T00:00:00Z|lt|2024-01-02T03:04:05.678Z");
            assertThat(url.queryParameterValues("updated_at")).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstPages")
    void theFirstWindowHasOnlyAnUpperBoundAndAnUnboundedWindowNoFilter(String name, String ignored) {
        Resource r = DIALECT.resource(name).orElseThrow();
        HttpUrl url = DIALECT.firstPage(BASE, r, new Window(null, TO), 100);
        assertThat(url.queryParameter("per_page")).isEqualTo("100");
        r.fixedParams().forEach((k, v) -> assertThat(url.queryParameter(k)).isEqualTo(v));
        if (r.mode() == SyncMode.INCREMENTAL) {
            assertThat(url.queryParameter("updated_at")).isEqualTo("lt|2024-01-02T03:04:05.678Z");
            assertThat(url.encodedQuery()).contains("updated_at=lt%7C2024-01-02T03%3A04%3A05.678Z");
        } else {
            assertThat(url.queryParameter("updated_at")).isNull();
        }
        HttpUrl probe = DIALECT.firstPage(BASE, r, Window.ALL, 1);
        assertThat(probe.queryParameter("updated_at")).isNull();
        assertThat(probe.queryParameter("per_page")).isEqualTo("1");
    }

    @Test
    void aBaseUrlWithAPortOrTrailingSlashKeepsItsOrigin() {
        Resource jobs = DIALECT.resource("jobs").orElseThrow();
        HttpUrl url = DIALECT.firstPage(HttpUrl.get("http://127.0.0.1:8089/"), jobs, new Window(FROM, FROM.plusSeconds(60)),
                50);
        assertThat(url.toString()).isEqualTo("http://127.0.0.1:8089/v3/jobs?per_page=50"
                + "&updated_at=gte%7C2024-01-01T00%3A00%3A00Z%7Clt%7C2024-01-01T00%3A01%3A00Z");
    }

    @Test
    void everyResourceWithATimeFilterIsIncrementalOnUpdatedAtAndTheRestAreSnapshots() {
        for (Resource r : DIALECT.resources()) {
            assertThat(r.paging()).as(r.name()).isEqualTo(Paging.NEXT_ONLY);
            assertThat(r.keyField()).as(r.name()).isEqualTo("id");
            if (r.name().equals("demographic_questions") || r.name().equals("demographic_answer_options")) {
                assertThat(r.mode()).as(r.name()).isEqualTo(SyncMode.SNAPSHOT);
                assertThat(r.cursorField()).isNull();
            } else {
                assertThat(r.mode()).as(r.name()).isEqualTo(SyncMode.INCREMENTAL);
                assertThat(List.of(r.cursorField(), r.lowerParam(), r.upperParam())).as(r.name())
                        .containsOnly("updated_at");
            }
        }
        assertThat(DIALECT.resource("eeoc").orElseThrow().cursorField()).as("the reference's recommendation")
                .isEqualTo("updated_at");
        assertThat(DIALECT.resource("applications").orElseThrow().mode()).isEqualTo(SyncMode.INCREMENTAL);
    }

    @Test
    void sensitiveResourcesAreOptIn() {
        assertThat(DIALECT.defaultResources()).extracting(Resource::name).doesNotContainAnyElementsOf(SENSITIVE);
        assertThat(DIALECT.defaultResources()).hasSize(DIALECT.resources().size() - SENSITIVE.size());
        for (String name : SENSITIVE) {
            assertThat(DIALECT.resource(name)).as(name).isPresent();
            assertThat(DIALECT.resource(name).orElseThrow().notes()).contains("opt-in");
        }
    }

    @Test
    void everySchemaNamesItsRecordsByTheKeyFieldAndHasAUniqueName() {
        for (Resource r : DIALECT.resources()) {
            assertThat(r.schema().idField()).as(r.name()).isEqualTo(r.keyField());
            assertThat(r.schema().fields()).as(r.name()).containsKey(r.keyField())
                    .containsKeys("created_at", "updated_at");
            assertThat(r.schemaName()).startsWith(V3Schemas.NAMESPACE + ".");
        }
        assertThat(DIALECT.resources().stream().filter(r -> !r.name().equals("inactive_job_posts"))
                .map(Resource::schemaName)).doesNotHaveDuplicates();
        assertThat(DIALECT.resource("inactive_job_posts").orElseThrow().schemaName())
                .isEqualTo(DIALECT.resource("job_posts").orElseThrow().schemaName());
    }

    @Test
    void theRateLimitWindowIsThirtySecondsAndOmittedEndpointsAreNotResources() {
        assertThat(DIALECT.rateLimitWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(DIALECT.omittedEndpoints()).hasSize(18);
        for (var omitted : DIALECT.omittedEndpoints()) {
            String path = omitted.endpoint().substring("GET /v3/".length());
            assertThat(DIALECT.resources()).extracting(Resource::path).doesNotContain(path);
        }
        assertThat(DIALECT.resources().stream().map(Resource::path).distinct().count()
                + DIALECT.omittedEndpoints().size()).as("all 70 v3 list endpoints are accounted for").isEqualTo(70);
    }
}
