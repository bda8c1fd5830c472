package io.kafkaconnect.greenhouse.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads one record of a page from the answer's streaming parser. The parser stands on the record's first token
 * and must be left on its last, so that the page's next record can be read.
 */
@FunctionalInterface
public interface RecordParser<R> {
    /** Each record as a Jackson tree (for callers that want the JSON itself, e.g. tests and probes). */
    RecordParser<JsonNode> TREE = (parser, body) -> Trees.MAPPER.readTree(parser);

    /** @param body the whole answer the parser reads (its bytes, e.g. to digest the record's text) */
    R parse(JsonParser parser, JsonBody body) throws IOException;

    /** Holds the mapper of {@link #TREE}. */
    final class Trees {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        private Trees() {
        }
    }
}
