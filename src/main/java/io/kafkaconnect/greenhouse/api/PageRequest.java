package io.kafkaconnect.greenhouse.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * One request for a page: a GET of a URL (e.g. Harvest), or a POST of a JSON body to a URL (e.g. Ashby's RPC calls).
 *
 * @param body the JSON body to POST, or null for a GET
 */
public record PageRequest(HttpUrl url, JsonNode body) {
    public PageRequest {
        Objects.requireNonNull(url, "url");
    }

    public static PageRequest get(HttpUrl url) {
        return new PageRequest(url, null);
    }

    public static PageRequest post(HttpUrl url, JsonNode body) {
        return new PageRequest(url, Objects.requireNonNull(body, "body"));
    }

    public String method() {
        return body == null ? "GET" : "POST";
    }

    /** {@code GET /path} or {@code POST /path}, for messages: no query string (cursors are long and opaque). */
    public String describe() {
        return method() + " " + url.encodedPath();
    }
}
