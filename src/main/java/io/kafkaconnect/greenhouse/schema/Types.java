package io.kafkaconnect.greenhouse.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/** The building blocks of resource schemas. Every schema they make is optional. */
public final class Types {
    public static final TypeSpec STRING = name -> new TypeSpec.Compiled(Schema.OPTIONAL_STRING_SCHEMA, Types::readString);
    public static final TypeSpec INT64 = name -> new TypeSpec.Compiled(Schema.OPTIONAL_INT64_SCHEMA, Types::readLong);
    public static final TypeSpec INT32 = name -> new TypeSpec.Compiled(Schema.OPTIONAL_INT32_SCHEMA, Types::readInt);
    public static final TypeSpec FLOAT64 = name -> new TypeSpec.Compiled(Schema.OPTIONAL_FLOAT64_SCHEMA, Types::readDouble);
    public static final TypeSpec BOOLEAN = name -> new TypeSpec.Compiled(Schema.OPTIONAL_BOOLEAN_SCHEMA, Types::readBoolean);
    /** An ISO-8601 instant, as Connect {@code Timestamp}. */
    public static final TypeSpec TIMESTAMP = name -> new TypeSpec.Compiled(Timestamp.builder().optional().build(),
            Types::readTimestamp);
    /** A {@code YYYY-MM-DD} date, as Connect {@code Date}. */
    public static final TypeSpec DATE = name -> new TypeSpec.Compiled(
            org.apache.kafka.connect.data.Date.builder().optional().build(), Types::readDate);

    private Types() {
    }

    public static StructSpec.Field field(String name, TypeSpec type) {
        return new StructSpec.Field(name, type);
    }

    public static StructSpec struct(StructSpec.Field... fields) {
        return StructSpec.of(fields);
    }

    public static TypeSpec array(TypeSpec element) {
        return name -> {
            TypeSpec.Compiled item = element.compile(name);
            Schema schema = SchemaBuilder.array(item.schema()).optional().build();
            JsonReader itemReader = item.reader();
            JsonReader reader = (node, ctx, path) -> {
                if (!node.isArray()) {
                    throw ctx.mismatch(path, "a list", node);
                }
                List<Object> values = new ArrayList<>(node.size());
                int i = 0;
                for (JsonNode el : node) {
                    values.add(el.isNull() ? null : itemReader.read(el, ctx, path + "[" + i + "]"));
                    i++;
                }
                return values;
            };
            return new TypeSpec.Compiled(schema, reader);
        };
    }

    /**
     * A JSON object with arbitrary keys (e.g. a free-form {@code extraData}), as a Connect map from string to
     * {@code value}. A null entry stays null; the key is kept.
     */
    public static TypeSpec map(TypeSpec value) {
        return name -> {
            TypeSpec.Compiled item = value.compile(name);
            Schema schema = SchemaBuilder.map(Schema.STRING_SCHEMA, item.schema()).optional().build();
            JsonReader itemReader = item.reader();
            JsonReader reader = (node, ctx, path) -> {
                if (!node.isObject()) {
                    throw ctx.mismatch(path, "an object", node);
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode v = e.getValue();
                    values.put(e.getKey(), v.isNull() ? null : itemReader.read(v, ctx, path + "." + e.getKey()));
                }
                return values;
            };
            return new TypeSpec.Compiled(schema, reader);
        };
    }

    static Object readString(JsonNode node, ReadContext ctx, String path) {
        if (node.isValueNode()) {
            return node.asText();
        }
        throw ctx.mismatch(path, "a string", node);
    }

    static Object readLong(JsonNode node, ReadContext ctx, String path) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        throw ctx.mismatch(path, "an integer", node);
    }

    static Object readInt(JsonNode node, ReadContext ctx, String path) {
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        throw ctx.mismatch(path, "a 32-bit integer", node);
    }

    static Object readDouble(JsonNode node, ReadContext ctx, String path) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        throw ctx.mismatch(path, "a number", node);
    }

    static Object readBoolean(JsonNode node, ReadContext ctx, String path) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        throw ctx.mismatch(path, "true or false", node);
    }

    static Object readTimestamp(JsonNode node, ReadContext ctx, String path) {
        if (!node.isTextual()) {
            throw ctx.mismatch(path, "an ISO-8601 timestamp", node);
        }
        Instant instant = parseInstant(node.asText());
        if (instant == null) {
            throw ctx.invalid(path, "is a text that is not an ISO-8601 timestamp");
        }
        return Date.from(instant);
    }

    static Object readDate(JsonNode node, ReadContext ctx, String path) {
        if (!node.isTextual()) {
            throw ctx.mismatch(path, "a YYYY-MM-DD date", node);
        }
        String text = node.asText();
        try {
            LocalDate date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            throw ctx.invalid(path, "is a text that is not a YYYY-MM-DD date");
        }
    }

    /** Parses ISO-8601 timestamps (e.g. Harvest's): {@code Z} or an offset, with or without fractions, or a date. */
    public static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }
}
