package io.kafkaconnect.greenhouse.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/** The building blocks of resource schemas. Every schema they make is optional. */
public final class Types {
    /** Any JSON scalar, as its text. */
    public static final TypeSpec STRING = scalar(Schema.OPTIONAL_STRING_SCHEMA, "a string", Types::readText);
    public static final TypeSpec INT64 = scalar(Schema.OPTIONAL_INT64_SCHEMA, "an integer", p ->
            p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                    ? p.getLongValue() : null);
    public static final TypeSpec INT32 = scalar(Schema.OPTIONAL_INT32_SCHEMA, "a 32-bit integer", p ->
            p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                    ? p.getIntValue() : null);
    public static final TypeSpec FLOAT64 = scalar(Schema.OPTIONAL_FLOAT64_SCHEMA, "a number", p ->
            p.currentToken().isNumeric() ? p.getDoubleValue() : null);
    public static final TypeSpec BOOLEAN = scalar(Schema.OPTIONAL_BOOLEAN_SCHEMA, "true or false", p ->
            p.currentToken().isBoolean() ? p.getBooleanValue() : null);
    /** An ISO-8601 instant, as Connect {@code Timestamp}. */
    public static final TypeSpec TIMESTAMP = name -> new TypeSpec.Compiled(Timestamp.builder().optional().build(),
            Types::readTimestamp);
    /** A {@code YYYY-MM-DD} date, as Connect {@code Date}. */
    public static final TypeSpec DATE = name -> new TypeSpec.Compiled(
            org.apache.kafka.connect.data.Date.builder().optional().build(), Types::readDate);

    private Types() {
    }

    /** The value of a scalar token, or null if the token is not one this type accepts. */
    @FunctionalInterface
    private interface ScalarValue {
        Object of(JsonParser parser) throws IOException;
    }

    /** A JSON scalar that {@code value} accepts (else the record is refused: it should be {@code expected}). */
    private static TypeSpec scalar(Schema schema, String expected, ScalarValue value) {
        JsonReader reader = (parser, ctx) -> {
            Object v = value.of(parser);
            if (v == null) {
                throw ctx.mismatch(expected, parser);
            }
            return v;
        };
        return name -> new TypeSpec.Compiled(schema, reader);
    }

    /** Any scalar as its text, as Jackson's tree gives it ({@code asText}): numbers in Java's notation. */
    private static String readText(JsonParser parser) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return parser.getText();
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return parser.getNumberValue().toString();
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return Double.toString(parser.getDoubleValue());
        }
        return null;
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
            JsonReader reader = (parser, ctx) -> {
                if (parser.currentToken() != JsonToken.START_ARRAY) {
                    throw ctx.mismatch("a list", parser);
                }
                List<Object> values = new ArrayList<>();
                int i = 0;
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    if (t == JsonToken.VALUE_NULL) {
                        values.add(null);
                    } else {
                        ctx.enter(i);
                        values.add(itemReader.read(parser, ctx));
                        ctx.leave();
                    }
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
            JsonReader reader = (parser, ctx) -> readObject(parser, ctx, "an object",
                    (p, c) -> p.currentToken() == JsonToken.VALUE_NULL ? null : itemReader.read(p, c));
            return new TypeSpec.Compiled(schema, reader);
        };
    }

    /**
     * A JSON object with arbitrary keys as a map, in the object's order, each value read by {@code entry} (which
     * also gets JSON nulls) with its path; anything but an object is refused: it should be {@code expected}.
     */
    static Map<String, Object> readObject(JsonParser parser, ReadContext ctx, String expected, JsonReader entry)
            throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw ctx.mismatch(expected, parser);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            parser.nextToken();
            ctx.enter(key);
            values.put(key, entry.read(parser, ctx));
            ctx.leave();
        }
        return values;
    }

    static Object readTimestamp(JsonParser parser, ReadContext ctx) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw ctx.mismatch("an ISO-8601 timestamp", parser);
        }
        Instant instant = parseInstant(parser.getText());
        if (instant == null) {
            throw ctx.invalid("is a text that is not an ISO-8601 timestamp");
        }
        return Date.from(instant);
    }

    static Object readDate(JsonParser parser, ReadContext ctx) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw ctx.mismatch("a YYYY-MM-DD date", parser);
        }
        String text = parser.getText();
        try {
            LocalDate date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            throw ctx.invalid("is a text that is not a YYYY-MM-DD date");
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
