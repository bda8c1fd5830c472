package io.kafkaconnect.greenhouse.token;

import com.fasterxml.jackson.core.JsonToken;
import io.kafkaconnect.greenhouse.api.RecordParser;
import java.util.ArrayList;
import java.util.List;

/**
 * What a per-parent resource needs of a record of its parent list: the id its child lists are asked for, and the
 * record's field names (never its values: personal data) for the message when it has none. The rest is skipped.
 *
 * @param id     the top-level {@code id} as text (whatever scalar it is); null if absent or not a scalar
 * @param fields the record's top-level field names, in order (a repeated one again)
 */
record ParentRecord(String id, List<String> fields) {

    /** Reads a record of a parent list (a repeated {@code id} counts by its last value). */
    static final RecordParser<ParentRecord> PARSER = (parser, body) -> {
        List<String> fields = new ArrayList<>();
        String id = null;
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new ParentRecord(null, fields);
        }
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            fields.add(name);
            if (!name.equals("id")) {
                parser.skipChildren();
            } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                id = Double.toString(parser.getDoubleValue()); // as a tree renders it
            } else if (token.isScalarValue()) {
                id = parser.getText();
            } else {
                parser.skipChildren();
                id = null;
            }
        }
        return new ParentRecord(id, fields);
    };
}
