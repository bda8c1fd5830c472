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
        String text = parser.getText();
        long utc = utcMillis(text);
        if (utc != NOT_UTC) {
            return new Date(utc);
        }
        Instant instant = parseInstant(text);
        if (instant == null) {
            throw ctx.invalid("is a text that is not an ISO-8601 timestamp");
        }
        return Date.from(instant);
    }

    private static final long NOT_UTC = Long.MIN_VALUE;

    /**
     * The epoch milliseconds of {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} (the APIs' usual shape), or
     * {@link #NOT_UTC} for anything else ({@link #parseInstant} reads that). java.time's parser allocates a map
     * per call, and a record has several timestamps.
     */
    static long utcMillis(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return NOT_UTC;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        int millis = 0;
        if (n > 20) {
            if (t.charAt(19) != '.' || n > 30 || n == 21) {
                return NOT_UTC;
            }
            for (int i = 20; i < n - 1; i++) {
                int d = t.charAt(i) - '0';
                if (d < 0 || d > 9) {
                    return NOT_UTC;
                }
                if (i < 23) {
                    millis = millis * 10 + d;
                }
            }
            for (int i = Math.min(n - 1, 23); i < 23; i++) {
                millis *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > YearMonthDays.of(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_UTC;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    /** The number of {@code t[from, to)}, all digits, or -1. */
    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = t.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Days in a month. */
    private static final class YearMonthDays {
        private YearMonthDays() {
        }

        static int of(int year, int month) {
            return java.time.YearMonth.of(year, month).lengthOfMonth();
        }
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
