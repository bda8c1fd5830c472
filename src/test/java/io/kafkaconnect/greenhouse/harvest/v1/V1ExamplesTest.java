package io.kafkaconnect.greenhouse.harvest.v1;

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
import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every resource's schema against the example JSON of the v1 docs, through the same path the sync uses. */
class V1ExamplesTest {

    private static RecordMaker maker(Resource r, UnknownFieldLog unknown) {
        return new RecordMaker(r, "greenhouse." + r.name(), new SourcePartition("v1", "harvest.greenhouse.io", r.name()),
                unknown);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.harvest.v1.V1Examples#resources")
    void everyDocExampleConvertsWithoutUnknownFields(Resource r) {
        UnknownFieldLog unknown = new UnknownFieldLog();
        RecordMaker maker = maker(r, unknown);
        List<JsonNode> examples = V1Examples.of(r.name());
        assertThat(examples).isNotEmpty();

        for (JsonNode example : examples) {
            RecordMaker.Converted c = maker.convert(example);
            c.value().validate();
            assertThat(c.key().getInt64(r.keyField())).isEqualTo(example.get(r.keyField()).longValue());
            if (r.cursorField() != null && example.hasNonNull(r.cursorField())) {
                Instant changed = Instant.parse(example.get(r.cursorField()).asText());
                assertThat(c.timestamp()).isEqualTo(changed.toEpochMilli());
                assertThat(c.value().get(r.cursorField())).isEqualTo(Date.from(changed));
            }
        }
        assertThat(unknown.seen()).as("fields the %s schema does not declare", r.name()).isEmpty();
        if (r.cursorField() != null) {
            assertThat(examples).anyMatch(e -> e.hasNonNull(r.cursorField()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.kafkaconnect.greenhouse.harvest.v1.V1Examples#resources")
    void aValueOfTheWrongTypeNamesResourceIdAndField(Resource r) {
        RecordMaker maker = maker(r, new UnknownFieldLog());
        JsonNode example = V1Examples.of(r.name()).get(0);
        String id = example.get(r.keyField()).asText();

        for (Field field : maker.valueSchema().fields()) {
            if (field.name().equals(r.keyField())) {
                continue;
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

    /** A JSON value no reader of that schema accepts. */
    private static JsonNode wrongValueFor(Schema schema) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return schema.type() == Schema.Type.ARRAY ? f.textNode("not a list") : f.arrayNode().add(1);
    }
}
