package io.kafkaconnect.greenhouse.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.api.PageRequest;
import io.kafkaconnect.greenhouse.harvest.config.HarvestDialects;
import io.kafkaconnect.greenhouse.harvest.v1.HarvestV1Dialect;
import io.kafkaconnect.greenhouse.harvest.v3.HarvestV3Dialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first request of every resource of every dialect, written out by hand from the API references: for Harvest
 * the first page of {@link #WINDOW} at 500 per page (query decoded), for Ashby the first page of a full pass. A
 * resource read as several lists (v3 {@code job_posts}) shows each list's, joined by {@code then}.
 */
class FirstPageTest {
    private static final HttpUrl BASE = HttpUrl.get("https://api.example.com");
    private static final Window WINDOW = new Window(Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2024-01-02T03:04:05.678Z"));

    /** Harvest v1: each endpoint its own filter parameters, some only a lower bound, some none. */
    private static Map<String, String> v1() {
        String w = "updated_after=2024-01-01T00:00:00Z&updated_before=2024-01-02T03:04:05.678Z";
        Map<String, String> t = new LinkedHashMap<>();
        t.put("candidates", "GET /v1/candidates?per_page=500&" + w);
        t.put("applications", "GET /v1/applications?per_page=500"
                + "&last_activity_after=2024-01-01T00:00:00Z");
        t.put("offers", "GET /v1/offers?per_page=500&" + w);
        t.put("scheduled_interviews", "GET /v1/scheduled_interviews?per_page=500&" + w);
        t.put("scorecards", "GET /v1/scorecards?per_page=500&" + w);
        t.put("eeoc", "GET /v1/eeoc?per_page=500"
                + "&submitted_after=2024-01-01T00:00:00Z&submitted_before=2024-01-02T03:04:05.678Z");
        t.put("jobs", "GET /v1/jobs?per_page=500&" + w);
        t.put("job_posts", "GET /v1/job_posts?per_page=500&" + w);
        t.put("job_stages", "GET /v1/job_stages?per_page=500&" + w);
        t.put("users", "GET /v1/users?per_page=500&user_attributes=true&" + w);
        t.put("user_roles", "GET /v1/user_roles?per_page=500");
        t.put("departments", "GET /v1/departments?per_page=500");
        t.put("offices", "GET /v1/offices?per_page=500");
        t.put("custom_fields", "GET /v1/custom_fields?per_page=500&include_inactive=true");
        t.put("email_templates", "GET /v1/email_templates?per_page=500&" + w);
        t.put("sources", "GET /v1/sources?per_page=500");
        t.put("rejection_reasons", "GET /v1/rejection_reasons?per_page=500&include_defaults=true");
        t.put("close_reasons", "GET /v1/close_reasons?per_page=500");
        t.put("prospect_pools", "GET /v1/prospect_pools?per_page=500");
        t.put("candidate_tags", "GET /v1/tags/candidate?per_page=500");
        t.put("degrees", "GET /v1/degrees?per_page=500");
        t.put("disciplines", "GET /v1/disciplines?per_page=500");
        t.put("schools", "GET /v1/schools?per_page=500");
        t.put("demographic_question_sets", "GET /v1/demographics/question_sets?per_page=500");
        t.put("demographic_questions", "GET /v1/demographics/questions?per_page=500");
        t.put("demographic_answer_options", "GET /v1/demographics/answer_options?per_page=500");
        t.put("demographic_answers", "GET /v1/demographics/answers?per_page=500&" + w);
        return t;
    }

    /** Harvest v3: the window as one {@code updated_at} filter. */
    private static Map<String, String> v3() {
        String w = "updated_at=gte|2024-01-01T00:00:00Z|lt|2024-01-02T03:04:05.678Z";
        Map<String, String> t = new LinkedHashMap<>();
        t.put("candidates", "GET /v3/candidates?per_page=500&" + w);
        t.put("applications", "GET /v3/applications?per_page=500&" + w);
        t.put("application_stages", "GET /v3/application_stages?per_page=500&" + w);
        t.put("jobs", "GET /v3/jobs?per_page=500&" + w);
        t.put("openings", "GET /v3/openings?per_page=500&" + w);
        t.put("offers", "GET /v3/offers?per_page=500&" + w);
        t.put("scorecards", "GET /v3/scorecards?per_page=500&" + w);
        t.put("interviews", "GET /v3/interviews?per_page=500&" + w);
        t.put("notes", "GET /v3/notes?per_page=500&" + w);
        t.put("users", "GET /v3/users?per_page=500&show_service_accounts=true&" + w);
        t.put("job_posts", "GET /v3/job_posts?per_page=500&active=true&" + w
                + " then GET /v3/job_posts?per_page=500&active=false&" + w);
        t.put("job_interview_stages", "GET /v3/job_interview_stages?per_page=500&" + w);
        t.put("job_interviews", "GET /v3/job_interviews?per_page=500&" + w);
        t.put("interview_kits", "GET /v3/interview_kits?per_page=500&" + w);
        t.put("interviewers", "GET /v3/interviewers?per_page=500&" + w);
        t.put("scorecard_candidate_attributes", "GET /v3/scorecard_candidate_attributes?per_page=500&" + w);
        t.put("scorecard_questions", "GET /v3/scorecard_questions?per_page=500&" + w);
        t.put("scorecard_question_answers", "GET /v3/scorecard_question_answers?per_page=500&" + w);
        t.put("rejection_details", "GET /v3/rejection_details?per_page=500&" + w);
        t.put("prospect_details", "GET /v3/prospect_details?per_page=500&" + w);
        t.put("attachments", "GET /v3/attachments?per_page=500&" + w);
        t.put("candidate_educations", "GET /v3/candidate_educations?per_page=500&" + w);
        t.put("candidate_employments", "GET /v3/candidate_employments?per_page=500&" + w);
        t.put("applied_candidate_tags", "GET /v3/applied_candidate_tags?per_page=500&" + w);
        t.put("job_owners", "GET /v3/job_owners?per_page=500&" + w);
        t.put("job_hiring_managers", "GET /v3/job_hiring_managers?per_page=500&" + w);
        t.put("approval_flows", "GET /v3/approval_flows?per_page=500&" + w);
        t.put("approver_groups", "GET /v3/approver_groups?per_page=500&" + w);
        t.put("approvers", "GET /v3/approvers?per_page=500&" + w);
        t.put("departments", "GET /v3/departments?per_page=500&" + w);
        t.put("offices", "GET /v3/offices?per_page=500&" + w);
        t.put("sources", "GET /v3/sources?per_page=500&" + w);
        t.put("referrers", "GET /v3/referrers?per_page=500&" + w);
        t.put("rejection_reasons", "GET /v3/rejection_reasons?per_page=500&include_defaults=true&" + w);
        t.put("close_reasons", "GET /v3/close_reasons?per_page=500&" + w);
        t.put("custom_fields", "GET /v3/custom_fields?per_page=500&" + w);
        t.put("custom_field_options", "GET /v3/custom_field_options?per_page=500&" + w);
        t.put("candidate_tags", "GET /v3/candidate_tags?per_page=500&" + w);
        t.put("user_roles", "GET /v3/user_roles?per_page=500&" + w);
        t.put("user_job_permissions", "GET /v3/user_job_permissions?per_page=500&" + w);
        t.put("future_job_permissions", "GET /v3/future_job_permissions?per_page=500&" + w);
        t.put("user_emails", "GET /v3/user_emails?per_page=500&" + w);
        t.put("email_templates", "GET /v3/email_templates?per_page=500&" + w);
        t.put("prospect_pools", "GET /v3/prospect_pools?per_page=500&" + w);
        t.put("prospect_pool_stages", "GET /v3/prospect_pool_stages?per_page=500&" + w);
        t.put("interviewer_tags", "GET /v3/interviewer_tags?per_page=500&" + w);
        t.put("job_boards", "GET /v3/job_boards?per_page=500&" + w);
        t.put("candidate_attribute_types", "GET /v3/candidate_attribute_types?per_page=500&" + w);
        t.put("job_candidate_attributes", "GET /v3/job_candidate_attributes?per_page=500&" + w);
        t.put("focus_candidate_attributes", "GET /v3/focus_candidate_attributes?per_page=500&" + w);
        t.put("scorecard_question_options", "GET /v3/scorecard_question_options?per_page=500&" + w);
        t.put("scorecard_question_answer_options", "GET /v3/scorecard_question_answer_options?per_page=500&" + w);
        t.put("scorecard_question_candidate_attributes", "GET /v3/scorecard_question_candidate_attributes?per_page=500&" + w);
        t.put("default_interviewers", "GET /v3/default_interviewers?per_page=500&" + w);
        t.put("job_notes", "GET /v3/job_notes?per_page=500&" + w);
        t.put("job_post_locations", "GET /v3/job_post_locations?per_page=500&" + w);
        t.put("job_post_searchable_locations", "GET /v3/job_post_searchable_locations?per_page=500&" + w);
        t.put("job_board_custom_locations", "GET /v3/job_board_custom_locations?per_page=500&" + w);
        t.put("pay_inputs", "GET /v3/pay_inputs?per_page=500&" + w);
        t.put("pay_input_ranges", "GET /v3/pay_input_ranges?per_page=500&" + w);
        t.put("tracking_links", "GET /v3/tracking_links?per_page=500&" + w);
        t.put("custom_field_departments", "GET /v3/custom_field_departments?per_page=500&" + w);
        t.put("custom_field_offices", "GET /v3/custom_field_offices?per_page=500&" + w);
        t.put("eeoc", "GET /v3/eeoc?per_page=500&" + w);
        t.put("demographic_answers", "GET /v3/demographic_answers?per_page=500&" + w);
        t.put("demographic_question_sets", "GET /v3/demographic_question_sets?per_page=500&" + w);
        t.put("demographic_questions", "GET /v3/demographic_questions?per_page=500");
        t.put("demographic_answer_options", "GET /v3/demographic_answer_options?per_page=500");
        return t;
    }

    /** Ashby: a POST of the resource's flags and the page size (none for unpaged lists); per-parent: the parent list. */
    private static Map<String, String> ashby() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("candidates", "POST /candidate.list {\"limit\":500}");
        t.put("applications", "POST /application.list {\"limit\":500}");
        t.put("jobs", "POST /job.list {\"status\":[\"Draft\",\"Open\",\"Closed\",\"Archived\"],\"limit\":500}");
        t.put("users", "POST /user.list {\"includeDeactivated\":true,\"limit\":500}");
        t.put("departments", "POST /department.list {\"includeArchived\":true,\"limit\":500}");
        t.put("locations", "POST /location.list {\"includeArchived\":true,\"limit\":500}");
        t.put("sources", "POST /source.list {\"includeArchived\":true}");
        t.put("archive_reasons", "POST /archiveReason.list {\"includeArchived\":true}");
        t.put("interview_schedules", "POST /interviewSchedule.list {\"limit\":500}");
        t.put("offers", "POST /offer.list {\"limit\":500}");
        t.put("application_feedback", "POST /applicationFeedback.list {\"limit\":500}");
        t.put("application_history", "POST /application.list {\"limit\":500}");
        t.put("openings", "POST /opening.list {\"limit\":500}");
        t.put("job_postings", "POST /jobPosting.list {}");
        t.put("job_templates", "POST /jobTemplate.list {\"limit\":500}");
        t.put("projects", "POST /project.list {\"limit\":500}");
        t.put("approvals", "POST /approval.list {\"limit\":500}");
        t.put("interviews", "POST /interview.list {\"includeArchived\":true,\"includeNonSharedInterviews\":true,"
                + "\"limit\":500}");
        t.put("interview_plans", "POST /interviewPlan.list {\"limit\":500}");
        t.put("interview_stages", "POST /interviewPlan.list {\"limit\":500}");
        t.put("interview_events", "POST /interviewSchedule.list {\"limit\":500}");
        t.put("interviewer_pools", "POST /interviewerPool.list {\"includeArchived\":true,\"limit\":500}");
        t.put("custom_fields", "POST /customField.list {\"includeArchived\":true,\"limit\":500}");
        t.put("candidate_tags", "POST /candidateTag.list {\"includeArchived\":true,\"limit\":500}");
        t.put("close_reasons", "POST /closeReason.list {\"includeArchived\":true}");
        t.put("hiring_team_roles", "POST /hiringTeamRole.list {}");
        t.put("job_boards", "POST /jobBoard.list {}");
        t.put("source_tracking_links", "POST /sourceTrackingLink.list {}");
        t.put("feedback_form_definitions", "POST /feedbackFormDefinition.list {\"includeArchived\":true,"
                + "\"limit\":500}");
        t.put("survey_form_definitions", "POST /surveyFormDefinition.list {\"includeArchived\":true,"
                + "\"limit\":500}");
        t.put("survey_submissions", String.join(" then ", Stream.of("CandidateDataConsent", "CandidateExperience",
                "Diversity", "EEOC", "Questionnaire").map(type -> "POST /surveySubmission.list {\"surveyType\":\""
                + type + "\",\"limit\":500}").toList()));
        t.put("candidate_notes", "POST /candidate.list {\"limit\":500}");
        return t;
    }

    private static Map<String, String> table(Dialect dialect) {
        return switch (dialect.version()) {
            case "v1" -> v1();
            case "v3" -> v3();
            case "ashby" -> ashby();
            default -> throw new IllegalArgumentException(dialect.version());
        };
    }

    static Stream<Arguments> firstPages() {
        return AllDialects.list().stream().flatMap(d -> table(d).entrySet().stream()
                .map(e -> Arguments.of(DialectResource.of(d.version(), e.getKey()), e.getValue())));
    }

    private static PageRequest firstPage(Dialect dialect, Resource r) {
        if (dialect instanceof WindowDialect w) {
            return PageRequest.get(w.firstPage(BASE, r, WINDOW, 500));
        }
        return ((TokenDialect) dialect).listRequest(BASE, r, null, null, 500);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.dialect.DialectResource#dialects")
    void theTableListsEveryResourceOnceInItsOrder(Dialect dialect) {
        assertThat(dialect.resources()).extracting(Resource::name).containsExactlyElementsOf(table(dialect).keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstPages")
    void firstPageHasTheDocumentedShape(DialectResource c, String expected) {
        List<String> requests = new ArrayList<>();
        for (Resource list : c.resource().lists()) {
            PageRequest request = firstPage(c.dialect(), list);
            HttpUrl url = request.url();
            String query = url.query() == null ? "" : "?" + url.query();
            String body = request.body() == null ? "" : " " + request.body();
            requests.add(request.method() + " " + url.encodedPath() + query + body);
            assertThat(url.host()).isEqualTo(BASE.host());
            assertThat(url.queryParameterNames()).as("a first page: no paging position (and no skip_count: the "
                    + "downward walk needs the last link)").doesNotContain("page", "cursor", "skip_count");
        }
        assertThat(String.join(" then ", requests)).as("the first request of each list the resource reads")
                .isEqualTo(expected);
    }

    @Test
    void theDialectsAreHarvestsByVersionThenAshby() {
        assertThat(HarvestDialects.all()).extracting(Dialect::version).containsExactly("v1", "v3");
        assertThat(AllDialects.list()).extracting(Dialect::version).containsExactly("v1", "v3", "ashby");
        assertThat(HarvestDialects.forVersion("v1").resources()).isSameAs(new HarvestV1Dialect().resources());
        assertThat(HarvestDialects.forVersion("v3").resources()).isSameAs(new HarvestV3Dialect().resources());
    }
}
