package io.kafkaconnect.greenhouse.ashby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.dialect.ExampleRecords;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.RecordConversionException;
import io.kafkaconnect.greenhouse.schema.RecordConverter;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the Ashby examples show beyond what every dialect's must pass ({@code dialect.ResourceExamplesTest}): every
 * declared field with a value, custom fields and feedback answers of every shape, nested records.
 */
class AshbyExamplesTest {
    private static final AshbyDialect ASHBY = AshbyDialect.INSTANCE;

    /**
     * Users embedded in other records (creditedToUser, author, interviewers...) share the user struct, whose
     * {@code customFields} the users examples cover; the embedded copies need not repeat them.
     */
    private static final Pattern EMBEDDED_USER_CUSTOM_FIELDS = Pattern.compile(
            "(.*\\.)?(creditedToUser|author|scheduledBy|submittedByUser|approvers\\[]|interviewers\\[])"
                    + "\\.customFields.*");

    static Stream<String> resources() {
        return ASHBY.resources().stream().map(Resource::name);
    }

    private static List<JsonNode> examples(String resource) {
        return ExampleRecords.of("ashby", resource);
    }

    private static RecordConverter converter(String resource) {
        Resource r = ASHBY.resource(resource).orElseThrow();
        return new RecordConverter(r.name(), r.schemaName(), r.schema(), new UnknownFieldLog());
    }

    @Test
    void everyResourceHasTwoOrThreeExamplesEachWithItsChangeTime() {
        for (Resource r : ASHBY.resources()) {
            List<JsonNode> examples = examples(r.name());
            assertThat(examples).as(r.name()).hasSizeBetween(2, 3);
            if (r.cursorField() != null) {
                assertThat(examples).as("%s: every example has %s", r.name(), r.cursorField())
                        .allMatch(e -> e.hasNonNull(r.cursorField()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void everyDeclaredFieldHasAValueInSomeExample(String resource) {
        Set<String> declared = new TreeSet<>();
        declaredPaths(converter(resource).schema(), "", declared);
        declared.removeIf(p -> EMBEDDED_USER_CUSTOM_FIELDS.matcher(p).matches());
        declared.remove(RecordConverter.UNDECLARED_FIELD); // the connector's, not an API property
        Set<String> present = new TreeSet<>();
        examples(resource).forEach(e -> presentPaths(e, "", present));
        assertThat(present).as("%s: declared fields with a value in some example", resource).containsAll(declared);
    }

    @Test
    void applicationHistoryEntriesNameTheirApplication() {
        for (JsonNode entry : examples("application_history")) {
            assertThat(entry.path("applicationId").isTextual()).as("%s", entry.get("id")).isTrue();
        }
    }

    @Test
    void everyCustomFieldShapeKeepsItsExactJsonAndATypedCopy() {
        Struct bool = customField("candidates", 0, "Is actively looking");
        assertThat(bool.getString("type")).isEqualTo("boolean");
        assertThat(bool.getBoolean("boolean_value")).isTrue();

        Struct number = customField("candidates", 0, "Years of experience");
        assertThat(number.getString("type")).isEqualTo("number");
        assertThat(number.getFloat64("number_value")).isEqualTo(7.0);
        assertThat(customField("candidates", 1, "Years of experience").getFloat64("number_value")).isEqualTo(3.5);

        Struct currency = customField("candidates", 0, "Salary expectation");
        assertThat(currency.getString("type")).isEqualTo("currency");
        assertThat(currency.getStruct("currency").getFloat64("value")).isEqualTo(120000.0);
        assertThat(currency.getStruct("currency").getString("currencyCode")).isEqualTo("USD");
        assertThat(currency.get("range")).isNull();

        Struct date = customField("candidates", 0, "Expected start date");
        assertThat(date.getString("type")).isEqualTo("string");
        assertThat(date.getString("string_value")).isEqualTo("2026-05-04T00:00:00.000Z");

        Struct multi = customField("candidates", 0, "Preferred teams");
        assertThat(multi.getString("type")).isEqualTo("list");
        assertThat(multi.getArray("list_value")).containsExactly("backend", "infrastructure");

        Struct select = customField("applications", 0, "How did you hear about us");
        assertThat(select.getString("type")).isEqualTo("string");
        assertThat(select.getString("string_value")).isEqualTo("referral_program");

        Struct numberRange = customField("applications", 0, "Seniority band");
        assertThat(numberRange.getString("type")).isEqualTo("number-range");
        Struct range = numberRange.getStruct("range");
        assertThat(range.getString("type")).isEqualTo("number-range");
        assertThat(range.getFloat64("minValue")).isEqualTo(1.0);
        assertThat(range.getFloat64("maxValue")).isEqualTo(5.0);
        assertThat(range.getString("currencyCode")).isNull();
        assertThat(range.getString("interval")).isNull();

        Struct compensation = customField("applications", 0, "Target compensation");
        assertThat(compensation.getString("type")).isEqualTo("compensation-range");
        Struct comp = compensation.getStruct("range");
        assertThat(comp.getFloat64("minValue")).isEqualTo(100000.0);
        assertThat(comp.getFloat64("maxValue")).isEqualTo(150000.0);
        assertThat(comp.getString("currencyCode")).isEqualTo("USD");
        assertThat(comp.getString("interval")).isEqualTo("1 YEAR");
        assertThat(compensation.get("currency")).isNull();

        assertThat(customFieldEntry("applications", 1, "How did you hear about us").get("value"))
                .as("a null value stays null").isNull();

        // 'json' holds each value exactly, whatever its shape
        for (String resource : List.of("candidates", "applications")) {
            List<JsonNode> examples = examples(resource);
            for (int i = 0; i < examples.size(); i++) {
                for (JsonNode cf : examples.get(i).get("customFields")) {
                    if (cf.hasNonNull("value")) {
                        assertThat(customField(resource, i, cf.get("title").asText()).getString("json"))
                                .as("%s[%d] %s", resource, i, cf.get("title")).isEqualTo(cf.get("value").toString());
                    }
                }
            }
        }
    }

    @Test
    void valueLabelsKeepStringsAndLists() {
        assertThat(customFieldEntry("applications", 0, "How did you hear about us").getStruct("valueLabel")
                .getString("string_value")).isEqualTo("Referral program");
        assertThat(customFieldEntry("candidates", 0, "Preferred teams").getStruct("valueLabel")
                .getArray("list_value")).containsExactly("Backend Engineering", "Infrastructure");
    }

    @Test
    void feedbackAnswersOfAnyShapeAreKeptByPath() {
        Struct first = convert("application_feedback", 0);
        Map<String, Struct> answers = first.getMap("submittedValues");
        assertThat(answers).containsOnlyKeys("overall_recommendation", "technical_skills", "detailed_feedback",
                "strengths", "expected_compensation", "would_work_with");
        assertThat(answers.get("overall_recommendation").getString("string_value")).isEqualTo("strong_hire");
        assertThat(answers.get("technical_skills").getString("type")).isEqualTo("object");
        assertThat(answers.get("technical_skills").getString("json")).isEqualTo("{\"score\":4}");
        assertThat(answers.get("strengths").getArray("list_value")).containsExactly("system_design", "communication");
        assertThat(answers.get("expected_compensation").getStruct("range").getString("interval")).isEqualTo("1 YEAR");
        assertThat(answers.get("would_work_with").getBoolean("boolean_value")).isTrue();

        Map<String, Struct> second = convert("application_feedback", 1).getMap("submittedValues");
        assertThat(second.get("notice_period_weeks").getFloat64("number_value")).isEqualTo(6.0);
        assertThat(second.get("salary_expectation").getStruct("currency").getString("currencyCode")).isEqualTo("EUR");
        assertThat(second.get("unanswered_question").getString("type")).isEqualTo("null");
        assertThat(second.get("unanswered_question").getString("json")).isEqualTo("null");
    }

    @Test
    void nestedRecordsAndTimestampsArriveTyped() {
        Struct schedule = convert("interview_schedules", 0);
        Struct event = (Struct) schedule.getArray("interviewEvents").get(0);
        assertThat(event.get("startTime")).isEqualTo(Date.from(Instant.parse("2026-03-03T17:00:00.000Z")));
        Struct interviewer = (Struct) event.getArray("interviewers").get(0);
        assertThat(interviewer.getString("firstName")).isEqualTo("Maya");
        assertThat(interviewer.getStruct("interviewerPool").getStruct("trainingPath").getArray("trainingStages"))
                .hasSize(1);
        assertThat(event.getMap("extraData")).containsEntry("partner_room_id", "R-42");

        Struct offer = convert("offers", 0);
        assertThat(offer.getStruct("latestVersion").get("createdAt"))
                .isEqualTo(Date.from(Instant.parse("2026-02-20T14:00:03.777Z")));
        assertThat(offer.getStruct("latestVersion").getStruct("salary").getFloat64("value")).isEqualTo(172000.0);

        Struct history = convert("application_history", 1);
        assertThat(history.getInt32("stageNumber")).isEqualTo(1);
        assertThat(history.get("leftStageAt")).isNull();
    }

    @Test
    void aWrongValueDeepInsideNamesItsPath() {
        ObjectNode candidate = examples("candidates").get(0).deepCopy();
        ((ObjectNode) candidate.get("creditedToUser")).put("updatedAt", "yesterday");
        assertThatThrownBy(() -> converter("candidates").convert(candidate))
                .isInstanceOf(RecordConversionException.class)
                .hasMessageContaining("record id=d0f2a4c6-8e0a-4d2f-b5a7-c9e1b3d5f716: field 'creditedToUser.updatedAt'");
    }

    private static Struct convert(String resource, int index) {
        return converter(resource).convert(examples(resource).get(index));
    }

    private static Struct customFieldEntry(String resource, int index, String title) {
        for (Object o : convert(resource, index).getArray("customFields")) {
            Struct entry = (Struct) o;
            if (title.equals(entry.getString("title"))) {
                return entry;
            }
        }
        return fail("no custom field '%s' in %s[%d]", title, resource, index);
    }

    private static Struct customField(String resource, int index, String title) {
        Struct value = customFieldEntry(resource, index, title).getStruct("value");
        assertThat(value).as("%s[%d] %s", resource, index, title).isNotNull();
        return value;
    }

    /** Paths of declared fields ({@code a.b}, {@code a[].b}); maps and values of any shape are leaves. */
    private static void declaredPaths(Schema struct, String prefix, Set<String> out) {
        for (Field field : struct.fields()) {
            String path = prefix.isEmpty() ? field.name() : prefix + "." + field.name();
            out.add(path);
            Schema schema = field.schema();
            if (schema.type() == Schema.Type.ARRAY) {
                schema = schema.valueSchema();
                path += "[]";
            }
            if (schema.type() == Schema.Type.STRUCT && !ExampleRecords.isAnyValue(schema)) {
                declaredPaths(schema, path, out);
            }
        }
    }

    /** Paths with a non-null value in {@code json}, in the notation of {@link #declaredPaths}. */
    private static void presentPaths(JsonNode json, String prefix, Set<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                continue;
            }
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            out.add(path);
            if (e.getValue().isObject()) {
                presentPaths(e.getValue(), path, out);
            } else if (e.getValue().isArray()) {
                for (JsonNode item : e.getValue()) {
                    if (item.isObject()) {
                        presentPaths(item, path + "[]", out);
                    }
                }
            }
        }
    }
}
