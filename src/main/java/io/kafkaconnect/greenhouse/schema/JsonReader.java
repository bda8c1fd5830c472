package io.kafkaconnect.greenhouse.schema;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads one JSON value from a streaming parser into a Connect value. The parser stands on the value's first token
 * (never a JSON null: callers handle absence) and is left on its last token; the value's path in the record is the
 * context's ({@link ReadContext#path()}).
 */
@FunctionalInterface
public interface JsonReader {
    Object read(JsonParser parser, ReadContext context) throws IOException;
}
