package io.kafkaconnect.greenhouse.harvest.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.RecordConversionException;
import io.kafkaconnect.greenhouse.schema.UnknownFieldLog;
import io.kafkaconnect.greenhouse.sync.RecordMaker;
import io.kafkaconnect.greenhouse.sync.SourcePartition;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every v3 resource's schema against its example JSON, through the same path the sync uses. */
class V3ExamplesTest {

    private static RecordMaker maker(Resource r, UnknownFieldLog unknown) {
        return new RecordMaker(r, "greenhouse." + r.name(), new SourcePartition("v3", "harvest.greenhouse.io", r.name()),
                unknown);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.harvest.v3.V3Examples#resources")
    void everyExampleConvertsWithoutUnknownFields(Resource r) {
        UnknownFieldLog unknown = new UnknownFieldLog();
        RecordMaker maker = maker(r, unknown);
        List<JsonNode> examples = V3Examples.of(r.name());
        assertThat(examples).hasSizeGreaterThanOrEqualTo(1);

        for (JsonNode example : examples) {
            RecordMaker.Converted c = maker.convert(example);
            c.value().validate();
            assertThat(c.key().getInt64(r.keyField())).isEqualTo(example.get(r.keyField()).longValue());
            if (r.cursorField() != null && example.hasNonNull(r.cursorField())) {
                Instant changed = Instant.parse(example.get(r.cursorField()).asText());
                assertThat(c.timestamp()).isEqualTo(changed.toEpochMilli());
                assertThat(c.value().get(r.cursorField())).isEqualTo(Date.from(changed));
            } else {
                assertThat(c.timestamp()).isNull();
            }
            assertEveryValueArrived(r.name(), example, c.value());
        }
        assertThat(unknown.seen()).as("fields the %s schema does not declare", r.name()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.harvest.v3.V3Examples#resources")
    void theFirstExampleHasEveryDeclaredField(Resource r) {
        JsonNode first = V3Examples.of(r.name()).get(0);
        assertThat(r.schema().fields().keySet()).as("fields of %s missing from its first example", r.name())
                .allSatisfy(f -> assertThat(first.has(f)).as(f).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.harvest.v3.V3Examples#resources")
    void aValueOfTheWrongTypeNamesResourceIdAndField(Resource r) {
        RecordMaker maker = maker(r, new UnknownFieldLog());
        JsonNode example = V3Examples.of(r.name()).get(0);
        String id = example.get(r.keyField()).asText();

        for (Field field : maker.valueSchema().fields()) {
            if (field.name().equals(r.keyField()) || field.name().equals("default_value")) {
                continue; // default_value takes any JSON
            }
            ObjectNode broken = example.deepCopy();
            broken.set(field.name(), wrongValueFor(field.schema()));
            assertThatThrownBy(() -> maker.convert(broken))
                    .as("%s.%s", r.name(), field.name())
                    .isInstanceOf(RecordConversionException.class)
                    .hasMessageContaining("Cannot convert " + r.name() + " record id=" + id + ": field '"
                            + field.name() + "'");
        }
    }

    /** A non-null top-level JSON value must not be dropped on the way (the converter keeps every declared field). */
    private static void assertEveryValueArrived(String resource, JsonNode json, Struct value) {
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNull()) {
                assertThat(value.get(e.getKey())).as("%s.%s", resource, e.getKey()).isNotNull();
            }
        }
    }

    /** A JSON value no reader of that schema accepts. */
    private static JsonNode wrongValueFor(Schema schema) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return schema.type() == Schema.Type.ARRAY ? f.textNode("not a list") : f.arrayNode().add(1);
    }
}
