package io.kafkaconnect.greenhouse.schema;

import static io.kafkaconnect.greenhouse.schema.Types.BOOLEAN;
import static io.kafkaconnect.greenhouse.schema.Types.DATE;
import static io.kafkaconnect.greenhouse.schema.Types.INT64;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.array;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.harvest.HarvestCustomFieldSpecs;
import java.time.Instant;
import java.util.Date;
import io.kafkaconnect.greenhouse.util.LogCapture;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

class RecordConverterTest {
    private static final StructSpec PERSON = struct(
            field("id", INT64), field("name", STRING), field("private", BOOLEAN), field("updated_at", TIMESTAMP),
            field("born_on", DATE),
            field("manager", struct(field("id", INT64), field("name", STRING))),
            field("phones", array(struct(field("value", STRING), field("type", STRING)))),
            field("tags", array(STRING)),
            field("custom_fields", HarvestCustomFieldSpecs.CUSTOM_FIELDS),
            field("keyed_custom_fields", HarvestCustomFieldSpecs.KEYED_CUSTOM_FIELDS));

    private final ObjectMapper json = new ObjectMapper();
    private final UnknownFieldLog unknown = new UnknownFieldLog();
    private final RecordConverter converter = new RecordConverter("people", "test.Person", PERSON, unknown);

    @Test
    void convertsNestedStructsArraysTimestampsAndDates() throws Exception {
        Struct s = converter.convert(json.readTree("""
                {"id": 7, "name": "Ada", "private": false, "updated_at": "2016-02-03T16:38:46.985Z",
                 "born_on": "1992-01-27", "manager": {"id": 1, "name": "Bo"},
                 "phones": [{"value": "555", "type": "mobile"}], "tags": ["a", "b"]}"""));

        assertThat(s.getInt64("id")).isEqualTo(7L);
        assertThat(s.get("updated_at")).isEqualTo(Date.from(Instant.parse("2016-02-03T16:38:46.985Z")));
        assertThat(s.get("born_on")).isEqualTo(Date.from(Instant.parse("1992-01-27T00:00:00Z")));
        assertThat(s.getStruct("manager").getString("name")).isEqualTo("Bo");
        assertThat(s.<Struct>getArray("phones").get(0).getString("type")).isEqualTo("mobile");
        assertThat(s.getArray("tags")).containsExactly("a", "b");
        s.validate();
    }

    @Test
    void theSchemaIsNamedOptionalWhereTheApiMaySendNullAndUsesLogicalTypes() {
        Schema schema = converter.schema();
        assertThat(schema.name()).isEqualTo("test.Person");
        assertThat(schema.isOptional()).isFalse();
        assertThat(schema.fields()).allSatisfy(f -> assertThat(f.schema().isOptional()).isTrue());
        assertThat(schema.field("updated_at").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(schema.field("manager").schema().name()).isEqualTo("test.Person.manager");
        assertThat(schema.field("phones").schema().valueSchema().name()).isEqualTo("test.Person.phones");
    }

    @Test
    void nullsAndMissingFieldsStayNull() throws Exception {
        Struct s = converter.convert(json.readTree("{\"id\": 1, \"name\": null, \"manager\": null}"));
        assertThat(s.get("name")).isNull();
        assertThat(s.get("manager")).isNull();
        assertThat(s.get("tags")).isNull();
    }

    @Test
    void keepsEveryCustomFieldValueWhateverItsShape() throws Exception {
        Struct s = converter.convert(json.readTree("""
                {"id": 1, "custom_fields": {"salary": "100", "remote": true, "years": 3.5, "langs": ["java", "go"],
                  "budget": {"value": 100000, "currency": "USD"}, "gone": null},
                 "keyed_custom_fields": {"salary_range": {"name": "Salary Range", "type": "currency_range",
                  "value": {"min_value": 70000, "max_value": 90000, "unit": "USD"}}}}"""));

        Map<String, Struct> custom = s.getMap("custom_fields");
        assertThat(custom.get("salary").getString("string_value")).isEqualTo("100");
        assertThat(custom.get("remote").getBoolean("boolean_value")).isTrue();
        assertThat(custom.get("years").getFloat64("number_value")).isEqualTo(3.5);
        assertThat(custom.get("langs").getArray("list_value")).containsExactly("java", "go");
        assertThat(custom.get("budget").getString("type")).isEqualTo("object");
        assertThat(json.readTree(custom.get("budget").getString("json")))
                .isEqualTo(json.readTree("{\"value\": 100000, \"currency\": \"USD\"}"));
        assertThat(custom.get("gone").getString("type")).isEqualTo("null");
        Struct keyed = s.<String, Struct>getMap("keyed_custom_fields").get("salary_range");
        assertThat(keyed.getString("type")).isEqualTo("currency_range");
        assertThat(json.readTree(keyed.getStruct("value").getString("json")).get("max_value").asInt()).isEqualTo(90000);
        s.validate();
    }

    @Test
    void unknownFieldsAreReportedOncePerFieldWhateverTheirIndexInAList() throws Exception {
        converter.convert(json.readTree("{\"id\": 1, \"brand_new\": 5, \"manager\": {\"id\": 2, \"extra\": true}}"));
        converter.convert(json.readTree("{\"id\": 2, \"brand_new\": 6, \"phones\": [{\"new\": 1}, {\"new\": 2}]}"));
        assertThat(unknown.seen()).containsExactlyInAnyOrder("people/brand_new", "people/manager.extra",
                "people/phones[].new");
    }

    private static final String WITH_UNDECLARED = """
            {"id": 1, "name": "Ada", "brand_new": 5, "manager": {"id": 2, "extra": {"a": [1, null]}},
             "phones": [{"value": "555"}, {"value": "556", "note": "x", "gone": null}], "_undeclared": "mine"}""";

    @Test
    void undeclaredPropertiesAreKeptAsOneJsonObjectByPathTopLevelAndNested() throws Exception {
        Struct s = converter.convert(json.readTree(WITH_UNDECLARED));
        assertThat(s.getString(RecordConverter.UNDECLARED_FIELD)).isEqualTo("{\"brand_new\":5,"
                + "\"manager.extra\":{\"a\":[1,null]},\"phones[1].note\":\"x\",\"phones[1].gone\":null,"
                + "\"_undeclared\":\"mine\"}");
        assertThat(s.getString("name")).isEqualTo("Ada");
        assertThat(s.getStruct("manager").getInt64("id")).isEqualTo(2L);
        assertThat(s.<Struct>getArray("phones").get(1).getString("value")).isEqualTo("556");
        s.validate();
        assertThat(converter.convert(json.readTree("{\"id\": 2, \"manager\": {\"id\": 3}}"))
                .get(RecordConverter.UNDECLARED_FIELD)).as("the next record has none").isNull();
    }

    @Test
    void dropLeavesTheRecordAsIfTheUndeclaredPropertiesWereNotThereAndStillReportsThem() throws Exception {
        UnknownFieldLog dropping = new UnknownFieldLog(UndeclaredFields.DROP);
        RecordConverter drops = new RecordConverter("people", "test.Person", PERSON, dropping);
        Struct s = drops.convert(json.readTree(WITH_UNDECLARED));
        Struct without = drops.convert(json.readTree("""
                {"id": 1, "name": "Ada", "manager": {"id": 2}, "phones": [{"value": "555"}, {"value": "556"}]}"""));
        assertThat(s.get(RecordConverter.UNDECLARED_FIELD)).isNull();
        assertThat(s).isEqualTo(without);
        assertThat(drops.schema()).as("the same schema either way").isEqualTo(converter.schema());
        assertThat(dropping.seen()).containsExactlyInAnyOrder("people/brand_new", "people/manager.extra",
                "people/phones[].note", "people/phones[].gone", "people/_undeclared");
    }

    @Test
    void theLogSaysOnceWhetherAnUndeclaredFieldIsKeptOrDropped() throws Exception {
        RecordConverter drops = new RecordConverter("people", "test.Person", PERSON,
                new UnknownFieldLog(UndeclaredFields.DROP));
        List<String> lines;
        try (LogCapture logs = new LogCapture()) {
            converter.convert(json.readTree("{\"id\": 1, \"brand_new\": 5}"));
            converter.convert(json.readTree("{\"id\": 2, \"brand_new\": 6}"));
            drops.convert(json.readTree("{\"id\": 3, \"brand_new\": 7}"));
            lines = logs.lines().stream().filter(l -> l.contains("'brand_new'")).toList();
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("people").contains("kept in '_undeclared'");
        assertThat(lines.get(1)).contains("dropped").contains("undeclared.fields=drop");
    }

    @Test
    void everyRecordSchemaEndsWithTheOptionalUndeclaredStringAndNoSpecMayDeclareIt() {
        Field last = converter.schema().fields().get(converter.schema().fields().size() - 1);
        assertThat(last.name()).isEqualTo(RecordConverter.UNDECLARED_FIELD);
        assertThat(last.schema().type()).isEqualTo(Schema.Type.STRING);
        assertThat(last.schema().isOptional()).isTrue();
        assertThat(converter.convert(json.createObjectNode().put("id", 1)).get(last)).isNull();
        assertThatThrownBy(() -> new RecordConverter("people", "test.Person",
                struct(field("id", INT64), field(RecordConverter.UNDECLARED_FIELD, STRING)), unknown))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    }

    @Test
    void aValueOfTheWrongTypeNamesResourceRecordAndField() {
        assertThatThrownBy(() -> converter.convert(json.readTree("{\"id\": 42, \"manager\": {\"id\": \"abc\"}}")))
                .isInstanceOf(RecordConversionException.class)
                .hasMessageContaining("people").hasMessageContaining("id=42").hasMessageContaining("'manager.id'")
                .hasMessageContaining("record.conversion.errors");
        assertThatThrownBy(() -> converter.convert(json.readTree("{\"id\": 43, \"tags\": \"x\"}")))
                .hasMessageContaining("'tags'").hasMessageContaining("a list");
        assertThatThrownBy(() -> converter.convert(json.readTree("{\"id\": 44, \"updated_at\": \"yesterday\"}")))
                .hasMessageContaining("'updated_at'").hasMessageContaining("ISO-8601");
    }

    @Test
    void aConversionErrorNamesTheFieldButNeverShowsItsValue() {
        String personal = "ada.lovelace@example.com";
        for (String record : new String[] {
                "{\"id\": 45, \"manager\": {\"id\": \"" + personal + "\"}}",
                "{\"id\": 46, \"updated_at\": \"" + personal + "\"}",
                "{\"id\": 47, \"born_on\": \"" + personal + "\"}",
                "{\"id\": 48, \"private\": {\"note\": \"" + personal + "\"}}",
                "{\"id\": 49, \"phones\": [{\"value\": [\"" + personal + "\"]}]}",
                "{\"id\": 50, \"custom_fields\": [\"" + personal + "\"]}"}) {
            assertThatThrownBy(() -> converter.convert(json.readTree(record)))
                    .isInstanceOf(RecordConversionException.class)
                    .hasMessageContaining("people").hasMessageContaining("id=")
                    .hasMessageNotContaining(personal).hasMessageNotContaining("lovelace");
        }
        assertThatThrownBy(() -> converter.convert(json.readTree("{\"id\": 51, \"name\": [\"" + personal + "\"]}")))
                .hasMessageContaining("id=51").hasMessageContaining("'name'").hasMessageContaining("a JSON array")
                .hasMessageNotContaining(personal);
    }

    @Test
    void timestampsAcceptSecondsOffsetsAndBareDates() {
        assertThat(Types.parseInstant("2013-12-10T14:42:58Z")).isEqualTo(Instant.parse("2013-12-10T14:42:58Z"));
        assertThat(Types.parseInstant("2013-12-10T15:42:58+01:00")).isEqualTo(Instant.parse("2013-12-10T14:42:58Z"));
        assertThat(Types.parseInstant("2013-12-10")).isEqualTo(Instant.parse("2013-12-10T00:00:00Z"));
        assertThat(Types.parseInstant("nope")).isNull();
    }

    @Test
    void aBadValueBeforeTheIdNamesTheRecordAndLeavesTheParserAtItsEndSoTheNextRecordReads() throws Exception {
        try (com.fasterxml.jackson.core.JsonParser parser = json.getFactory().createParser("""
                [{"phones": [{"value": "555", "type": {"deep": [1, {"x": 2}]}}], "tags": ["a"], "id": 7},
                 {"id": 8, "name": "Bo"}]""")) {
            parser.nextToken();
            parser.nextToken();
            assertThatThrownBy(() -> converter.read(parser)).isInstanceOf(RecordConversionException.class)
                    .hasMessageContaining("id=7").hasMessageContaining("'phones[0].type'")
                    .hasMessageContaining("should be a string but is a JSON object");
            assertThat(parser.currentToken()).isEqualTo(com.fasterxml.jackson.core.JsonToken.END_OBJECT);
            parser.nextToken();
            Struct next = converter.read(parser);
            assertThat(next.getInt64("id")).isEqualTo(8L);
            assertThat(next.getString("name")).isEqualTo("Bo");
        }
    }
}
