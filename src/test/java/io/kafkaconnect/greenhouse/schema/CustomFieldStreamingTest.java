package io.kafkaconnect.greenhouse.schema;

import static io.kafkaconnect.greenhouse.schema.Types.INT64;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.kafkaconnect.greenhouse.harvest.HarvestCustomFieldSpecs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/**
 * Custom fields are read without Jackson trees where they can be ({@link JsonText}, the keyed entries, floats in
 * {@link ReadContext#tree}): each result is compared with what the tree-based reading made of the same JSON.
 */
class CustomFieldStreamingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VALUES = List.of("\"plain\"", "\"esc \\\" \\\\ / \\n \\t \\r \\b \\f \\u0001 \\u001f\"",
            "\"non-ASCII é ü 中文 \\u2028 😀\"", "\"del \\u007f slash / \\u0000\"",
            "\"\"", "0", "-7", "2147483648", "-9223372036854775808",
            "123456789012345678901234567890", "0.1", "-0.0", "3.0", "1e300", "1E-7", "2.5e-320", "123456.789e3",
            "true", "false", "null", "[]", "{}", "[1, \"a\", null, 2.5, [true], {\"k\": \"v\"}]",
            "{\"min_value\": 70000, \"max_value\": 90000.5, \"unit\": \"USD\", \"nested\": {\"a\": [null, \"\\\"\"]}}",
            "{\"dup\": 1, \"dup\": 2, \"é\\n\": \"x\"}");

    @Test
    void jsonTextIsWhatToStringWrites() throws Exception {
        for (String text : VALUES) {
            JsonNode node = JSON.readTree(text);
            assertThat(JsonText.of(node)).as(text).isEqualTo(node.toString());
        }
    }

    @Test
    void aTreeIsTheNodeJacksonWouldMake() throws Exception {
        ReadContext ctx = new ReadContext("r", new UnknownFieldLog());
        for (String text : VALUES) {
            try (JsonParser parser = JSON.getFactory().createParser(text + " 7")) {
                parser.nextToken();
                JsonNode node = ctx.tree(parser);
                JsonNode expected = JSON.readTree(text);
                assertThat(node).as(text).isEqualTo(expected);
                assertThat(node.getClass()).as(text).isEqualTo(expected.getClass());
                assertThat(node.toString()).as("%s, its members in order", text).isEqualTo(expected.toString());
                assertThat(parser.nextToken()).as("%s: the parser is left on its last token", text)
                        .isEqualTo(com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT);
            }
        }
    }

    @Test
    void keyedEntriesReadFromTheParserEqualTheEntriesReadFromTheirTrees() throws Exception {
        RecordConverter converter = new RecordConverter("people", "test.Person", struct(field("id", INT64),
                field("keyed_custom_fields", HarvestCustomFieldSpecs.KEYED_CUSTOM_FIELDS)), new UnknownFieldLog());
        StringBuilder entries = new StringBuilder();
        Map<String, String> byKey = new LinkedHashMap<>();
        int i = 0;
        for (String value : VALUES) {
            byKey.put("v" + i++, "{\"name\": \"Field\", \"type\": \"short_text\", \"value\": " + value + "}");
        }
        byKey.put("missing_value", "{\"name\": \"F\", \"type\": \"t\"}");
        byKey.put("odd_name_and_type", "{\"name\": 12, \"type\": [\"a\"], \"value\": 1, \"extra\": {\"x\": [1]}}");
        byKey.put("null_name", "{\"name\": null, \"value\": \"a\", \"value\": 2.5, \"type\": {\"k\": 1}}");
        byKey.put("empty", "{}");
        byKey.forEach((k, v) -> entries.append(entries.length() == 0 ? "" : ", ").append('"').append(k)
                .append("\": ").append(v));
        JsonNode record = JSON.readTree("{\"id\": 1, \"keyed_custom_fields\": {" + entries + "}}");

        Struct s = converter.convert(record);

        Map<String, Struct> read = s.getMap("keyed_custom_fields");
        Schema entrySchema = s.schema().field("keyed_custom_fields").schema().valueSchema();
        assertThat(read.keySet()).containsExactlyElementsOf(byKey.keySet());
        for (String key : byKey.keySet()) {
            JsonNode tree = record.get("keyed_custom_fields").get(key);
            assertThat(read.get(key)).as(key).isEqualTo(fromTree(entrySchema, tree));
        }
        s.validate();
    }

    /** What the entry's reader made of its tree before it read from the parser. */
    private static Struct fromTree(Schema entrySchema, JsonNode v) {
        Struct entry = new Struct(entrySchema);
        entry.put("name", textOrNull(v.get("name")));
        entry.put("type", textOrNull(v.get("type")));
        JsonNode value = v.get("value");
        Struct expected = CustomFieldSpecs.toValue(entrySchema.field("value").schema(),
                value == null ? NullNode.getInstance() : value);
        // the value's JSON text as toString writes it, whatever JsonText does
        expected.put("json", value == null ? "null" : value.isIntegralNumber() || value.isBoolean() || value.isNull()
                ? value.asText() : value.toString());
        entry.put("value", expected);
        return entry;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }
}
