package io.kafkaconnect.greenhouse.ashby;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.schema.CustomFieldSpecs;
import io.kafkaconnect.greenhouse.schema.TypeSpec;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * Ashby's polymorphic values (custom field {@code value}, feedback {@code submittedValues}): the
 * {@link CustomFieldSpecs} value struct plus typed copies of Ashby's object shapes. {@code type} is one of
 * {@code boolean, number, string, list, currency, number-range, compensation-range, object, null};
 * {@code json} always holds the exact JSON text.
 */
public final class AshbyCustomFieldSpecs {
    /** {@code type} of {@code {value, currencyCode}} (a Currency field). */
    public static final String CURRENCY = "currency";
    /** {@code type} of {@code {type:"number-range", minValue, maxValue}} (a NumberRange field). */
    public static final String NUMBER_RANGE = "number-range";
    /** {@code type} of {@code {type:"compensation-range", minValue, maxValue, currencyCode, interval}}. */
    public static final String COMPENSATION_RANGE = "compensation-range";

    private static final String DOC = "An Ashby value of any shape: 'json' holds it exactly; 'type' names its shape "
            + "(boolean, number, string, list, currency, number-range, compensation-range, object, null) and the "
            + "matching typed field holds it. Dates stay ISO strings in 'string_value', as Ashby sends them.";

    private AshbyCustomFieldSpecs() {
    }

    /** One value of any shape, e.g. a custom field's {@code value}. */
    public static final TypeSpec VALUE = name -> {
        Schemas schemas = schemas(name);
        return new TypeSpec.Compiled(schemas.value(), (parser, ctx) -> toValue(schemas, ctx.tree(parser)));
    };

    /**
     * A JSON object whose keys are open (e.g. feedback {@code submittedValues}, keyed by form field path): key →
     * value struct. A null entry becomes a value of type {@code null}.
     */
    public static final TypeSpec VALUES_BY_KEY = name -> {
        Schemas schemas = schemas(name);
        Schema schema = SchemaBuilder.map(Schema.STRING_SCHEMA, schemas.value()).optional()
                .doc("Key → value; each value keeps its exact JSON in 'json'").build();
        return new TypeSpec.Compiled(schema, (parser, ctx) -> CustomFieldSpecs.readMap(parser, ctx,
                v -> toValue(schemas, v)));
    };

    private record Schemas(Schema value, Schema currency, Schema range) {
    }

    private static Schemas schemas(String name) {
        Schema currency = SchemaBuilder.struct().name(name + ".currency").optional()
                .doc("A Currency value {value, currencyCode}")
                .field("value", Schema.OPTIONAL_FLOAT64_SCHEMA)
                .field("currencyCode", Schema.OPTIONAL_STRING_SCHEMA)
                .build();
        Schema range = SchemaBuilder.struct().name(name + ".range").optional()
                .doc("A number-range or compensation-range value (currencyCode and interval only on the latter)")
                .field("type", Schema.OPTIONAL_STRING_SCHEMA)
                .field("minValue", Schema.OPTIONAL_FLOAT64_SCHEMA)
                .field("maxValue", Schema.OPTIONAL_FLOAT64_SCHEMA)
                .field("currencyCode", Schema.OPTIONAL_STRING_SCHEMA)
                .field("interval", Schema.OPTIONAL_STRING_SCHEMA)
                .build();
        Schema value = CustomFieldSpecs.valueSchemaBuilder(name, DOC)
                .field(CURRENCY, currency)
                .field("range", range)
                .field("json", Schema.STRING_SCHEMA)
                .build();
        return new Schemas(value, currency, range);
    }

    private static Struct toValue(Schemas schemas, JsonNode v) {
        Struct s = CustomFieldSpecs.toValue(schemas.value(), v);
        if (!v.isObject()) {
            return s;
        }
        String kind = text(v.get("type"));
        if (NUMBER_RANGE.equals(kind) || COMPENSATION_RANGE.equals(kind)) {
            s.put("type", kind);
            s.put("range", new Struct(schemas.range())
                    .put("type", kind)
                    .put("minValue", number(v.get("minValue")))
                    .put("maxValue", number(v.get("maxValue")))
                    .put("currencyCode", text(v.get("currencyCode")))
                    .put("interval", text(v.get("interval"))));
        } else if (kind == null && v.has("currencyCode") && v.has("value")) {
            s.put("type", CURRENCY);
            s.put(CURRENCY, new Struct(schemas.currency())
                    .put("value", number(v.get("value")))
                    .put("currencyCode", text(v.get("currencyCode"))));
        }
        return s;
    }

    /** A typed copy only where it is exact; anything else stays in 'json' alone. */
    private static Double number(JsonNode node) {
        return node != null && node.isNumber() ? node.doubleValue() : null;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
