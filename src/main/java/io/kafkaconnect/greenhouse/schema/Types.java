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
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/** The building blocks of resource schemas. Every schema they make is optional. */
public final class Types {
    /** Any JSON scalar, as its text. */
    public static final TypeSpec STRING = scalar(Schema.OPTIONAL_STRING_SCHEMA, "a string", JsonNode::isValueNode,
            JsonNode::asText);
    public static final TypeSpec INT64 = scalar(Schema.OPTIONAL_INT64_SCHEMA, "an integer",
            n -> n.isIntegralNumber() && n.canConvertToLong(), JsonNode::longValue);
    public static final TypeSpec INT32 = scalar(Schema.OPTIONAL_INT32_SCHEMA, "a 32-bit integer",
            n -> n.isIntegralNumber() && n.canConvertToInt(), JsonNode::intValue);
    public static final TypeSpec FLOAT64 = scalar(Schema.OPTIONAL_FLOAT64_SCHEMA, "a number", JsonNode::isNumber,
            JsonNode::doubleValue);
    public static final TypeSpec BOOLEAN = scalar(Schema.OPTIONAL_BOOLEAN_SCHEMA, "true or false", JsonNode::isBoolean,
            JsonNode::booleanValue);
    /** An ISO-8601 instant, as Connect {@code Timestamp}. */
    public static final TypeSpec TIMESTAMP = name -> new TypeSpec.Compiled(Timestamp.builder().optional().build(),
            Types::readTimestamp);
    /** A {@code YYYY-MM-DD} date, as Connect {@code Date}. */
    public static final TypeSpec DATE = name -> new TypeSpec.Compiled(
            org.apache.kafka.connect.data.Date.builder().optional().build(), Types::readDate);

    private Types() {
    }

    /** A JSON scalar that {@code accepts} (else the record is refused: it should be {@code expected}), as its value. */
    private static TypeSpec scalar(Schema schema, String expected, Predicate<JsonNode> accepts,
                                   Function<JsonNode, Object> value) {
        JsonReader reader = (node, ctx, path) -> {
            if (accepts.test(node)) {
                return value.apply(node);
            }
            throw ctx.mismatch(path, expected, node);
        };
        return name -> new TypeSpec.Compiled(schema, reader);
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
            JsonReader reader = (node, ctx, path) -> readObject(node, ctx, path, "an object",
                    (v, entryPath) -> v.isNull() ? null : itemReader.read(v, ctx, entryPath));
            return new TypeSpec.Compiled(schema, reader);
        };
    }

    /**
     * A JSON object with arbitrary keys as a map, in the object's order, each value read by {@code entry} with its
     * path; anything but an object is refused: it should be {@code expected}.
     */
    static Map<String, Object> readObject(JsonNode node, ReadContext ctx, String path, String expected,
                                          BiFunction<JsonNode, String, Object> entry) {
        if (!node.isObject()) {
            throw ctx.mismatch(path, expected, node);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), entry.apply(e.getValue(), path + "." + e.getKey()));
        }
        return values;
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
