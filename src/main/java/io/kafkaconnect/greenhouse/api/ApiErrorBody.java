package io.kafkaconnect.greenhouse.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import okhttp3.Response;

/**
 * Extracts the human part of an error body: v1's {@code {"message", "errors":[{"message","field"}]}}, v3's
 * {@code {"message", "errors":["…" | {"param":"…"}]}} and OAuth's {@code {"error","error_description"}}.
 */
public final class ApiErrorBody {
    private static final int MAX_BODY = 2_000;

    private ApiErrorBody() {
    }

    /** ": <message>" or "" when the body says nothing useful. */
    static String summary(ObjectMapper json, Response response) {
        try {
            return summary(json, response.peekBody(MAX_BODY).string());
        } catch (Exception e) {
            return "";
        }
    }

    /** ": <message>" or "" when the body text says nothing useful. */
    public static String summary(ObjectMapper json, String text) {
        try {
            JsonNode body = json.readTree(text);
            if (body == null || !body.isObject()) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            addText(parts, body.get("message"));
            addText(parts, body.get("error"));
            addText(parts, body.get("error_description"));
            JsonNode errors = body.get("errors");
            if (errors != null && errors.isArray()) {
                for (JsonNode e : errors) {
                    if (e.isTextual()) {
                        parts.add(e.asText());
                    } else if (e.isObject() && e.has("message")) {
                        parts.add((e.has("field") ? e.get("field").asText() + ": " : "") + e.get("message").asText());
                    } else if (e.isObject()) {
                        for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                            Map.Entry<String, JsonNode> f = it.next();
                            parts.add(f.getKey() + ": " + f.getValue().asText());
                        }
                    }
                }
            }
            return parts.isEmpty() ? "" : ": " + String.join("; ", parts);
        } catch (Exception e) {
            return "";
        }
    }

    private static void addText(List<String> parts, JsonNode node) {
        if (node != null && node.isTextual() && !node.asText().isBlank()) {
            parts.add(node.asText());
        }
    }
}
