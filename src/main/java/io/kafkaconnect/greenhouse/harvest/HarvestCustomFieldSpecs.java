package io.kafkaconnect.greenhouse.harvest;

import static io.kafkaconnect.greenhouse.schema.CustomFieldSpecs.readMap;
import static io.kafkaconnect.greenhouse.schema.CustomFieldSpecs.toValue;
import static io.kafkaconnect.greenhouse.schema.CustomFieldSpecs.valueSchema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.kafkaconnect.greenhouse.schema.CustomFieldSpecs;
import io.kafkaconnect.greenhouse.schema.JsonReader;
import io.kafkaconnect.greenhouse.schema.ReadContext;
import io.kafkaconnect.greenhouse.schema.StructValues;
import io.kafkaconnect.greenhouse.schema.TypeSpec;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import java.io.IOException;
import org.apache.kafka.connect.data.Struct;

/** Harvest's two shapes of custom fields, each value kept as a {@link CustomFieldSpecs} value struct. */
public final class HarvestCustomFieldSpecs {
    private HarvestCustomFieldSpecs() {
    }

    /** {@code custom_fields}: field key → value. */
    public static final TypeSpec CUSTOM_FIELDS = name -> {
        Schema valueSchema = valueSchema(name + ".value");
        Schema schema = SchemaBuilder.map(Schema.STRING_SCHEMA, valueSchema).optional()
                .doc("Custom field key → value; each value keeps its exact JSON in 'json'").build();
        return new TypeSpec.Compiled(schema, (parser, ctx) -> readMap(parser, ctx,
                v -> toValue(valueSchema, v)));
    };

    /** {@code keyed_custom_fields} (v1; v3's {@code custom_fields}): immutable field key → {name, type, value}. */
    public static final TypeSpec KEYED_CUSTOM_FIELDS = name -> {
        Schema valueSchema = valueSchema(name + ".value");
        Schema entrySchema = SchemaBuilder.struct().name(name + ".entry").optional()
                .field("name", Schema.OPTIONAL_STRING_SCHEMA)
                .field("type", Schema.OPTIONAL_STRING_SCHEMA)
                .field("value", valueSchema)
                .build();
        Schema schema = SchemaBuilder.map(Schema.STRING_SCHEMA, entrySchema).optional()
                .doc("Immutable custom field key → {name, type, value}").build();
        return new TypeSpec.Compiled(schema, (parser, ctx) -> readMap(parser, ctx,
                (JsonReader) (p, c) -> readEntry(entrySchema, valueSchema, p, c)));
    };

    /**
     * One {name, type, value} entry from the parser, left on its last token: the same struct as from the entry's
     * tree (the last of a repeated property counts, others are skipped), without a tree of the entry.
     */
    private static Struct readEntry(Schema entrySchema, Schema valueSchema, JsonParser parser, ReadContext ctx)
            throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw ctx.mismatch("an object {name, type, value}", parser);
        }
        String name = null;
        String type = null;
        JsonNode value = NullNode.getInstance();
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            parser.nextToken();
            switch (key) {
                case "name" -> name = textOrNull(parser, ctx);
                case "type" -> type = textOrNull(parser, ctx);
                case "value" -> value = ctx.tree(parser);
                default -> parser.skipChildren();
            }
        }
        Struct entry = new Struct(entrySchema);
        StructValues.put(entry, "name", name);
        StructValues.put(entry, "type", type);
        return StructValues.put(entry, "value", toValue(valueSchema, value));
    }

    private static String textOrNull(JsonParser parser, ReadContext ctx) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : textOrNull(ctx.tree(parser));
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }
}
