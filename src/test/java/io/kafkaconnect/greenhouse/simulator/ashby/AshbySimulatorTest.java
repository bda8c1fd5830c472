package io.kafkaconnect.greenhouse.simulator.ashby;

import static io.kafkaconnect.greenhouse.simulator.ashby.AshbyHttp.body;
import static io.kafkaconnect.greenhouse.simulator.ashby.AshbyHttp.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbyHttp.Resp;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Credentials;
import org.junit.jupiter.api.Test;

/** Auth, permissions, paging, request validation, unpaged methods, history and record content. */
class AshbySimulatorTest extends AshbySimulatorFixture {

    @Test
    void authenticationFailuresHaveAshbyCodes() throws Exception {
        start(AshbySimulator.builder().apiKey("good-key"));

        Resp none = http.raw("candidate.list", "{}", null);
        Resp bearer = http.raw("candidate.list", "{}", "Bearer good-key");
        Resp notBase64 = http.raw("candidate.list", "{}", "Basic %%%");
        Resp noColon = http.raw("candidate.list", "{}",
                "Basic " + Base64.getEncoder().encodeToString("good-key".getBytes()));
        Resp unknown = http.post("candidate.list", body(), "other-key");
        Resp ok = http.post("candidate.list", body(), "good-key");

        for (Resp r : List.of(none, bearer, notBase64, noColon)) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.success()).isFalse();
            assertThat(r.errorCode()).isEqualTo("unauthenticated");
            assertThat(r.json().path("errorInfo").path("requestId").asText()).isNotEmpty();
        }
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.errorCode()).isEqualTo("invalid_api_key");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.success()).isTrue();
        assertThat(sim.requestLog()).extracting(LoggedRequest::status).containsExactly(401, 401, 401, 401, 403, 200);
    }

    @Test
    void keysWithoutAModulePermissionGetMissingEndpointPermission() throws Exception {
        start(AshbySimulator.builder().apiKey("full").permissions("recruiting", "candidatesRead"));

        Resp jobs = http.post("job.list", body(), "recruiting");
        Resp candidates = http.post("candidate.list", body(), "recruiting");
        Resp history = http.post("application.listHistory",
                body().put("applicationId", sim.ids("applications").get(0)), "recruiting");
        Resp fullKeyJobs = http.post("job.list", body(), "full");

        assertThat(jobs.status()).isEqualTo(403);
        assertThat(jobs.errorCode()).isEqualTo("missing_endpoint_permission");
        assertThat(jobs.json().path("errorInfo").path("message").asText()).contains("jobsRead");
        assertThat(candidates.status()).isEqualTo(200);
        assertThat(history.status()).isEqualTo(200);
        assertThat(fullKeyJobs.status()).isEqualTo(200);

        sim.denyMethod("candidate.list");
        Resp denied = http.post("candidate.list", body(), "full");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("missing_endpoint_permission");
        assertThat(denied.json().path("errorInfo").path("message").asText()).contains("candidatesRead");
        assertThat(http.post("application.list", body(), "full").status()).isEqualTo(200);

        sim.denyMethod("organizationRead");
        assertThat(http.post("user.list", body(), "full").errorCode()).isEqualTo("missing_endpoint_permission");
        assertThat(http.post("department.list", body(), "full").errorCode()).isEqualTo("missing_endpoint_permission");
        sim.allowMethod("organizationRead");
        sim.allowMethod("candidate.list");
        assertThat(http.post("user.list", body(), "full").status()).isEqualTo(200);
        assertThat(http.post("candidate.list", body(), "full").status()).isEqualTo(200);
    }

    @Test
    void unknownMethodIs404AndGetIs405() throws Exception {
        start(AshbySimulator.builder());

        Resp unknown = http.post("candidate.frobnicate", body());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.success()).isFalse();

        okhttp3.Request get = new okhttp3.Request.Builder().url(sim.baseUrl() + "/candidate.list")
                .header("Authorization", Credentials.basic(sim.apiKey(), "")).build();
        try (okhttp3.Response r = http.client.newCall(get).execute()) {
            assertThat(r.code()).isEqualTo(405);
        }
    }

    @Test
    void fullPassPagesEveryRecordOnceInCreationOrderWithTheTokenOnlyOnTheLastPage() throws Exception {
        start(AshbySimulator.builder().records("candidates", 250));

        List<Resp> pages = http.walk("candidate.list", body().put("limit", 100));

        assertThat(pages).hasSize(3);
        assertThat(pages).extracting(p -> p.ids().size()).containsExactly(100, 100, 50);
        assertThat(pages).extracting(Resp::more).containsExactly(true, true, false);
        assertThat(pages).extracting(Resp::syncToken).satisfies(t -> {
            assertThat(t.get(0)).isNull();
            assertThat(t.get(1)).isNull();
            assertThat(t.get(2)).isNotBlank();
        });
        assertThat(pages).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(200);
            assertThat(p.success()).isTrue();
            assertThat(p.cursor()).isNotBlank();
        });
        List<String> ids = AshbyHttp.ids(pages);
        assertThat(ids).doesNotHaveDuplicates().containsExactlyElementsOf(sim.ids("candidates"));
        Map<String, JsonNode> truth = sim.truth("candidates");
        List<Instant> created = new ArrayList<>();
        for (Resp p : pages) {
            for (JsonNode n : p.json().get("results")) {
                assertThat(n).isEqualTo(truth.get(n.get("id").asText()));
                created.add(Instant.parse(n.get("createdAt").asText()));
            }
        }
        assertThat(created).isSorted();
        // first-page request has no cursor; later ones carry the previous page's nextCursor
        List<LoggedRequest> log = sim.requestLog();
        assertThat(log.get(0).body()).doesNotContain("cursor");
        assertThat(log.get(1).body()).contains(pages.get(0).cursor());
        assertThat(log).extracting(LoggedRequest::recordsReturned).containsExactly(100, 100, 50);
    }

    @Test
    void draftJobsAreListedOnlyWhenTheStatusFilterIncludesDraft() throws Exception {
        start(AshbySimulator.builder().records("jobs", 30));

        List<String> withoutStatus = ids(http.walk("job.list", body()));
        List<String> everyStatus = ids(http.walk("job.list", body().set("status", allJobStatuses())));
        ObjectNode openOnly = body();
        openOnly.putArray("status").add("Open");

        assertThat(everyStatus).hasSize(30).containsAll(withoutStatus);
        assertThat(withoutStatus).hasSize(25);
        assertThat(ids(http.walk("job.list", openOnly))).isEqualTo(withoutStatus);
        Map<String, JsonNode> truth = sim.truth("jobs");
        everyStatus.stream().filter(id -> !withoutStatus.contains(id))
                .forEach(id -> assertThat(truth.get(id).get("status").asText()).isEqualTo("Draft"));
        ObjectNode notAnArray = body().put("status", "Draft");
        assertThat(http.post("job.list", notAnArray).json().path("success").asBoolean()).isFalse();
    }

    private static JsonNode allJobStatuses() {
        ArrayNode statuses = body().arrayNode();
        List.of("Draft", "Open", "Closed", "Archived").forEach(statuses::add);
        return statuses;
    }

    @Test
    void defaultLimitIsOneHundredAndAnEmptyResourceIsOneLastPage() throws Exception {
        start(AshbySimulator.builder().records("jobs", 101).records("offers", 0));

        Resp jobs = http.post("job.list", body().set("status", allJobStatuses()));
        Resp offers = http.post("offer.list", body());

        assertThat(jobs.ids()).hasSize(100);
        assertThat(jobs.more()).isTrue();
        assertThat(offers.ids()).isEmpty();
        assertThat(offers.more()).isFalse();
        assertThat(offers.syncToken()).isNotBlank();
    }

    @Test
    void invalidRequestsGetInvalidInputInHttp200() throws Exception {
        start(AshbySimulator.builder());

        List<Resp> bad = List.of(
                http.post("candidate.list", body().put("limit", 0)),
                http.post("candidate.list", body().put("limit", 101)),
                http.post("candidate.list", body().put("limit", "10")),
                http.post("candidate.list", body().put("limit", 2.5)),
                http.post("candidate.list", body().put("cursor", 17)),
                http.post("user.list", body().put("includeDeactivated", "yes")),
                http.raw("candidate.list", "not json", Credentials.basic(sim.apiKey(), "")),
                http.raw("candidate.list", "[1,2]", Credentials.basic(sim.apiKey(), "")),
                http.raw("candidate.list", "", Credentials.basic(sim.apiKey(), "")));

        assertThat(bad).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.success()).isFalse();
            assertThat(r.errorCode()).isEqualTo("invalid_input");
            assertThat(r.json().path("errors").get(0).asText()).isEqualTo("invalid_input");
        });
        // null fields are accepted as absent, unknown fields are ignored
        Resp nulls = http.post("candidate.list", body().putNull("cursor").putNull("syncToken").put("expand", "x"));
        assertThat(nulls.success()).isTrue();
        assertThat(sim.requestLog()).filteredOn(r -> "invalid_input".equals(r.errorCode())).hasSize(9);
    }

    @Test
    void unpagedMethodsAnswerEverythingWithoutPagingFieldsAndHonourIncludeArchived() throws Exception {
        start(AshbySimulator.builder().records("sources", 15).records("archive_reasons", 8));

        Resp sources = http.post("source.list", body());
        Resp all = http.post("source.list", body().put("includeArchived", true));
        Resp reasons = http.post("archiveReason.list", body().put("includeArchived", true).put("limit", 1));

        assertThat(sources.json().has("moreDataAvailable")).isFalse();
        assertThat(sources.json().has("nextCursor")).isFalse();
        assertThat(sources.json().has("syncToken")).isFalse();
        assertThat(all.ids()).containsExactlyElementsOf(sim.ids("sources"));
        assertThat(sources.ids()).hasSize(13); // indexes 6 and 13 are archived
        assertThat(sources.json().get("results")).allSatisfy(n -> assertThat(n.get("isArchived").asBoolean()).isFalse());
        assertThat(all.json().get("results")).filteredOn(n -> n.get("isArchived").asBoolean()).hasSize(2);
        assertThat(reasons.ids()).hasSize(8);

        String id = sim.ids("sources").get(0);
        String before = sim.truth("sources").get(id).get("title").asText();
        sim.edit("sources", id);
        String inserted = sim.insert("sources");
        Resp after = http.post("source.list", body());
        assertThat(after.ids()).hasSize(14).endsWith(inserted);
        assertThat(after.json().get("results").get(0).get("title").asText()).isEqualTo(before + " (rev 2)");
    }

    @Test
    void userAndDepartmentFlagsHideInactiveRecordsUnlessAsked() throws Exception {
        start(AshbySimulator.builder().records("users", 20).records("departments", 14).records("locations", 7));

        Resp users = http.post("user.list", body());
        Resp allUsers = http.post("user.list", body().put("includeDeactivated", true));
        Resp departments = http.post("department.list", body().put("includeArchived", false));
        Resp allDepartments = http.post("department.list", body().put("includeArchived", true));
        Resp locations = http.post("location.list", body());

        assertThat(allUsers.ids()).containsExactlyElementsOf(sim.ids("users"));
        assertThat(users.ids()).hasSize(18); // indexes 8 and 17 are deactivated
        assertThat(users.json().get("results")).allSatisfy(n -> assertThat(n.get("isEnabled").asBoolean()).isTrue());
        assertThat(allUsers.json().get("results")).filteredOn(n -> !n.get("isEnabled").asBoolean()).hasSize(2);
        assertThat(departments.ids()).hasSize(12);
        assertThat(allDepartments.ids()).hasSize(14);
        assertThat(locations.ids()).hasSize(6);
    }

    @Test
    void listHistoryPagesOneApplicationsEntriesWithoutApplicationId() throws Exception {
        start(AshbySimulator.builder().records("applications", 40));
        Map<String, JsonNode> truth = sim.truth("application_history");
        // an application with at least 3 entries
        String app = null;
        for (String a : sim.ids("applications")) {
            if (truth.values().stream().filter(e -> e.get("applicationId").asText().equals(a)).count() >= 3) {
                app = a;
                break;
            }
        }
        assertThat(app).isNotNull();
        String appId = app;
        List<JsonNode> expected = truth.values().stream()
                .filter(e -> e.get("applicationId").asText().equals(appId)).toList();

        List<Resp> pages = http.walk("application.listHistory", body().put("applicationId", app).put("limit", 2));

        assertThat(pages).hasSize((expected.size() + 1) / 2);
        assertThat(pages).allSatisfy(p -> {
            assertThat(p.success()).isTrue();
            assertThat(p.syncToken()).isNull();
        });
        List<JsonNode> served = new ArrayList<>();
        pages.forEach(p -> p.json().get("results").forEach(served::add));
        assertThat(served).allSatisfy(e -> assertThat(e.has("applicationId")).isFalse());
        assertThat(served).extracting(e -> Instant.parse(e.get("enteredStageAt").asText())).isSorted();
        List<JsonNode> withApp = new ArrayList<>();
        for (JsonNode e : served) {
            withApp.add(((ObjectNode) e.deepCopy()).put("applicationId", app));
        }
        assertThat(withApp).containsExactlyElementsOf(expected);
        // the application's current stage is the last entry's stage
        assertThat(sim.truth("applications").get(app).at("/currentInterviewStage/title").asText())
                .isEqualTo(served.get(served.size() - 1).get("title").asText());
    }

    @Test
    void listHistoryValidatesItsInput() throws Exception {
        start(AshbySimulator.builder().records("applications", 3).records("candidates", 3));
        String app = sim.ids("applications").get(0);
        Resp first = http.post("application.listHistory", body().put("applicationId", app).put("limit", 1));

        assertThat(http.post("application.listHistory", body()).errorCode()).isEqualTo("invalid_input");
        assertThat(http.post("application.listHistory", body().put("applicationId", app).put("syncToken", "x"))
                .errorCode()).isEqualTo("invalid_input");
        assertThat(http.post("application.listHistory", body().put("applicationId", app).put("limit", 0))
                .errorCode()).isEqualTo("invalid_input");
        Resp unknown = http.post("application.listHistory",
                body().put("applicationId", "7f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.errorCode()).isEqualTo("application_not_found");
        // a candidate's id is not an application's
        assertThat(http.post("application.listHistory",
                body().put("applicationId", sim.ids("candidates").get(0))).errorCode()).isEqualTo("application_not_found");
        // a cursor of another application, or of another method, is invalid
        String other = sim.ids("applications").get(1);
        assertThat(http.post("application.listHistory",
                body().put("applicationId", other).put("cursor", first.cursor())).errorCode())
                .isEqualTo("invalid_next_cursor");
        String candidateCursor = http.post("candidate.list", body().put("limit", 1)).cursor();
        assertThat(http.post("application.listHistory",
                body().put("applicationId", app).put("cursor", candidateCursor)).errorCode())
                .isEqualTo("invalid_next_cursor");
    }

    @Test
    void stageChangingApplicationEditsAppendHistoryEntries() throws Exception {
        start(AshbySimulator.builder().records("applications", 5));
        String app = sim.ids("applications").get(2);
        int before = historyOf(app).size();

        for (int i = 0; i < 12; i++) {
            sim.edit("applications", app);
        }

        List<JsonNode> after = historyOf(app);
        assertThat(after.size()).isGreaterThan(before).isLessThanOrEqualTo(before + 12);
        assertThat(after).extracting(e -> Instant.parse(e.get("enteredStageAt").asText())).isSorted();
        assertThat(after.get(after.size() - 2).get("leftStageAt").asText())
                .isEqualTo(after.get(after.size() - 1).get("enteredStageAt").asText());
        assertThat(after.get(after.size() - 1).path("leftStageAt").isTextual()).isFalse();
        for (int k = 0; k + 1 < after.size(); k++) {
            assertThat(after.get(k).get("leftStageAt").asText()).isEqualTo(after.get(k + 1).get("enteredStageAt").asText());
        }
        assertThat(sim.truth("applications").get(app).at("/currentInterviewStage/title").asText())
                .isEqualTo(after.get(after.size() - 1).get("title").asText());
    }

    private List<JsonNode> historyOf(String app) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        http.walk("application.listHistory", body().put("applicationId", app))
                .forEach(p -> p.json().get("results").forEach(out::add));
        return out;
    }

    @Test
    void recordsDifferAndReferenceOtherSimulatedRecords() throws Exception {
        start(AshbySimulator.builder().defaultRecords(30));
        Map<String, JsonNode> candidates = sim.truth("candidates");
        Map<String, JsonNode> applications = sim.truth("applications");
        Set<String> jobs = sim.truth("jobs").keySet();

        Set<String> names = new HashSet<>();
        candidates.values().forEach(c -> names.add(c.get("name").asText()));
        assertThat(names.size()).isGreaterThan(20);
        assertThat(candidates.keySet()).allSatisfy(id -> assertThat(id).matches(
                "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        for (JsonNode a : applications.values()) {
            String candidate = a.at("/candidate/id").asText();
            assertThat(candidates).containsKey(candidate);
            assertThat(a.at("/candidate/name").asText()).isEqualTo(candidates.get(candidate).get("name").asText());
            assertThat(candidates.get(candidate).get("applicationIds").toString()).contains(a.get("id").asText());
            assertThat(jobs).contains(a.at("/job/id").asText());
        }
        Map<String, JsonNode> history = sim.truth("application_history");
        for (JsonNode f : sim.truth("application_feedback").values()) {
            String app = f.get("applicationId").asText();
            assertThat(applications).containsKey(app);
            assertThat(history.get(f.get("applicationHistoryId").asText()).get("applicationId").asText()).isEqualTo(app);
        }
        Set<String> users = sim.truth("users").keySet();
        assertThat(sim.truth("interview_schedules").values()).anySatisfy(s -> assertThat(s.has("candidateId")).isTrue());
        for (JsonNode s : sim.truth("interview_schedules").values()) {
            JsonNode app = applications.get(s.get("applicationId").asText());
            assertThat(app).isNotNull();
            if (s.has("candidateId")) { // the sparse example leaves it out
                assertThat(s.get("candidateId").asText()).isEqualTo(app.at("/candidate/id").asText());
            }
            for (JsonNode e : s.get("interviewEvents")) {
                assertThat(e.get("interviewScheduleId").asText()).isEqualTo(s.get("id").asText());
                List<String> interviewers = new ArrayList<>();
                e.get("interviewers").forEach(u -> interviewers.add(u.get("id").asText()));
                List<String> userIds = new ArrayList<>();
                e.get("interviewerUserIds").forEach(u -> userIds.add(u.asText()));
                assertThat(users).containsAll(userIds);
                if (!interviewers.isEmpty()) {
                    assertThat(interviewers).isEqualTo(userIds);
                }
            }
        }
        Set<String> departments = sim.truth("departments").keySet();
        sim.truth("jobs").values().forEach(j -> assertThat(departments).contains(j.get("departmentId").asText()));
        // the same seed gives the same data; another seed other ids
        AshbySimulator again = AshbySimulator.builder().defaultRecords(30).build();
        AshbySimulator other = AshbySimulator.builder().defaultRecords(30).seed(7).build();
        assertThat(again.ids("candidates")).isEqualTo(sim.ids("candidates"));
        assertThat(other.ids("candidates")).doesNotContainAnyElementsOf(sim.ids("candidates"));
    }

    @Test
    void everyResourceHasAMethodAndRendersFromItsTemplate() throws Exception {
        start(AshbySimulator.builder().defaultRecords(4));

        assertThat(sim.resources()).containsExactly("candidates", "applications", "jobs", "users", "departments",
                "locations", "sources", "archive_reasons", "interview_schedules", "offers", "application_feedback",
                "application_history", "openings", "job_postings", "job_templates", "projects", "approvals",
                "interviews", "interview_plans", "interview_stages", "interview_events", "interviewer_pools",
                "custom_fields", "candidate_tags", "close_reasons", "hiring_team_roles", "job_boards",
                "source_tracking_links", "feedback_form_definitions", "survey_form_definitions",
                "survey_submissions", "candidate_notes");
        for (String r : sim.resources()) {
            AshbyResource resource = AshbyResource.byName(r);
            if (resource.kind == AshbyResource.Kind.CHILD) {
                List<String> ids = new ArrayList<>();
                for (String parent : sim.ids(resource.parent.resourceName)) {
                    Resp page = http.post(sim.method(r), body().put(resource.idParam, parent));
                    assertThat(page.success()).as(r).isTrue();
                    ids.addAll(page.ids());
                }
                assertThat(ids).as(r).isNotEmpty().containsExactlyElementsOf(sim.ids(r));
                continue;
            }
            if (resource.flag == AshbyResource.Flag.SURVEY_TYPE) {
                assertThat(http.post(sim.method(r), body()).errorCode()).as("a survey type is required")
                        .isEqualTo("invalid_input");
                List<String> ids = new ArrayList<>();
                for (String type : AshbyResource.SURVEY_TYPES) {
                    Resp page = http.post(sim.method(r), body().put("surveyType", type));
                    assertThat(page.success()).as(r).isTrue();
                    page.json().path("results").forEach(n -> assertThat(n.get("surveyType").asText()).isEqualTo(type));
                    ids.addAll(page.ids());
                }
                assertThat(ids).as(r).containsExactlyInAnyOrderElementsOf(sim.ids(r));
                continue;
            }
            Resp page = http.post(sim.method(r), r.equals("users") ? body().put("includeDeactivated", true)
                    : resource.flag == AshbyResource.Flag.INCLUDE_ARCHIVED ? body().put("includeArchived", true)
                    : body());
            assertThat(page.success()).as(r).isTrue();
            assertThat(page.ids()).as(r).containsExactlyElementsOf(sim.ids(r));
        }
        assertThat(http.post("interviewStage.list", body().put("interviewPlanId", sim.ids("candidates").get(0)))
                .errorCode()).as("a parent id of another resource").isEqualTo("interview_plan_not_found");
        // an edited plan renames its stages; an edited candidate gets a note in about half the cases
        String plan = sim.ids("interview_plans").get(1);
        String stage = sim.truth("interview_stages").values().stream()
                .filter(n -> n.get("interviewPlanId").asText().equals(plan)).findFirst().orElseThrow().toString();
        sim.edit("interview_plans", plan);
        assertThat(sim.truth("interview_stages").values()).extracting(JsonNode::toString).doesNotContain(stage);
        int notes = sim.ids("candidate_notes").size();
        String candidate = sim.ids("candidates").get(0);
        for (int i = 0; i < 8; i++) {
            sim.edit("candidates", candidate);
        }
        assertThat(sim.ids("candidate_notes").size()).isGreaterThan(notes);
        // the change time shows in the resource's own field
        String feedback = sim.ids("application_feedback").get(0);
        sim.edit("application_feedback", feedback);
        assertThat(sim.truth("application_feedback").get(feedback).get("submittedAt").asText())
                .isEqualTo(AshbyRenderer.ts(sim.changeTimestamps("application_feedback").get(feedback).toEpochMilli()));
        String offer = sim.ids("offers").get(0);
        String version = sim.truth("offers").get(offer).at("/latestVersion/id").asText();
        sim.edit("offers", offer);
        assertThat(sim.truth("offers").get(offer).at("/latestVersion/id").asText()).isNotEqualTo(version);
    }
}
