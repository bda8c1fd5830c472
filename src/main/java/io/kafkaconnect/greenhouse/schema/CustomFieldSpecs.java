package io.kafkaconnect.greenhouse.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * Custom field values are polymorphic (string, number, boolean, list, currency or user object, null). They
 * are kept without loss as a {@code CustomFieldValue} struct: the JSON kind, a typed copy where one fits
 * (string, number, boolean, list of strings), and the value's exact JSON text. Maps with string keys and
 * fixed structs are accepted by Avro, Protobuf and JSON Schema converters alike. An API's own shapes of custom
 * fields are built from these parts in its package (e.g. {@code harvest.HarvestCustomFieldSpecs}).
 */
public final class CustomFieldSpecs {
    private CustomFieldSpecs() {
    }

    /** A single JSON value of any shape (e.g. a custom field's default value), in the same struct. */
    public static final TypeSpec ANY_VALUE = name -> {
        Schema schema = valueSchema(name);
        return new TypeSpec.Compiled(schema, (parser, ctx) -> toValue(schema, ctx.tree(parser)));
    };

    /** The value struct of {@link #ANY_VALUE}, named {@code name}. */
    public static Schema valueSchema(String name) {
        return valueSchemaBuilder(name,
                "A custom field value of any shape: 'json' holds it exactly; the typed fields hold it when it fits")
                .field("json", Schema.STRING_SCHEMA)
                .build();
    }

    /**
     * The value struct up to its typed copies ({@code type}, {@code string_value}, {@code number_value},
     * {@code boolean_value}, {@code list_value}); the caller adds its own fields and {@code json}, which
     * {@link #toValue} fills.
     */
    public static SchemaBuilder valueSchemaBuilder(String name, String doc) {
        return SchemaBuilder.struct().name(name).optional().doc(doc)
                .field("type", Schema.STRING_SCHEMA)
                .field("string_value", Schema.OPTIONAL_STRING_SCHEMA)
                .field("number_value", Schema.OPTIONAL_FLOAT64_SCHEMA)
                .field("boolean_value", Schema.OPTIONAL_BOOLEAN_SCHEMA)
                .field("list_value", SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).optional().build());
    }

    /** Fills {@code type}, {@code json} and the typed copy that fits; {@code schema} is built on {@link #valueSchemaBuilder}. */
    public static Struct toValue(Schema schema, JsonNode v) {
        Struct s = new Struct(schema);
        put(s, "json", json(v));
        if (v.isNull()) {
            put(s, "type", "null");
        } else if (v.isTextual()) {
            put(s, "type", "string");
            put(s, "string_value", v.asText());
        } else if (v.isNumber()) {
            put(s, "type", "number");
            put(s, "number_value", v.doubleValue());
        } else if (v.isBoolean()) {
            put(s, "type", "boolean");
            put(s, "boolean_value", v.booleanValue());
        } else if (v.isArray()) {
            put(s, "type", "list");
            List<String> items = new ArrayList<>(v.size());
            for (JsonNode item : v) {
                items.add(item.isNull() ? null : item.isValueNode() ? item.asText() : item.toString());
            }
            put(s, "list_value", items);
        } else {
            put(s, "type", "object");
        }
        return s;
    }

    /** Reads one entry's value (a JSON null as a {@code NullNode}); its path is the context's. */
    private static void put(Struct struct, String field, Object value) {
        StructValues.put(struct, field, value);
    }

    /** The value's exact JSON text, as {@code toString} writes it, without a generator for a string or scalar. */
    private static String json(JsonNode v) {
        return v.isIntegralNumber() || v.isBoolean() || v.isNull() ? v.asText() : JsonText.of(v);
    }

    public interface EntryReader {
        Object read(JsonNode value);
    }

    /** An object of custom fields, the parser on it: key → what {@code entries} makes of each value. */
    public static Object readMap(JsonParser parser, ReadContext ctx, EntryReader entries) throws IOException {
        return Types.readObject(parser, ctx, "an object of custom fields", (p, c) -> entries.read(c.tree(p)));
    }

    /** The same, each value read from the parser by {@code entries} (which leaves it on the value's last token). */
    public static Object readMap(JsonParser parser, ReadContext ctx, JsonReader entries) throws IOException {
        return Types.readObject(parser, ctx, "an object of custom fields", entries);
    }
}
