package io.kafkaconnect.greenhouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.ashby.AshbyDialect;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbySimulator;
import io.kafkaconnect.greenhouse.simulator.core.Fault;
import io.kafkaconnect.greenhouse.simulator.core.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ashby end to end: the AshbySourceConnector on a real broker and Connect worker against the Ashby simulator,
 * every resource compared record by record with the simulator's truth, deltas after edits, the lists per parent
 * (application history, candidate notes, interview stages) only for changed parents, recovery from refused cursors and tokens, faults inside HTTP 200, and a restart
 * that resumes from the stored cursor.
 */
class AshbySyncIT {
    private static final String KEY = "ashby-it-key-do-not-log";
    private static ConnectCluster cluster;

    @BeforeAll
    static void start() {
        cluster = new ConnectCluster("ashby-sync-it");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Map<String, String> config(AshbySimulator sim, String resources, String prefix, int tasks) {
        Map<String, String> c = ConnectCluster.ashbyConfig(sim.baseUrl(), KEY, resources, tasks);
        c.put("topic.prefix", prefix);
        c.put("page.size", "25");
        c.put("retry.backoff.ms", "20");
        c.put("retry.backoff.max.ms", "200");
        return c;
    }

    /** Waits until every record of the truth is in the topic at its current version, then returns what was read. */
    private static Map<String, JsonNode> awaitTruth(AshbySimulator sim, String resource, String topic)
            throws InterruptedException {
        Map<String, JsonNode>[] latest = new Map[] {Map.of()};
        ConnectCluster.await(Duration.ofSeconds(120), topic + " holds every record at its current version", () -> {
            Map<String, JsonNode> truth = sim.truth(resource);
            latest[0] = safeLatest(topic);
            return latest[0].keySet().containsAll(truth.keySet())
                    && truth.entrySet().stream().allMatch(e -> TruthComparison.differences(e.getValue(),
                    latest[0].get(e.getKey())).isEmpty());
        }, () -> {
            Map<String, JsonNode> truth = sim.truth(resource);
            List<String> diffs = new ArrayList<>();
            truth.forEach((id, json) -> {
                JsonNode written = latest[0].get(id);
                if (written == null) {
                    diffs.add(id + " missing");
                } else {
                    TruthComparison.differences(json, written).forEach(d -> diffs.add(id + ": " + d));
                }
            });
            return "truth " + truth.size() + ", written " + latest[0].size() + ", first differences "
                    + diffs.stream().limit(5).toList();
        });
        return latest[0];
    }

    private static Map<String, JsonNode> safeLatest(String topic) {
        try {
            return cluster.latestByKey(topic);
        } catch (IllegalStateException e) {
            return Map.of();
        }
    }

    private static List<LoggedRequest> calls(AshbySimulator sim, String method, Predicate<LoggedRequest> p) {
        return sim.requestLog().stream().filter(r -> method.equals(r.apiMethod())).filter(p).toList();
    }

    @Test
    void everyResourceArrivesExactlyAndDeltasCarryEditsAndTheListsPerParentOfChangedParents() throws Exception {
        try (AshbySimulator sim = AshbySimulator.builder().seed(31L).apiKey(KEY).defaultRecords(12)
                .records("candidates", 130).records("applications", 60)
                .latency(Duration.ofMillis(2), Duration.ZERO, 0.0).build().start()) {
            List<String> names = AshbyDialect.INSTANCE.resources().stream().map(Resource::name).toList();
            cluster.connect().configureConnector("ashby-all", config(sim, String.join(",", names), "all", 2));
            cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning("ashby-all", 2,
                    "connector did not start");
            Map<String, Map<String, JsonNode>> topics = new HashMap<>();
            for (String resource : names) {
                Map<String, JsonNode> written = awaitTruth(sim, resource, "all." + resource);
                assertThat(written).as(resource).isNotEmpty();
                topics.put(resource, written);
            }
            // the ids records name are records of other topics (the lists the connector reads were added for it)
            assertPointInto(topics, "applications", "/currentInterviewStage/id", "interview_stages");
            assertPointInto(topics, "applications", "/currentInterviewStage/interviewPlanId", "interview_plans");
            assertPointInto(topics, "application_history", "/stageId", "interview_stages");
            assertPointInto(topics, "interview_schedules", "/interviewStageId", "interview_stages");
            assertPointInto(topics, "jobs", "/defaultInterviewPlanId", "interview_plans");
            assertPointInto(topics, "interview_events", "/interviewId", "interviews");
            assertPointInto(topics, "interview_events", "/interviewScheduleId", "interview_schedules");
            assertPointInto(topics, "application_feedback", "/interviewId", "interviews");
            assertPointInto(topics, "application_feedback", "/feedbackFormDefinitionId", "feedback_form_definitions");
            assertPointInto(topics, "interviews", "/feedbackFormDefinitionId", "feedback_form_definitions");
            assertPointInto(topics, "interview_stages", "/interviewPlanId", "interview_plans");
            assertPointInto(topics, "candidate_notes", "/candidateId", "candidates");
            List<ConnectCluster.Record> candidates = cluster.readAll("all.candidates");
            assertThat(candidates).allSatisfy(r -> assertThat(r.timestamp())
                    .isEqualTo(Instant.parse(sim.truth("candidates").get(r.key().get("id").asText())
                            .get("updatedAt").asText()).toEpochMilli()));

            // the first passes are over (every list handed out a token): from now on only deltas
            // (the parent lists are read by two syncs each: their own and their children's)
            List<String> parents = List.of("candidate.list", "application.list", "interviewPlan.list",
                    "interviewSchedule.list");
            ConnectCluster.await(Duration.ofSeconds(60), "deltas and no full pass for 3 s on the parent lists",
                    () -> parents.stream().allMatch(m -> !calls(sim, m, r -> r.body().contains("syncToken")).isEmpty()
                            && calls(sim, m, r -> !r.body().contains("syncToken")
                            && r.at().isAfter(sim.now().minusSeconds(3))).isEmpty()));
            sim.clearRequestLog();
            List<String> applications = sim.ids("applications");
            Set<String> changedApps = new HashSet<>(List.of(applications.get(1), applications.get(40)));
            changedApps.forEach(id -> sim.edit("applications", id));
            changedApps.add(sim.insert("applications"));
            List<String> candidateIds = sim.ids("candidates");
            Set<String> changedCandidates = new HashSet<>(List.of(candidateIds.get(0), candidateIds.get(129)));
            for (int i = 0; i < 4; i++) { // each edit adds a note in about half the cases
                changedCandidates.forEach(id -> sim.edit("candidates", id));
            }
            changedCandidates.add(sim.insert("candidates"));
            sim.edit("jobs", sim.ids("jobs").get(2));
            String plan = sim.ids("interview_plans").get(3);
            sim.edit("interview_plans", plan); // renames its stages

            for (String resource : List.of("candidates", "applications", "jobs", "application_history",
                    "candidate_notes", "interview_plans", "interview_stages")) {
                awaitTruth(sim, resource, "all." + resource);
            }
            assertThat(parentsAskedFor(sim, "application.listHistory", "applicationId"))
                    .as("application history is read for the changed applications only").isEqualTo(changedApps);
            assertThat(parentsAskedFor(sim, "candidate.listNotes", "candidateId"))
                    .as("notes are read for the changed candidates only").isEqualTo(changedCandidates);
            assertThat(parentsAskedFor(sim, "interviewStage.list", "interviewPlanId"))
                    .as("stages are read for the changed plan only").containsExactly(plan);
            assertThat(calls(sim, "candidate.list", r -> !r.body().contains("syncToken")))
                    .as("no full pass after the first").isEmpty();
        } finally {
            cluster.connect().deleteConnector("ashby-all");
        }
    }

    /** Every non-null value at {@code pointer} in the records of {@code resource} is a key of {@code target}. */
    private static void assertPointInto(Map<String, Map<String, JsonNode>> topics, String resource, String pointer,
                                        String target) {
        List<String> ids = topics.get(resource).values().stream().map(r -> r.at(pointer))
                .filter(n -> n.isTextual()).map(JsonNode::asText).toList();
        assertThat(ids).as("%s %s", resource, pointer).isNotEmpty();
        assertThat(topics.get(target).keySet()).as("%s %s in %s", resource, pointer, target).containsAll(ids);
    }

    /** The parents a per-parent method was called for, by the body field naming the parent. */
    private static Set<String> parentsAskedFor(AshbySimulator sim, String method, String idParam) {
        Set<String> ids = new HashSet<>();
        calls(sim, method, r -> true).forEach(r -> ids.add(
                r.body().replaceAll(".*\"" + idParam + "\"\\s*:\\s*\"([^\"]+)\".*", "$1")));
        return ids;
    }

    @Test
    void refusedCursorsAndTokensTooLargeDeltasAndFaultsLoseNothingAndResendNothingUnchanged() throws Exception {
        try (AshbySimulator sim = AshbySimulator.builder().seed(37L).apiKey(KEY).records("candidates", 300)
                .cursorTtl(Duration.ofSeconds(30)).maxDeltaRecords(20)
                // tighter than the documented 1,000 per minute the connector paces at: it meets 429s
                .rateLimit(12, Duration.ofSeconds(1)).retryAfter(true)
                .latency(Duration.ofMillis(25), Duration.ZERO, 0.0).build().start()) {
            sim.faults().probability(Fault.HTTP_503, 0.05).probability(Fault.HTML_ERROR_PAGE, 0.03)
                    .probability(Fault.TRUNCATED_JSON, 0.03).probability(Fault.CONNECTION_RESET, 0.02);
            Map<String, String> config = config(sim, "candidates", "hazards", 1);
            config.put("page.size", "10");
            cluster.connect().configureConnector("ashby-hazards", config);
            // while the first pass runs, edit records it has read and records it has not
            List<String> ids = sim.ids("candidates");
            ConnectCluster.await(Duration.ofSeconds(30), "the first pass under way",
                    () -> calls(sim, "candidate.list", r -> r.body().contains("cursor")).size() >= 3);
            for (int i = 0; i < 300; i += 25) {
                sim.edit("candidates", ids.get(i));
            }
            sim.setClockOffset(Duration.ofMinutes(1)); // the cursor in hand is now older than the cursor TTL
            awaitTruth(sim, "candidates", "hazards.candidates");
            cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning("ashby-hazards", 1,
                    "the task survives faults");

            sim.bulkEdit("candidates", 40); // more than a delta may hold: a forced full pass
            awaitTruth(sim, "candidates", "hazards.candidates");
            ConnectCluster.await(Duration.ofSeconds(30), "the passes after the bulk edit are over",
                    () -> !calls(sim, "candidate.list", r -> "incremental_sync_too_large".equals(r.errorCode()))
                            .isEmpty());
            sim.faults().clear();
            Map<String, Long> codes = new LinkedHashMap<>();
            sim.requestLog().forEach(r -> {
                if (r.errorCode() != null) {
                    codes.merge(r.errorCode(), 1L, Long::sum);
                }
            });
            assertThat(codes).as("Ashby's errors the connector went through").containsKeys("next_cursor_expired",
                    "incremental_sync_too_large", "rate_limit_exceeded");
            int before = cluster.readAll("hazards.candidates").size();
            sim.clearRequestLog();
            sim.expireSyncTokens();
            ConnectCluster.await(Duration.ofSeconds(60), "a full pass after the token expired", () -> {
                List<LoggedRequest> full = calls(sim, "candidate.list", r -> !r.body().contains("syncToken"));
                return calls(sim, "candidate.list", r -> "sync_token_expired".equals(r.errorCode())).size() > 0
                        && full.stream().anyMatch(r -> r.status() == 200 && Boolean.TRUE.equals(r.success())
                        && !r.body().contains("cursor")) && full.stream().filter(r -> r.recordsReturned() > 0)
                        .mapToInt(LoggedRequest::recordsReturned).sum() >= 300;
            });
            Thread.sleep(1_500); // let the last records of the pass reach the topic if there were any
            assertThat(cluster.readAll("hazards.candidates").size())
                    .as("a forced full pass re-sends nothing that did not change").isEqualTo(before);

            assertThat(cluster.count("hazards.candidates")).isEqualTo(sim.truth("candidates").size());
        } finally {
            cluster.connect().deleteConnector("ashby-hazards");
        }
    }

    @Test
    void aRestartedConnectorResumesItsPassFromTheStoredCursor() throws Exception {
        try (AshbySimulator sim = AshbySimulator.builder().seed(41L).apiKey(KEY).records("candidates", 600)
                .latency(Duration.ofMillis(60), Duration.ZERO, 0.0).build().start()) {
            Map<String, String> config = config(sim, "candidates", "restart", 1);
            config.put("page.size", "10");
            cluster.connect().configureConnector("ashby-restart", config);
            ConnectCluster.await(Duration.ofSeconds(60), "15 pages read",
                    () -> calls(sim, "candidate.list", r -> r.status() == 200).size() >= 15);
            cluster.connect().stopConnector("ashby-restart");
            cluster.connect().assertions().assertConnectorIsStopped("ashby-restart", "connector did not stop");
            int pagesBefore = calls(sim, "candidate.list", r -> r.status() == 200).size();
            assertThat(pagesBefore).as("still mid-pass when stopped").isLessThan(60);
            Instant restartedAt = sim.now();
            cluster.connect().resumeConnector("ashby-restart");

            awaitTruth(sim, "candidates", "restart.candidates");
            LoggedRequest firstAfter = calls(sim, "candidate.list", r -> !r.at().isBefore(restartedAt))
                    .get(0);
            assertThat(firstAfter.body()).as("resumed with the stored cursor").contains("cursor");
            assertThat(calls(sim, "candidate.list", r -> !r.body().contains("cursor")
                    && !r.body().contains("syncToken") && !r.body().contains("\"limit\":1}")))
                    .as("the full pass was started once (validate()'s probe aside)").hasSize(1);
            assertThat(cluster.readAll("restart.candidates").size())
                    .as("duplicates are at most the pages in flight").isLessThanOrEqualTo(600 + 20);
        } finally {
            cluster.connect().deleteConnector("ashby-restart");
        }
    }
}
