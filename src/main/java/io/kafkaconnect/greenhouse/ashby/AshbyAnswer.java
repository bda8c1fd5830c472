package io.kafkaconnect.greenhouse.ashby;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.api.JsonBody;
import io.kafkaconnect.greenhouse.api.RecordParser;
import io.kafkaconnect.greenhouse.api.TransientReplyException;
import io.kafkaconnect.greenhouse.schema.ReadContext;
import java.io.IOException;

/** An Ashby answer object read by streaming: its small fields as a tree, its {@code results} left to a reader. */
final class AshbyAnswer {

    /** Reads the {@code results} array; the parser stands on its START_ARRAY. */
    interface ResultsReader {
        void read(JsonParser json) throws IOException;
    }

    /**
     * @param fields      every field but {@code results}
     * @param resultsRead whether a {@code results} array was there (and read)
     */
    record Fields(ObjectNode fields, boolean resultsRead) {
    }

    private AshbyAnswer() {
    }

    /** @param results reads {@code results} when it is an array; null skips it */
    static Fields read(JsonBody body, ResultsReader results) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        boolean resultsRead = false;
        try (JsonParser json = body.parser()) {
            if (json.currentToken() != JsonToken.START_OBJECT) {
                throw new TransientReplyException("a JSON " + ReadContext.kind(json.currentToken())
                        + " instead of an Ashby answer object");
            }
            for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
                JsonToken value = json.nextToken();
                if (!"results".equals(name)) {
                    root.set(name, RecordParser.TREE.parse(json, body));
                } else if (results != null && value == JsonToken.START_ARRAY) {
                    results.read(json);
                    resultsRead = true;
                } else {
                    json.skipChildren();
                }
            }
        }
        return new Fields(root, resultsRead);
    }
}
