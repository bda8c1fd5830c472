package io.kafkaconnect.greenhouse.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.schema.RecordConversionException;
import io.kafkaconnect.greenhouse.schema.RecordConverter;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.sync.SourceRecordFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource of every dialect against its example JSON ({@link ExampleRecords}), through the converter the
 * sync uses: no unknown field, nothing lost or altered, errors that name the field.
 */
class ResourceExamplesTest {
    private static final String ALL = "io.kafkaconnect.greenhouse.dialect.DialectResource#all";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void everyExampleConvertsWithoutUnknownFieldsOrLoss(DialectResource c) {
        Resource r = c.resource();
        UnknownFieldLog unknown = new UnknownFieldLog();
        SourceRecordFactory maker = c.maker(unknown);
        List<JsonNode> examples = c.examples();
        assertThat(examples).as(c.toString()).isNotEmpty();
        assertThat(maker.valueSchema().name()).isEqualTo(r.schemaName());

        for (JsonNode example : examples) {
            JsonNode id = example.path(r.keyField());
            String where = c + " " + id;
            SourceRecordFactory.Converted converted = maker.convert(example);
            converted.value().validate();
            Object key = converted.key().get(r.keyField());
            if (key instanceof Long) {
                assertThat(id.isIntegralNumber()).as("%s: an integer key", where).isTrue();
                assertThat(key).as(where).isEqualTo(id.longValue());
            } else {
                assertThat(id.isTextual()).as("%s: a string key", where).isTrue();
                assertThat(key).as(where).isEqualTo(id.textValue());
            }
            if (r.cursorField() != null && example.hasNonNull(r.cursorField())) {
                Instant changed = Instant.parse(example.get(r.cursorField()).asText());
                assertThat(converted.timestamp()).as(where).isEqualTo(changed.toEpochMilli());
                assertThat(converted.value().get(r.cursorField())).as(where).isEqualTo(Date.from(changed));
            } else {
                assertThat(converted.timestamp()).as(where).isNull();
            }
            assertArrived(where, example, converted.value(), converted.value().schema());
        }
        assertThat(unknown.seen()).as("fields the %s schema does not declare", c).isEmpty();
        if (r.cursorField() != null) {
            assertThat(examples).as("%s: an example with %s", c, r.cursorField())
                    .anyMatch(e -> e.hasNonNull(r.cursorField()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.dialect.DialectResource#dialects")
    void theExamplesCoverEveryResourceAndNoOther(Dialect dialect) throws IOException {
        try (Stream<Path> files = Files.list(ExampleRecords.directory(dialect.version()))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".json")))
                    .containsExactlyInAnyOrderElementsOf(dialect.resources().stream().map(r -> r.name() + ".json")
                            .toList());
        }
    }

    /**
     * At the top level, and inside the first nested record the first example has: reported with its path, and kept
     * by that path in {@link RecordConverter#UNDECLARED_FIELD}, the declared fields unchanged.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void anUndeclaredFieldIsReportedAndKeptWithItsPath(DialectResource c) {
        UnknownFieldLog unknown = new UnknownFieldLog();
        SourceRecordFactory maker = c.maker(unknown);
        JsonNode original = c.examples().get(0);
        ObjectNode example = original.deepCopy();
        example.put("brandNewField", 1);
        List<String> expected = new ArrayList<>(List.of(c.name() + "/brandNewField"));
        String expectedJson = "{\"brandNewField\":1}";
        for (Field field : maker.valueSchema().fields()) {
            if (field.schema().type() == Schema.Type.STRUCT && !ExampleRecords.isAnyValue(field.schema())
                    && example.path(field.name()).isObject()) {
                ((ObjectNode) example.get(field.name())).put("geo", "x");
                expected.add(c.name() + "/" + field.name() + ".geo");
                expectedJson = "{\"" + field.name() + ".geo\":\"x\",\"brandNewField\":1}";
                break;
            }
        }
        Struct value = maker.convert(example).value();
        assertThat(unknown.seen()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(value.getString(RecordConverter.UNDECLARED_FIELD)).isEqualTo(expectedJson);
        Struct declared = maker.convert(original).value();
        assertThat(declared.get(RecordConverter.UNDECLARED_FIELD)).isNull();
        for (Field field : maker.valueSchema().fields()) {
            if (!field.name().equals(RecordConverter.UNDECLARED_FIELD)) {
                assertThat(value.get(field)).as("%s.%s", c, field.name()).isEqualTo(declared.get(field));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ALL)
    void aValueOfTheWrongTypeNamesResourceIdAndField(DialectResource c) {
        Resource r = c.resource();
        SourceRecordFactory maker = c.maker(new UnknownFieldLog());
        JsonNode example = c.examples().get(0);
        String id = example.get(r.keyField()).asText();

        for (Field field : maker.valueSchema().fields()) {
            if (field.name().equals(r.keyField()) || ExampleRecords.isAnyValue(field.schema())
                    || field.name().equals(RecordConverter.UNDECLARED_FIELD)) {
                continue; // a value of any shape takes any JSON; a property named like the undeclared field is kept
            }
            ObjectNode broken = example.deepCopy();
            broken.set(field.name(), wrongValueFor(field.schema()));
            assertThatThrownBy(() -> maker.convert(broken))
                    .as("%s.%s", c, field.name())
                    .isInstanceOf(RecordConversionException.class)
                    .hasMessageContaining("Cannot convert " + r.name() + " record id=" + id + ": field '"
                            + field.name() + "'");
        }
    }

    /** Every non-null JSON value arrived, equal to the original (timestamps parsed, values of any shape exact). */
    private static void assertArrived(String where, JsonNode json, Object value, Schema schema) {
        if (json.isNull()) {
            return;
        }
        assertThat(value).as(where).isNotNull();
        if (ExampleRecords.isAnyValue(schema)) {
            assertThat(((Struct) value).getString("json")).as(where).isEqualTo(json.toString());
            return;
        }
        if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
            assertThat(value).as(where).isEqualTo(Date.from(Instant.parse(json.asText())));
            return;
        }
        if (org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(schema.name())) {
            assertThat(value).as(where)
                    .isEqualTo(Date.from(LocalDate.parse(json.asText()).atStartOfDay(ZoneOffset.UTC).toInstant()));
            return;
        }
        switch (schema.type()) {
            case STRUCT -> {
                Struct struct = (Struct) value;
                for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Field field = schema.field(e.getKey());
                    assertThat(field).as("%s.%s is declared", where, e.getKey()).isNotNull();
                    assertArrived(where + "." + e.getKey(), e.getValue(), struct.get(field), field.schema());
                }
            }
            case ARRAY -> {
                List<?> list = (List<?>) value;
                assertThat(list).as(where).hasSize(json.size());
                for (int i = 0; i < json.size(); i++) {
                    assertArrived(where + "[" + i + "]", json.get(i), list.get(i), schema.valueSchema());
                }
            }
            case MAP -> {
                @SuppressWarnings("unchecked")
                Map<Object, ?> map = (Map<Object, ?>) value;
                List<String> keys = new ArrayList<>();
                json.fieldNames().forEachRemaining(keys::add);
                assertThat(map.keySet()).as(where).containsExactlyInAnyOrderElementsOf(new ArrayList<Object>(keys));
                for (String key : keys) {
                    assertArrived(where + "." + key, json.get(key), map.get(key), schema.valueSchema());
                }
            }
            case STRING -> assertThat(value).as(where).isEqualTo(json.textValue());
            case BOOLEAN -> assertThat(value).as(where).isEqualTo(json.booleanValue());
            case INT32 -> assertThat(value).as(where).isEqualTo(json.intValue());
            case INT64 -> assertThat(value).as(where).isEqualTo(json.longValue());
            case FLOAT64 -> assertThat(value).as(where).isEqualTo(json.doubleValue());
            default -> fail("%s: unexpected schema type %s", where, schema.type());
        }
    }

    /** A JSON value no reader of that schema accepts. */
    private static JsonNode wrongValueFor(Schema schema) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return schema.type() == Schema.Type.ARRAY ? f.textNode("not a list") : f.arrayNode().add(1);
    }
}
