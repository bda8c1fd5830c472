package io.kafkaconnect.greenhouse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The approach of Greenhouse's own Harvest examples: one plain HTTP client, {@code GET
 * /v1/candidates?per_page=500}, parse the JSON, follow {@code Link: rel="next"}, one page at a time. A 429 is
 * waited out for its {@code Retry-After}. Nothing else: no pacing, no parallelism, no conversion. For Ashby the
 * same loop POSTs {@code candidate.list} and follows {@code nextCursor} (the approach of Ashby's own guide).
 */
final class BaselineReader {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** What the walk did. Times in nanoseconds. */
    record Result(int pages, long records, int requests, int throttled, long wallNanos, boolean reachedEnd) {
        double recordsPerSecond() {
            return records / (wallNanos / 1e9);
        }
    }

    /** Harvest v1: Basic auth with the API key as user name. */
    Result readV1(String baseUrl, String apiKey, int pageSize, int maxPages) throws IOException, InterruptedException {
        String auth = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
        return walk(baseUrl + "/v1/candidates?per_page=" + pageSize, auth, maxPages);
    }

    /** Harvest v3: a client-credentials token, then Bearer. The token request is not counted in the time. */
    Result readV3(String baseUrl, String tokenUrl, String clientId, String secret, int pageSize, int maxPages)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IOException("token request answered HTTP " + token.statusCode() + ": " + token.body());
        }
        String access = json.readTree(token.body()).path("access_token").asText();
        return walk(baseUrl + "/v3/candidates?per_page=" + pageSize, "Bearer " + access, maxPages);
    }

    /** Ashby: Basic auth with the key, POST {@code candidate.list} with {@code limit}, then {@code cursor}. */
    Result readAshby(String baseUrl, String apiKey, int pageSize, int maxPages)
            throws IOException, InterruptedException {
        String auth = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        String cursor = null;
        int pages = 0;
        int requests = 0;
        int throttled = 0;
        long records = 0;
        boolean more = true;
        while (more && (maxPages <= 0 || pages < maxPages)) {
            String body = "{\"limit\":" + pageSize + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"") + "}";
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/candidate.list"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            requests++;
            if (waitedOut429(response)) {
                throttled++;
                continue;
            }
            JsonNode page = json.readTree(response.body());
            if (response.statusCode() != 200 || !page.path("success").asBoolean()) {
                throw new IOException("candidate.list answered HTTP " + response.statusCode() + ": " + page);
            }
            records += page.path("results").size();
            pages++;
            more = page.path("moreDataAvailable").asBoolean();
            cursor = page.path("nextCursor").asText(null);
        }
        return new Result(pages, records, requests, throttled, System.nanoTime() - t0, !more);
    }

    /** A 429 is waited out for its {@code Retry-After} (10 s without one); returns whether it was one. */
    private static boolean waitedOut429(HttpResponse<?> response) throws InterruptedException {
        if (response.statusCode() != 429) {
            return false;
        }
        long seconds = response.headers().firstValueAsLong("Retry-After").orElse(10);
        Thread.sleep(Math.max(1, seconds) * 1_000);
        return true;
    }

    private Result walk(String first, String auth, int maxPages) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        String url = first;
        int pages = 0;
        int requests = 0;
        int throttled = 0;
        long records = 0;
        while (url != null && (maxPages <= 0 || pages < maxPages)) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", auth).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            requests++;
            if (waitedOut429(response)) {
                throttled++;
                continue;
            }
            if (response.statusCode() != 200) {
                throw new IOException("GET " + url + " answered HTTP " + response.statusCode());
            }
            JsonNode page = json.readTree(response.body());
            records += page.size();
            pages++;
            url = null;
            for (String link : response.headers().allValues("Link")) {
                Matcher m = NEXT.matcher(link);
                if (m.find()) {
                    url = m.group(1);
                }
            }
        }
        return new Result(pages, records, requests, throttled, System.nanoTime() - t0, url == null);
    }
}
