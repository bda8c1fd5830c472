package io.kafkaconnect.greenhouse.simulator.ashby;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.simulator.core.SimulatorClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** Test helper: a client that POSTs Ashby calls to a simulator. */
final class AshbyHttp extends SimulatorClient {
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    final AshbySimulator sim;

    /** A fully read response. */
    record Resp(int status, Headers headers, String body) implements SimulatorClient.Response {
        boolean success() {
            return json().path("success").asBoolean(false);
        }

        /** errorInfo.code, or null. */
        String errorCode() {
            JsonNode c = json().path("errorInfo").get("code");
            return c == null ? null : c.asText();
        }

        List<String> ids() {
            List<String> ids = new ArrayList<>();
            json().path("results").forEach(n -> ids.add(n.get("id").asText()));
            return ids;
        }

        boolean more() {
            return json().path("moreDataAvailable").asBoolean();
        }

        String cursor() {
            return json().path("nextCursor").asText(null);
        }

        String syncToken() {
            JsonNode t = json().get("syncToken");
            return t == null ? null : t.asText();
        }
    }

    AshbyHttp(AshbySimulator sim) {
        super(Duration.ofSeconds(30));
        this.sim = sim;
    }

    static ObjectNode body() {
        return JSON.createObjectNode();
    }

    /** POST base/method with a raw body and an Authorization header (null: none). */
    Resp raw(String method, String body, String authorization) throws IOException {
        Request.Builder b = new Request.Builder().url(sim.baseUrl() + "/" + method)
                .post(RequestBody.create(body, JSON_TYPE));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return execute(b.build(), Resp::new);
    }

    Resp post(String method, JsonNode body, String apiKey) throws IOException {
        return raw(method, body.toString(), Credentials.basic(apiKey, ""));
    }

    /** POST with the simulator's API key. */
    Resp post(String method, JsonNode body) throws IOException {
        return post(method, body, sim.apiKey());
    }

    /**
     * Every page of one pass: {@code first} (e.g. limit, syncToken) on the first page, then {@code first} + the
     * cursor while moreDataAvailable (with {@code repeatToken} false the syncToken is dropped after the first page).
     * Stops at a failed page (included).
     */
    List<Resp> walk(String method, ObjectNode first, boolean repeatToken) throws IOException {
        List<Resp> pages = new ArrayList<>();
        Resp r = post(method, first);
        pages.add(r);
        while (r.status() == 200 && r.success() && r.more()) {
            ObjectNode next = first.deepCopy();
            if (!repeatToken) {
                next.remove("syncToken");
            }
            next.put("cursor", r.cursor());
            r = post(method, next);
            pages.add(r);
        }
        return pages;
    }

    List<Resp> walk(String method, ObjectNode first) throws IOException {
        return walk(method, first, true);
    }

    static List<String> ids(List<Resp> pages) {
        List<String> ids = new ArrayList<>();
        pages.forEach(p -> ids.addAll(p.ids()));
        return ids;
    }

    static Resp last(List<Resp> pages) {
        return pages.get(pages.size() - 1);
    }
}
