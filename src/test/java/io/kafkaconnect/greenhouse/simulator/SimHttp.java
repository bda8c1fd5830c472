package io.kafkaconnect.greenhouse.simulator;

import io.kafkaconnect.greenhouse.simulator.core.SimulatorClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.Request;

/** Test helper: a client of the Harvest simulator (GET with v1 or v3 credentials), plus Link-header parsing. */
final class SimHttp extends SimulatorClient {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([^\"]+)\"");

    final HarvestSimulator sim;

    /** A fully read response. */
    record Resp(int status, Headers headers, String body) implements SimulatorClient.Response {
        /** rel -> URL from the Link header (empty if none). */
        Map<String, String> links() {
            return SimHttp.links(headers.get("Link"));
        }
    }

    SimHttp(HarvestSimulator sim) {
        this(sim, Duration.ofSeconds(30));
    }

    SimHttp(HarvestSimulator sim, Duration readTimeout) {
        super(readTimeout);
        this.sim = sim;
    }

    static Map<String, String> links(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header != null) {
            Matcher m = LINK.matcher(header);
            while (m.find()) {
                out.put(m.group(2), m.group(1));
            }
        }
        return out;
    }

    Resp get(String url, String authorization) throws IOException {
        Request.Builder b = new Request.Builder().url(url);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return execute(b.build(), Resp::new);
    }

    /** GET base + pathAndQuery with the simulator's v1 API key. */
    Resp v1(String pathAndQuery) throws IOException {
        return get(sim.baseUrl() + pathAndQuery, Credentials.basic(sim.apiKey(), ""));
    }

    /** GET an absolute URL with the v1 API key. */
    Resp v1Url(String url) throws IOException {
        return get(url, Credentials.basic(sim.apiKey(), ""));
    }

    Resp token(String clientId, String secret, String grantType) throws IOException {
        FormBody.Builder form = new FormBody.Builder();
        if (grantType != null) {
            form.add("grant_type", grantType);
        }
        Request.Builder b = new Request.Builder().url(sim.tokenUrl()).post(form.build());
        if (clientId != null) {
            b.header("Authorization", Credentials.basic(clientId, secret));
        }
        return execute(b.build(), Resp::new);
    }

    /** A fresh access token for the simulator's client. */
    String accessToken() throws IOException {
        Resp r = token(sim.clientId(), sim.clientSecret(), "client_credentials");
        if (r.status() != 200) {
            throw new IllegalStateException("token request failed: " + r.status() + " " + r.body());
        }
        return r.json().get("access_token").asText();
    }

    Resp v3(String pathAndQuery, String token) throws IOException {
        return get(sim.baseUrl() + pathAndQuery, "Bearer " + token);
    }

    Resp v3Url(String url, String token) throws IOException {
        return get(url, "Bearer " + token);
    }

    /** Follow rel="next" from a v1 path to the end; returns every page. */
    List<Resp> walkV1(String firstPathAndQuery) throws IOException {
        List<Resp> pages = new ArrayList<>();
        Resp r = v1(firstPathAndQuery);
        pages.add(r);
        while (r.links().containsKey("next")) {
            r = v1Url(r.links().get("next"));
            pages.add(r);
        }
        return pages;
    }

    /** Follow rel="next" from a v3 path to the end; returns every page. */
    List<Resp> walkV3(String firstPathAndQuery, String token) throws IOException {
        List<Resp> pages = new ArrayList<>();
        Resp r = v3(firstPathAndQuery, token);
        pages.add(r);
        while (r.links().containsKey("next")) {
            r = v3Url(r.links().get("next"), token);
            pages.add(r);
        }
        return pages;
    }

    /**
     * Every id of {@code resource} in the simulator's default v1 list order, by change time, then id (offers and
     * scorecards come in their documented order instead).
     */
    List<Long> idsByChangeTime(String resource) {
        return sim.changeTimestamps(resource).entrySet().stream()
                .sorted(Map.Entry.<Long, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    static List<Long> ids(Resp page) {
        List<Long> ids = new ArrayList<>();
        page.json().forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    static List<Long> ids(List<Resp> pages) {
        List<Long> ids = new ArrayList<>();
        pages.forEach(p -> ids.addAll(ids(p)));
        return ids;
    }
}
