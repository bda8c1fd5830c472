package io.kafkaconnect.greenhouse.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/**
 * Reads a few top-level fields of a record, each with the reader its schema declares, and skips the rest unread
 * into values: no Struct, no undeclared property noted (e.g. an id scan, which needs a record's id and change time
 * only). Thread-safe.
 */
public final class FieldsReader {
    private final List<String> fields;
    private final JsonReader[] readers;
    private final ThreadLocal<ReadContext> contexts;

    /** @param fields top-level scalar fields {@code spec} declares */
    public FieldsReader(String resource, StructSpec spec, List<String> fields) {
        this.fields = List.copyOf(fields);
        this.readers = new JsonReader[fields.size()];
        for (int i = 0; i < readers.length; i++) {
            TypeSpec type = spec.fields().get(fields.get(i));
            if (type == null) {
                throw new IllegalArgumentException(resource + ": no field " + fields.get(i) + " is declared");
            }
            readers[i] = type.compile(fields.get(i)).reader();
        }
        this.contexts = ThreadLocal.withInitial(() -> new ReadContext(resource, null));
    }

    /**
     * Reads the record the parser stands on to its last token.
     *
     * @return the fields' values in the order they were named; null where a field is absent, null, or contradicts
     *         its schema (all null if the record is not an object)
     */
    public Object[] read(JsonParser parser) throws IOException {
        Object[] values = new Object[readers.length];
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return values;
        }
        ReadContext context = contexts.get();
        context.startRecord();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            int field = fields.indexOf(name);
            if (field < 0 || token == JsonToken.VALUE_NULL) {
                parser.skipChildren();
                if (field >= 0) {
                    values[field] = null;
                }
                continue;
            }
            context.enter(name);
            try {
                values[field] = readers[field].read(parser, context);
            } catch (RecordConversionException e) {
                parser.skipChildren(); // the value that contradicts its field stands on its first token
                values[field] = null;
            }
            context.leave();
        }
        return values;
    }
}
