package io.kafkaconnect.greenhouse.simulator.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response before the common headers (Date, Content-Type, the simulator's own) are added.
 *
 * @param success   for the request log: the body's {@code success} flag where the API has one (Ashby), else null
 * @param errorCode for the request log: the body's error code where the API has one (Ashby), else null
 */
public record Reply(int status, Map<String, String> headers, byte[] body, int records, Boolean success,
        String errorCode) {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String JSON_TYPE = "application/json; charset=utf-8";

    /** A reply with no success flag or error code to log. */
    public Reply(int status, Map<String, String> headers, byte[] body, int records) {
        this(status, headers, body, records, null, null);
    }

    /** A JSON reply; an array's size is its record count. */
    public static Reply json(int status, JsonNode node) {
        int records = node instanceof ArrayNode ? node.size() : 0;
        return new Reply(status, new LinkedHashMap<>(), bytes(node), records);
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

    public static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
