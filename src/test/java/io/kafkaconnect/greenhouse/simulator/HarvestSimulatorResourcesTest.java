package io.kafkaconnect.greenhouse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.harvest.v1.HarvestV1Dialect;
import io.kafkaconnect.greenhouse.schema.Types;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.simulator.SimHttp.Resp;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource the connector's v1 dialect reads, and every v3 resource of the suggested stream set: paths,
 * paging, filters, key fields, record shapes (against the v1 docs' examples, the connector's v1 schemas and the
 * v3 reference's field lists), edits, and agreement between the two dialects' views.
 */
class HarvestSimulatorResourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HarvestSimulator sim;
    private static SimHttp http;
    private static String token;

    @BeforeAll
    static void start() throws IOException {
        sim = HarvestSimulator.builder().seed(31).defaultRecords(60).records("applications", 120)
                .records("eeoc", 70).records("openings", 90).records("custom_field_options", 150)
                .records("job_interviews", 90).records("interviewers", 90).records("scorecard_candidate_attributes", 150)
                .records("scorecard_question_answers", 120).records("prospect_pool_stages", 120).build().start();
        http = new SimHttp(sim);
        token = http.accessToken();
    }

    @AfterAll
    static void stop() {
        http.close();
        sim.close();
    }

    static Stream<io.kafkaconnect.greenhouse.dialect.Resource> v1Resources() {
        return new HarvestV1Dialect().resources().stream();
    }

    static Stream<String> v3Resources() {
        return V3_FIELDS.keySet().stream().sorted();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String fixed(io.kafkaconnect.greenhouse.dialect.Resource r) {
        return r.fixedParams().entrySet().stream().map(e -> "&" + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining());
    }

    private static List<Long> keys(List<Resp> pages, String keyField) {
        List<Long> ids = new ArrayList<>();
        for (Resp p : pages) {
            assertThat(p.status()).as(p.body()).isEqualTo(200);
            p.json().forEach(n -> ids.add(n.get(keyField).asLong()));
        }
        return ids;
    }

    // ------------------------------------------------------------------ v1

    @Test
    void theSimulatorServesExactlyTheConnectorsV1Resources() {
        assertThat(sim.resources(Dialect.V1)).containsExactlyInAnyOrderElementsOf(
                v1Resources().map(io.kafkaconnect.greenhouse.dialect.Resource::name).toList());
        v1Resources().forEach(r -> assertThat(sim.v1Path(r.name())).isEqualTo("/v1/" + r.path()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v1Resources")
    void everyV1ResourcePagesInItsStyleAndListsEveryRecordOnceByItsKey(io.kafkaconnect.greenhouse.dialect.Resource r)
            throws IOException {
        Resource res = Resource.byName(r.name());
        Map<Long, JsonNode> truth = sim.truth(r.name());
        assertThat(truth).hasSizeGreaterThanOrEqualTo(60);

        List<Resp> pages = http.walkV1("/v1/" + r.path() + "?per_page=25" + fixed(r));

        List<Long> ids = keys(pages, r.keyField());
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(ids)).isEqualTo(new TreeSet<>(truth.keySet()));
        truth.forEach((id, json) -> assertThat(json.get(r.keyField()).asLong()).isEqualTo(id));
        switch (res.v1Paging) {
            case CLASSIC:
                assertThat(pages).hasSizeGreaterThan(2);
                assertThat(pages.get(0).links()).containsOnlyKeys("next", "last");
                assertThat(pages.get(1).links()).containsOnlyKeys("next", "prev", "last");
                assertThat(pages.get(pages.size() - 1).links()).containsOnlyKeys("prev", "last");
                break;
            case NEXT_ONLY:
                assertThat(pages).hasSizeGreaterThan(2);
                pages.subList(0, pages.size() - 1).forEach(p -> assertThat(p.links()).containsOnlyKeys("next"));
                assertThat(pages.get(pages.size() - 1).header("Link")).isNull();
                break;
            default:
                assertThat(pages).hasSize(1);
                assertThat(pages.get(0).header("Link")).isNull();
                break;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v1Resources")
    void v1RecordsHaveExactlyTheFieldsOfTheDocsExamples(io.kafkaconnect.greenhouse.dialect.Resource r) {
        Set<String> documented = new TreeSet<>();
        for (JsonNode example : examples(r.name())) {
            paths("", example, documented);
        }
        Set<String> served = new TreeSet<>();
        for (JsonNode record : sim.truth(r.name()).values()) {
            paths("", record, served);
        }
        // below fields that are always empty or null in the examples, the docs show nothing to compare with
        Set<String> unknownBelow = documented.stream()
                .filter(p -> documented.stream().noneMatch(q -> q.startsWith(p + ".") || q.startsWith(p + "[]")))
                .collect(Collectors.toSet());
        served.removeIf(p -> unknownBelow.stream().anyMatch(u -> p.startsWith(u + ".") || p.startsWith(u + "[]")));

        assertThat(served).as("fields of %s the simulator sends", r.name()).isEqualTo(documented);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v1Resources")
    void v1RecordsConvertWithTheConnectorsSchemaWithoutUnknownFields(io.kafkaconnect.greenhouse.dialect.Resource r) {
        UnknownFieldLog unknown = new UnknownFieldLog();
        SourceRecordFactory maker = new SourceRecordFactory(r, "sim." + r.name(), new SourcePartition("v1", "sim", r.name()), unknown);

        sim.truth(r.name()).forEach((id, json) -> {
            SourceRecordFactory.Converted c = maker.convert(json);
            c.value().validate();
            assertThat(c.key().getInt64(r.keyField())).isEqualTo(id);
            if (r.cursorField() != null) {
                assertThat(c.timestamp()).isEqualTo(Types.parseInstant(json.get(r.cursorField()).asText()).toEpochMilli());
            }
        });

        assertThat(unknown.seen()).as("fields the %s schema does not declare", r.name()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v1Resources")
    void v1TimeFiltersAreTheOnesTheEndpointHas(io.kafkaconnect.greenhouse.dialect.Resource r) throws IOException {
        if (r.mode() == SyncMode.SNAPSHOT) {
            return;
        }
        Map<Long, JsonNode> truth = sim.truth(r.name());
        List<String> values = truth.values().stream().map(n -> n.get(r.cursorField()).asText()).sorted().toList();
        String t = values.get(values.size() / 2);
        Instant ti = Instant.parse(t);
        String base = "/v1/" + r.path() + "?per_page=20" + fixed(r);

        Set<Long> after = new HashSet<>(keys(http.walkV1(base + "&" + r.lowerParam() + "=" + enc(t)), r.keyField()));
        assertThat(after).as("%s >= %s", r.lowerParam(), t).isEqualTo(select(truth, r.cursorField(), v -> !v.isBefore(ti)));
        if (r.upperParam() != null) {
            boolean inclusive = r.name().equals("offers");
            Set<Long> before = new HashSet<>(keys(http.walkV1(base + "&" + r.upperParam() + "=" + enc(t)), r.keyField()));
            assertThat(before).as("%s %s %s", r.upperParam(), inclusive ? "<=" : "<", t).isEqualTo(
                    select(truth, r.cursorField(), v -> inclusive ? !v.isAfter(ti) : v.isBefore(ti)));
        }
        // a filter the endpoint does not have is ignored, as Harvest does
        String other = r.lowerParam().equals("updated_after") ? "submitted_after" : "updated_after";
        assertThat(keys(http.walkV1(base + "&" + other + "=" + enc("2999-01-01T00:00:00Z")), r.keyField()))
                .hasSameSizeAs(truth.keySet());
    }

    private static Set<Long> select(Map<Long, JsonNode> truth, String field, Predicate<Instant> test) {
        return truth.entrySet().stream().filter(e -> test.test(Instant.parse(e.getValue().get(field).asText())))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v1Resources")
    void anEditMovesTheChangeFieldUpOrChangesTheContent(io.kafkaconnect.greenhouse.dialect.Resource r) {
        try (HarvestSimulator s = HarvestSimulator.builder().seed(5).defaultRecords(12).build()) {
            for (long id : new ArrayList<>(s.truth(r.name()).keySet()).subList(0, 4)) {
                JsonNode before = s.truth(r.name()).get(id);
                s.edit(r.name(), id);
                JsonNode after = s.truth(r.name()).get(id);
                assertThat(after.get(r.keyField()).asLong()).isEqualTo(id);
                if (r.cursorField() != null) {
                    assertThat(Instant.parse(after.get(r.cursorField()).asText()))
                            .isAfter(Instant.parse(before.get(r.cursorField()).asText()));
                } else {
                    assertThat(after).as("%s %d after an edit", r.name(), id).isNotEqualTo(before);
                }
            }
        }
    }

    @Test
    void flagParametersFilterOrShapeTheLists() throws IOException {
        Map<Long, JsonNode> fields = sim.truth("custom_fields");
        Set<Long> active = fields.entrySet().stream().filter(e -> e.getValue().get("active").asBoolean())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(active).hasSizeBetween(1, fields.size() - 1);
        assertThat(new HashSet<>(SimHttp.ids(http.walkV1("/v1/custom_fields?per_page=500")))).isEqualTo(active);

        int reasons = sim.truth("rejection_reasons").size();
        int withoutDefaults = SimHttp.ids(http.walkV1("/v1/rejection_reasons?per_page=500")).size();
        assertThat(withoutDefaults).isBetween(1, reasons - 1);

        Map<Long, JsonNode> posts = sim.truth("job_posts");
        Set<Long> deleted = posts.entrySet().stream().filter(e -> !e.getValue().get("active").asBoolean())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(deleted).isNotEmpty();
        assertThat(new HashSet<>(SimHttp.ids(http.walkV1("/v1/job_posts?per_page=500&active=false")))).isEqualTo(deleted);
        assertThat(new HashSet<>(SimHttp.ids(http.walkV3("/v3/job_posts?per_page=500&active=false", token))))
                .isEqualTo(deleted);
        assertThat(SimHttp.ids(http.walkV3("/v3/job_posts?per_page=500", token)))
                .as("v3 leaves deleted posts out by default").hasSize(posts.size() - deleted.size());

        JsonNode user = http.v1("/v1/users?per_page=1").json().get(0);
        assertThat(user.has("custom_fields")).isFalse();
        assertThat(user.has("keyed_custom_fields")).isFalse();
        JsonNode withAttributes = http.v1("/v1/users?per_page=1&user_attributes=true").json().get(0);
        assertThat(withAttributes).isEqualTo(sim.truth("users").get(withAttributes.get("id").asLong()));
        int users = sim.truth("users", Dialect.V3).size();
        assertThat(SimHttp.ids(http.walkV3("/v3/users?per_page=500", token)).size())
                .as("service accounts are hidden by default").isBetween(1, users - 1);
        assertThat(SimHttp.ids(http.walkV3("/v3/users?per_page=7&show_service_accounts=true", token))).hasSize(users);
    }

    @Test
    void eeocRecordsBelongToOneApplicationEachAndAreKeyedByIt() {
        Map<Long, JsonNode> eeoc = sim.truth("eeoc");
        Map<Long, JsonNode> applications = sim.truth("applications");
        assertThat(eeoc).hasSize(70);
        eeoc.forEach((id, e) -> {
            assertThat(e.has("id")).isFalse();
            assertThat(applications).containsKey(id);
            assertThat(e.get("candidate_id")).isEqualTo(applications.get(id).get("candidate_id"));
        });
        Map<Long, JsonNode> v3 = sim.truth("eeoc", Dialect.V3);
        assertThat(v3.keySet()).isEqualTo(eeoc.keySet());
        v3.forEach((id, e) -> assertThat(e.get("submitted_at")).isEqualTo(eeoc.get(id).get("submitted_at")));
        assertThat(eeoc.values()).anyMatch(e -> e.get("veteran_status").isNull())
                .anyMatch(e -> e.get("race").isObject());
    }

    // ------------------------------------------------------------------ v3

    @Test
    void theSimulatorServesTheSuggestedV3StreamSet() {
        assertThat(sim.resources(Dialect.V3)).containsExactlyInAnyOrderElementsOf(V3_FIELDS.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v3Resources")
    void everyV3ResourcePagesByIdDescendingWithTheReferenceFields(String name) throws IOException {
        Map<Long, JsonNode> truth = sim.truth(name, Dialect.V3);
        String flags = switch (name) {
            case "users" -> "&show_service_accounts=true";
            case "rejection_reasons" -> "&include_defaults=true";
            default -> "";
        };
        List<Resp> pages = http.walkV3("/v3/" + name + "?per_page=25" + flags, token);
        if (name.equals("job_posts")) {
            pages.addAll(http.walkV3("/v3/job_posts?per_page=25&active=false", token));
        }

        List<Long> ids = SimHttp.ids(pages);
        assertThat(new TreeSet<>(ids)).isEqualTo(new TreeSet<>(truth.keySet()));
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(60);
        if (!name.equals("job_posts")) {
            assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        }
        Set<String> expected = new TreeSet<>(V3_FIELDS.get(name));
        for (Resp p : pages) {
            p.json().forEach(n -> {
                Set<String> names = new TreeSet<>();
                n.fieldNames().forEachRemaining(names::add);
                assertThat(names).as("%s %s", name, n.get("id")).isEqualTo(expected);
                assertThat(n).isEqualTo(truth.get(n.get("id").asLong()));
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v3Resources")
    void v3TimeFiltersExistOnAllButTheTwoDemographicDictionaries(String name) throws IOException {
        Map<Long, JsonNode> truth = sim.truth(name, Dialect.V3);
        String flags = name.equals("users") ? "&show_service_accounts=true"
                : name.equals("rejection_reasons") ? "&include_defaults=true"
                : name.equals("job_posts") ? "&active=true" : "";
        if (name.equals("job_posts")) {
            truth = truth.entrySet().stream().filter(e -> e.getValue().get("active").asBoolean())
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
        List<String> stamps = truth.values().stream().map(n -> n.get("updated_at").asText()).sorted().toList();
        String t = stamps.get(stamps.size() / 2);
        Instant ti = Instant.parse(t);

        Set<Long> got = new HashSet<>(SimHttp.ids(http.walkV3("/v3/" + name + "?per_page=50" + flags + "&updated_at="
                + enc("gte|" + t), token)));

        boolean filtered = !name.equals("demographic_questions") && !name.equals("demographic_answer_options");
        assertThat(got).isEqualTo(filtered ? select(truth, "updated_at", v -> !v.isBefore(ti)) : truth.keySet());
    }

    @Test
    void v1AndV3ViewsOfTheSameRecordsAgree() {
        Map<String, List<String[]>> same = new HashMap<>();
        same.put("offers", List.of(new String[] {"application_id", "application_id"},
                new String[] {"candidate_id", "candidate_id"}, new String[] {"job_id", "job_id"},
                new String[] {"sent_at", "sent_on"}, new String[] {"starts_at", "starts_on"},
                new String[] {"version", "version"}, new String[] {"opening.id", "opening_id"}));
        same.put("scheduled_interviews", List.of(new String[] {"application_id", "application_id"},
                new String[] {"start.date_time", "starts_at"}, new String[] {"start.date", "all_day_start_on"},
                new String[] {"organizer.id", "organizer_id"}, new String[] {"interview.id", "job_interview_id"},
                new String[] {"status", "status"}, new String[] {"location", "location"}));
        same.put("scorecards", List.of(new String[] {"application_id", "application_id"},
                new String[] {"interviewer.id", "interviewer_id"}, new String[] {"submitted_by.id", "submitter_id"},
                new String[] {"submitted_at", "submitted_at"}, new String[] {"interviewed_at", "interviewed_at"}));
        same.put("eeoc", List.of(new String[] {"application_id", "application_id"},
                new String[] {"candidate_id", "candidate_id"}, new String[] {"race.id", "race.id"}));
        same.put("job_posts", List.of(new String[] {"title", "title"}, new String[] {"job_id", "job_id"},
                new String[] {"active", "active"}, new String[] {"live", "live"}, new String[] {"content", "content"}));
        same.put("job_stages", List.of(new String[] {"name", "name"}, new String[] {"job_id", "job_id"},
                new String[] {"priority", "sort_order"}, new String[] {"active", "active"}));
        same.put("users", List.of(new String[] {"first_name", "first_name"}, new String[] {"disabled", "deactivated"},
                new String[] {"primary_email_address", "primary_email"}, new String[] {"employee_id", "employee_id"}));
        same.put("offices", List.of(new String[] {"name", "name"}, new String[] {"parent_id", "parent_id"},
                new String[] {"location.name", "location"},
                new String[] {"primary_contact_user_id", "primary_in_house_contact_user_id"}));
        same.put("custom_fields", List.of(new String[] {"name", "name"}, new String[] {"name_key", "name_key"},
                new String[] {"priority", "sort_order"}, new String[] {"value_type", "value_type"}));
        same.put("email_templates", List.of(new String[] {"name", "name"}, new String[] {"type", "email_type"},
                new String[] {"user.id", "user_id"}, new String[] {"html_body", "html_body"}));
        same.put("sources", List.of(new String[] {"name", "name"}, new String[] {"type.id", "type.id"}));
        same.put("rejection_reasons", List.of(new String[] {"name", "name"}, new String[] {"type.name", "type.name"}));
        same.put("close_reasons", List.<String[]>of(new String[] {"name", "name"}));
        same.put("prospect_pools", List.of(new String[] {"name", "name"}, new String[] {"active", "active"}));
        same.put("candidate_tags", List.<String[]>of(new String[] {"name", "name"}));
        same.put("demographic_question_sets", List.of(new String[] {"title", "title"}, new String[] {"active", "active"}));
        same.put("demographic_questions", List.of(new String[] {"name", "name"},
                new String[] {"demographic_question_set_id", "demographic_question_set_id"},
                new String[] {"answer_type", "answer_type"}));
        same.put("demographic_answer_options", List.of(new String[] {"name", "name"},
                new String[] {"demographic_question_id", "demographic_question_id"}, new String[] {"free_form", "free_form"}));
        same.put("demographic_answers", List.of(new String[] {"application_id", "application_id"},
                new String[] {"demographic_answer_option_id", "demographic_answer_option_id"},
                new String[] {"updated_at", "updated_at"}));
        same.put("jobs", List.of(new String[] {"name", "name"}, new String[] {"departments[0].id", "department_id"}));
        same.put("applications", List.of(new String[] {"applied_at", "created_at"},
                new String[] {"source.id", "source_id"}, new String[] {"recruiter.id", "recruiter_id"}));
        same.put("candidates", List.of(new String[] {"first_name", "first_name"}, new String[] {"is_private", "private"},
                new String[] {"last_activity", "last_activity_at"}, new String[] {"tags", "tags"}));
        same.put("departments", List.of(new String[] {"name", "name"}, new String[] {"parent_id", "parent_id"}));
        same.put("user_roles", List.<String[]>of(new String[] {"name", "name"}));

        for (Resource r : Resource.values()) {
            if (!r.inV1() || !r.inV3()) {
                continue;
            }
            assertThat(same).as("a check for %s", r.resourceName).containsKey(r.resourceName);
            Map<Long, JsonNode> v1 = sim.truth(r.resourceName);
            Map<Long, JsonNode> v3 = sim.truth(r.v3Name, Dialect.V3);
            assertThat(v3.keySet()).as(r.resourceName).isEqualTo(v1.keySet());
            v1.forEach((id, a) -> {
                for (String[] pair : same.get(r.resourceName)) {
                    JsonNode left = at(a, pair[0]);
                    JsonNode right = at(v3.get(id), pair[1]);
                    if (!left.isMissingNode()) {
                        assertThat(right.isNull() && left.isNull() || right.equals(left) || right.asText().equals(left.asText()))
                                .as("%s %d: v1 %s = %s, v3 %s = %s", r.resourceName, id, pair[0], left, pair[1], right)
                                .isTrue();
                    }
                }
            });
        }
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode n = node;
        for (String part : path.split("\\.")) {
            if (n == null || n.isNull()) {
                return n == null ? JSON.missingNode() : n;
            }
            if (part.endsWith("]")) {
                String field = part.substring(0, part.indexOf('['));
                int index = Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1));
                n = n.path(field).path(index);
            } else {
                n = n.path(part);
            }
        }
        return n;
    }

    @Test
    void childrenThatV1EmbedsAreTheRecordsV3Lists() {
        assertEmbedded("jobs", "openings", "openings", "job_id");
        assertEmbedded("custom_fields", "custom_field_options", "custom_field_options", "custom_field_id");
        assertEmbedded("prospect_pools", "prospect_stages", "prospect_pool_stages", "prospect_pool_id");
        assertEmbedded("job_stages", "interviews", "job_interviews", "job_interview_stage_id");
        Map<Long, JsonNode> interviewers = sim.truth("interviewers", Dialect.V3);
        sim.truth("scheduled_interviews").forEach((id, interview) -> {
            List<Long> users = new ArrayList<>();
            interview.get("interviewers").forEach(i -> users.add(i.get("id").isNull() ? null : i.get("id").asLong()));
            List<Long> expected = interviewers.values().stream().filter(i -> i.get("interview_id").asLong() == id)
                    .map(i -> i.get("user_id").isNull() ? null : i.get("user_id").asLong()).toList();
            assertThat(users).isEqualTo(expected);
        });
        Map<Long, JsonNode> attributes = sim.truth("scorecard_candidate_attributes", Dialect.V3);
        sim.truth("scorecards").forEach((id, scorecard) -> {
            List<String> ratings = new ArrayList<>();
            scorecard.get("attributes").forEach(a -> ratings.add(a.get("rating").asText()));
            assertThat(ratings).isEqualTo(attributes.values().stream().filter(a -> a.get("scorecard_id").asLong() == id)
                    .map(a -> a.get("candidate_attribute_rating").asText()).toList());
        });
        Map<Long, JsonNode> users = sim.truth("users");
        Map<Long, JsonNode> offices = sim.truth("offices");
        sim.truth("jobs").values().forEach(job -> {
            job.get("hiring_team").get("recruiters").forEach(u -> assertThat(users).containsKey(u.get("id").asLong()));
            job.get("offices").forEach(o -> assertThat(offices).containsKey(o.get("id").asLong()));
        });
    }

    /** Every v1 parent embeds, in order, the v3 child records that name it as their parent (custom fields: the active options). */
    private static void assertEmbedded(String parent, String arrayField, String child, String parentIdField) {
        Map<Long, JsonNode> children = sim.truth(child, Dialect.V3);
        int embedded = 0;
        for (Map.Entry<Long, JsonNode> p : sim.truth(parent).entrySet()) {
            List<Long> ids = new ArrayList<>();
            p.getValue().get(arrayField).forEach(c -> ids.add(c.get("id").asLong()));
            List<Long> expected = children.values().stream()
                    .filter(c -> c.get(parentIdField).asLong() == p.getKey())
                    .filter(c -> !child.equals("custom_field_options") || c.get("active").asBoolean())
                    .map(c -> c.get("id").asLong()).toList();
            assertThat(ids).as("%s %d %s", parent, p.getKey(), arrayField).isEqualTo(expected);
            embedded += ids.size();
        }
        assertThat(embedded).isPositive();
    }

    @Test
    void editsOfV3OnlyResourcesMoveUpdatedAt() {
        try (HarvestSimulator s = HarvestSimulator.builder().seed(9).defaultRecords(5).build()) {
            for (String name : V3_FIELDS.keySet()) {
                long id = s.truth(name, Dialect.V3).keySet().iterator().next();
                String before = s.truth(name, Dialect.V3).get(id).get("updated_at").asText();
                s.edit(name, id);
                assertThat(s.truth(name, Dialect.V3).get(id).get("updated_at").asText()).as(name).isGreaterThan(before);
            }
            long inserted = s.insert("interviews");
            assertThat(s.truth("scheduled_interviews")).containsKey(inserted);
        }
    }

    @Test
    void newResourcesScaleToTwoHundredThousandRecords() throws IOException {
        try (HarvestSimulator big = HarvestSimulator.builder().seed(2).records("applications", 200_000)
                .records("eeoc", 150_000).records("offers", 200_000).records("interviews", 200_000)
                .records("interviewers", 400_000).build().start();
                SimHttp h = new SimHttp(big)) {
            Resp deep = h.v1("/v1/offers?per_page=500&page=300");
            assertThat(SimHttp.ids(deep)).isEqualTo(big.v1ListOrder("offers").subList(149_500, 150_000));
            assertThat(deep.links().get("last")).contains("page=400");

            String after = "2025-06-01T00:00:00Z";
            List<Resp> eeoc = new ArrayList<>();
            Resp r = h.v1("/v1/eeoc?per_page=500&submitted_after=" + enc(after));
            eeoc.add(r);
            for (int i = 0; i < 3; i++) {
                r = h.v1Url(r.links().get("next"));
                eeoc.add(r);
            }
            List<Long> keys = keys(eeoc, "application_id");
            Map<Long, Instant> submitted = big.changeTimestamps("eeoc");
            assertThat(keys).isEqualTo(h.idsByChangeTime("eeoc").stream()
                    .filter(id -> !submitted.get(id).isBefore(Instant.parse(after))).limit(2_000).toList());
            eeoc.forEach(p -> p.json().forEach(e -> assertThat(e.get("submitted_at").asText()).isGreaterThanOrEqualTo(after)));

            String t = h.accessToken();
            Resp v3 = h.v3("/v3/interviews?per_page=500&updated_at=" + enc("gte|" + after), t);
            assertThat(SimHttp.ids(v3)).hasSize(500).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(SimHttp.ids(h.v3Url(v3.links().get("next"), t))).hasSize(500);
            assertThat(SimHttp.ids(h.v3("/v3/interviewers?per_page=500", t))).hasSize(500);
        }
    }

    // ------------------------------------------------------------------ field paths

    private static final Set<String> MAPS = Set.of("custom_fields", "keyed_custom_fields");

    /**
     * Every field path of a record: {@code a}, {@code a.b}, {@code a[].c}. Custom field maps have account-specific
     * keys, so their keys become {@code *} and their values are not descended into (keyed values: name, type,
     * value).
     */
    static void paths(String prefix, JsonNode node, Set<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(p);
                if (MAPS.contains(e.getKey()) && e.getValue().isObject()) {
                    for (Iterator<JsonNode> values = e.getValue().elements(); values.hasNext(); ) {
                        JsonNode v = values.next();
                        out.add(p + ".*");
                        if (e.getKey().equals("keyed_custom_fields")) {
                            v.fieldNames().forEachRemaining(f -> out.add(p + ".*." + f));
                        }
                    }
                } else {
                    paths(p, e.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> paths(prefix + "[]", element, out));
        }
    }

    static List<JsonNode> examples(String resource) {
        String path = "/v1-examples/" + resource + ".json";
        try (InputStream in = HarvestSimulatorResourcesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(in).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The v3 reference's field lists (shared/reference/harvest-v3/resources.md) of the suggested stream set. */
    static final Map<String, List<String>> V3_FIELDS = Map.ofEntries(
            Map.entry("candidates", List.of("addresses", "can_email", "company", "created_at", "custom_fields",
                    "email_addresses", "first_name", "id", "last_activity_at", "last_name", "linked_user_ids",
                    "phone_numbers", "preferred_name", "private", "social_media_addresses", "tags", "time_zone",
                    "title", "updated_at", "website_addresses")),
            Map.entry("applications", List.of("agency_note_id", "answers", "candidate_id", "coordinator_id", "created_at",
                    "custom_fields", "id", "job_id", "job_post_id", "last_activity_at", "location_address",
                    "needs_decision", "prospect", "prospective_job_ids", "recruiter_id", "referrer_id",
                    "rejected_at", "source_id", "stage_id", "stage_name", "status", "updated_at")),
            Map.entry("application_stages", List.of("application_id", "created_at", "current", "days_in_stage",
                    "entered_at", "exited_at", "id", "job_interview_stage_id", "updated_at")),
            Map.entry("jobs", List.of("closed_at", "confidential", "copied_from_id", "created_at", "custom_fields",
                    "department_id", "id", "is_template", "name", "notes", "office_ids", "opened_at",
                    "requisition_id", "status", "updated_at")),
            Map.entry("openings", List.of("application_id", "close_reason_id", "closed_at", "created_at", "custom_fields",
                    "id", "job_id", "open", "opened_at", "opening_id", "sort_order", "target_start_on",
                    "updated_at")),
            Map.entry("job_posts", List.of("active", "content", "created_at", "demographic_question_set_id", "featured",
                    "first_published_at", "id", "internal", "internal_content", "job_board_id", "job_id",
                    "language", "live", "public_url", "questions", "title", "updated_at")),
            Map.entry("job_interview_stages", List.of("active", "created_at", "id", "job_id", "name", "sort_order",
                    "updated_at")),
            Map.entry("job_interviews", List.of("active", "created_at", "duration", "id", "instructions", "job_id",
                    "job_interview_stage_id", "name", "require_scorecard", "scheduling_type", "sort_order",
                    "summary", "updated_at")),
            Map.entry("interview_kits", List.of("anonymize_candidate", "anonymize_resumes", "created_at", "exercises", "id",
                    "job_id", "job_interview_id", "updated_at")),
            Map.entry("offers", List.of("application_id", "candidate_id", "created_at", "custom_fields", "id", "job_id",
                    "opening_id", "resolved_at", "sent_on", "starts_on", "status", "updated_at", "version")),
            Map.entry("users", List.of("agency_id", "created_at", "custom_fields", "deactivated", "department_ids",
                    "emails", "employee_id", "first_name", "id", "interviewer_tags", "job_title", "last_name",
                    "linked_candidate_ids", "name", "office_ids", "primary_email", "site_admin", "updated_at")),
            Map.entry("user_emails", List.of("created_at", "email", "id", "updated_at", "user_id",
                    "verification_token_sent_at", "verified")),
            Map.entry("user_roles", List.of("created_at", "id", "name", "role_type", "updated_at")),
            Map.entry("user_job_permissions", List.of("automated", "created_at", "id", "job_id", "role_id", "updated_at",
                    "user_id")),
            Map.entry("future_job_permissions", List.of("created_at", "department_id", "id", "office_id", "role_id",
                    "updated_at", "user_id")),
            Map.entry("scorecards", List.of("application_id", "candidate_rating", "created_at", "id", "interview_kit_id",
                    "interviewed_at", "interviewer_id", "notes", "notes_with_tags", "private_notes",
                    "private_notes_with_tags", "public_notes", "public_notes_with_tags", "status",
                    "submitted_at", "submitter_id", "updated_at")),
            Map.entry("scorecard_candidate_attributes", List.of("candidate_attribute_rating", "created_at", "id",
                    "job_candidate_attribute_id", "note", "scorecard_id", "updated_at")),
            Map.entry("scorecard_questions", List.of("active", "answer_type", "created_at", "id", "interview_kit_id",
                    "question", "required", "sort_order", "updated_at")),
            Map.entry("scorecard_question_answers", List.of("answer", "boolean_value", "created_at", "id", "scorecard_id",
                    "scorecard_question_id", "updated_at")),
            Map.entry("interviews", List.of("all_day_end_on", "all_day_start_on", "application_id",
                    "availability_received_at", "created_at", "ends_at", "external_event_id", "id", "job_id",
                    "job_interview_id", "location", "organizer_id", "scheduled_at", "starts_at", "status",
                    "updated_at", "video_conferencing_url")),
            Map.entry("interviewers", List.of("created_at", "email", "id", "interview_id", "response_status",
                    "scorecard_id", "updated_at", "user_id")),
            Map.entry("interviewer_tags", List.of("created_at", "id", "name", "updated_at")),
            Map.entry("notes", List.of("application_id", "body", "body_with_tags", "candidate_id", "created_at",
                    "email_attachment_file_names", "email_cc", "email_from", "email_to", "id", "import_hash",
                    "subject", "type", "updated_at", "user_id", "visibility")),
            Map.entry("departments", List.of("created_at", "external_id", "id", "name", "parent_id", "updated_at")),
            Map.entry("offices", List.of("created_at", "external_id", "id", "location", "name", "parent_id",
                    "primary_in_house_contact_user_id", "updated_at")),
            Map.entry("sources", List.of("created_at", "id", "name", "type", "updated_at")),
            Map.entry("referrers", List.of("created_at", "id", "name", "updated_at", "user_id")),
            Map.entry("rejection_reasons", List.of("created_at", "id", "name", "type", "updated_at")),
            Map.entry("rejection_details", List.of("application_id", "created_at", "id", "question_custom_fields",
                    "rejected_at", "rejected_by_id", "rejection_note_id", "rejection_reason_id", "updated_at")),
            Map.entry("close_reasons", List.of("created_at", "id", "name", "updated_at")),
            Map.entry("custom_fields", List.of("active", "api_only", "application_type", "created_at", "default_value",
                    "description", "expose_in_job_board_api", "field_type", "id", "internal_type", "name",
                    "name_key", "placeholder", "private", "require_approval", "required", "sort_order",
                    "template_token_string", "trigger_new_version", "updated_at", "updated_by_id",
                    "use_for_job_approvals", "use_for_offer_approvals", "value_type")),
            Map.entry("custom_field_options", List.of("active", "created_at", "custom_field_id", "external_id", "id",
                    "name", "sort_order", "updated_at")),
            Map.entry("eeoc", List.of("application_id", "candidate_id", "created_at", "disability_status", "gender", "id",
                    "race", "submitted_at", "updated_at", "veteran_status")),
            Map.entry("demographic_question_sets", List.of("active", "created_at", "description", "enabled", "id", "title",
                    "updated_at")),
            Map.entry("demographic_questions", List.of("active", "answer_type", "created_at", "demographic_question_set_id",
                    "id", "name", "required", "sort_order", "updated_at")),
            Map.entry("demographic_answer_options", List.of("active", "created_at", "decline_to_answer",
                    "demographic_question_id", "free_form", "id", "name", "sort_order", "updated_at")),
            Map.entry("demographic_answers", List.of("application_id", "created_at", "demographic_answer_option_id",
                    "demographic_question_id", "free_form_text", "id", "updated_at")),
            Map.entry("candidate_tags", List.of("created_at", "id", "name", "updated_at")),
            Map.entry("applied_candidate_tags", List.of("candidate_id", "candidate_tag_id", "created_at", "id",
                    "updated_at")),
            Map.entry("attachments", List.of("application_id", "candidate_id", "created_at", "filename", "id", "type",
                    "updated_at", "url")),
            Map.entry("candidate_educations", List.of("candidate_id", "created_at", "degree_custom_field_option_id",
                    "discipline_custom_field_option_id", "end_at", "end_date_month", "end_date_year", "id",
                    "latest", "school_name_custom_field_option_id", "start_at", "start_date_month",
                    "start_date_year", "updated_at")),
            Map.entry("candidate_employments", List.of("candidate_id", "company_name", "created_at", "end_date", "id",
                    "latest", "start_date", "title", "updated_at")),
            Map.entry("prospect_pools", List.of("active", "created_at", "department_ids", "description", "id", "job_ids",
                    "name", "office_ids", "updated_at")),
            Map.entry("prospect_pool_stages", List.of("created_at", "id", "name", "prospect_pool_id", "sort_order",
                    "updated_at")),
            Map.entry("prospect_details", List.of("application_id", "created_at", "department_id", "id", "office_id",
                    "pool_id", "pool_stage_id", "prospect_owner_id", "updated_at")),
            Map.entry("email_templates", List.of("body", "cc_coordinator", "cc_recruiter", "created_at", "default",
                    "description", "email_type", "from_type", "html_body", "id", "name", "office_anywhere",
                    "recipients", "subject", "updated_at", "user_id")),
            Map.entry("approval_flows", List.of("approval_status", "approval_type", "created_at", "id", "job_id",
                    "offer_id", "requested_by_id", "sequential", "updated_at", "version")),
            Map.entry("approver_groups", List.of("approval_flow_id", "approvals_required", "created_at", "id",
                    "required_for_exception", "resolved_at", "sort_order", "updated_at")),
            Map.entry("approvers", List.of("added_by_custom_field_id", "approver_group_id", "auto_reminders_sent",
                    "created_at", "id", "reminder_sent_at", "reminder_sent_by_id", "reminders_sent",
                    "request_sent_at", "resolved_at", "resolved_by_id", "send_auto_reminder_at", "sort_order",
                    "status", "updated_at", "user_id", "version_sent")),
            Map.entry("job_hiring_managers", List.of("created_at", "id", "job_id", "updated_at", "user_id")),
            Map.entry("job_owners", List.of("created_at", "id", "job_id", "responsible", "type", "updated_at", "user_id")),
            Map.entry("job_boards", List.of("about", "company_name", "conclusion", "created_at", "id", "internal",
                    "introduction", "status", "updated_at", "url_token")),
            Map.entry("candidate_attribute_types", List.of("active", "created_at", "id", "is_draft", "job_id", "name",
                    "sort_order", "updated_at")),
            Map.entry("job_candidate_attributes", List.of("active", "candidate_attribute_type_id", "created_at", "id",
                    "job_id", "name", "sort_order", "updated_at")),
            Map.entry("focus_candidate_attributes", List.of("created_at", "id", "interview_kit_id",
                    "job_candidate_attribute_id", "updated_at")),
            Map.entry("scorecard_question_options", List.of("active", "created_at", "id", "name",
                    "scorecard_question_id", "sort_order", "updated_at")),
            Map.entry("scorecard_question_answer_options", List.of("created_at", "id", "scorecard_question_answer_id",
                    "scorecard_question_option_id", "updated_at")),
            Map.entry("scorecard_question_candidate_attributes", List.of("created_at", "focus_candidate_attribute_id",
                    "id", "scorecard_question_id", "updated_at")),
            Map.entry("default_interviewers", List.of("created_at", "id", "interview_kit_id", "updated_at", "user_id")),
            Map.entry("job_notes", List.of("body", "created_at", "id", "job_id", "updated_at", "user_id", "visibility")),
            Map.entry("job_post_locations", List.of("created_at", "custom_location_id", "id", "job_post_id",
                    "office_id", "plain_text_location", "type", "updated_at")),
            Map.entry("job_post_searchable_locations", List.of("city", "country_long_name", "country_short_name",
                    "county", "created_at", "id", "job_post_id", "latitude", "location", "longitude", "postal_code",
                    "region_long_name", "region_short_name", "updated_at")),
            Map.entry("job_board_custom_locations", List.of("active", "created_at", "greenhouse_job_board_id", "id",
                    "updated_at", "value")),
            Map.entry("pay_inputs", List.of("blurb", "created_at", "id", "linked_custom_field_id", "locked",
                    "priority", "title", "updated_at")),
            Map.entry("pay_input_ranges", List.of("created_at", "currency_type", "id", "job_post_id", "max_cents",
                    "min_cents", "pay_input_id", "updated_at")),
            Map.entry("tracking_links", List.of("created_at", "id", "job_board_id", "job_id", "job_post_id",
                    "referrer_id", "related_post_id", "related_post_type", "source_id", "token", "updated_at")),
            Map.entry("custom_field_departments", List.of("created_at", "custom_field_id", "department_id", "id",
                    "updated_at")),
            Map.entry("custom_field_offices", List.of("created_at", "custom_field_id", "id", "office_id", "updated_at"))
    );
}
