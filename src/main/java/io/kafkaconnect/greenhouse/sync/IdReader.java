package io.kafkaconnect.greenhouse.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kafkaconnect.greenhouse.api.RecordParser;
import java.io.IOException;

/**
 * Reads only the id of each record of a page and skips the rest of it unread into values: what an {@link IdScan}
 * needs of a record, without its {@code Struct}.
 */
public final class IdReader {

    private IdReader() {
    }

    /**
     * The record's top-level {@code keyField} as a set of {@code kind} holds it (a Long, a String), or null if it has
     * none of that kind: an integral number (a float within the long range, truncated) for {@link IdSet.Kind#NUMBER},
     * a string for {@link IdSet.Kind#STRING}. A repeated property counts by its last value.
     */
    public static RecordParser<Object> of(IdSet.Kind kind, String keyField) {
        return (parser, body) -> {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return null;
            }
            Object id = null;
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                if (keyField.equals(name)) {
                    id = value(kind, parser, token);
                } else {
                    parser.skipChildren();
                }
            }
            return id;
        };
    }

    private static Object value(IdSet.Kind kind, JsonParser parser, JsonToken token) throws IOException {
        if (kind == IdSet.Kind.NUMBER && token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? null : parser.getLongValue();
        }
        if (kind == IdSet.Kind.NUMBER && token == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = parser.getDoubleValue();
            return value >= Long.MIN_VALUE && value <= Long.MAX_VALUE ? (Long) (long) value : null;
        }
        if (kind == IdSet.Kind.STRING && token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }
}
