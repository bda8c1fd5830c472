package io.kafkaconnect.greenhouse.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response before the common headers (Date, Content-Type, rate limit) are added. */
public record Reply(int status, Map<String, String> headers, byte[] body, int records) {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String JSON_TYPE = "application/json; charset=utf-8";

    public static Reply json(int status, JsonNode node) {
        try {
            int records = node instanceof ArrayNode ? node.size() : 0;
            return new Reply(status, new LinkedHashMap<>(), JSON.writeValueAsBytes(node), records);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Reply json(int status, String body) {
        return new Reply(status, new LinkedHashMap<>(), body.getBytes(StandardCharsets.UTF_8), 0);
    }

    /** {"message": message}. */
    public static Reply message(int status, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("message", message);
        return json(status, n);
    }

    /** v1 validation error: {"message":"Validation error","errors":[{"message":...,"field":...}]}. */
    static Reply v1Validation(String field, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("message", "Validation error");
        ObjectNode e = n.putArray("errors").addObject();
        e.put("message", message);
        e.put("field", field);
        return json(422, n);
    }

    /** v3 422 with one {field: problem} error. */
    static Reply v3Unprocessable(String field, String problem) {
        ObjectNode n = JSON.createObjectNode();
        n.put("message", "Unprocessable Content");
        n.putArray("errors").addObject().put(field, problem);
        return json(422, n);
    }

    /** v3 422 with one string error. */
    static Reply v3Unprocessable(String problem) {
        ObjectNode n = JSON.createObjectNode();
        n.put("message", "Unprocessable Content");
        n.putArray("errors").add(problem);
        return json(422, n);
    }

    public Reply withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
