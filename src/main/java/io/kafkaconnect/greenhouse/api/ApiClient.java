package io.kafkaconnect.greenhouse.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads pages of a list endpoint: authenticates, stays inside the rate budget, retries what is transient,
 * and turns what is not into an {@link ApiException} whose message a user can act on. Requests go only to
 * the configured origin.
 */
public final class ApiClient {
    private static final Logger log = LoggerFactory.getLogger(ApiClient.class);
    private static final Duration DEFAULT_THROTTLE_WAIT = Duration.ofSeconds(10);

    private final OkHttpClient http;
    private final HttpUrl origin;
    private final Credentials credentials;
    private final RetryPolicy retry;
    private final RateBudget budget;
    private final ServerClock serverClock;
    private final Sleeper sleeper;
    private final ObjectMapper json;
    private final Clock clock;
    private final LatencyAverage latency = new LatencyAverage();

    public ApiClient(OkHttpClient http, HttpUrl origin, Credentials credentials, RetryPolicy retry,
                     RateBudget budget, ServerClock serverClock, Sleeper sleeper, ObjectMapper json) {
        this.http = http;
        this.origin = origin;
        this.credentials = credentials;
        this.retry = retry;
        this.budget = budget;
        this.serverClock = serverClock;
        this.sleeper = sleeper;
        this.json = json;
        this.clock = serverClock.local();
    }

    /** Releases connections and threads. */
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    public ServerClock serverClock() {
        return serverClock;
    }

    /** GETs one page. {@code resource} names what is being read, for error messages. */
    public ApiPage getPage(HttpUrl url, String resource) {
        requireSameOrigin(url, resource);
        int failures = 0;
        boolean refreshed = false;
        while (true) {
            Request.Builder request = new Request.Builder().url(url).get().header("Accept", "application/json");
            credentials.authenticate(request); // may fetch a token: before the budget counts this request in flight
            if (!budget.acquire(sleeper)) {
                throw new StoppedException();
            }
            String failure;
            Throwable cause = null;
            try (Response response = execute(request)) {
                Instant receivedAt = clock.instant();
                Instant serverDate = serverDate(response);
                serverClock.observe(serverDate, receivedAt);
                int code = response.code();
                if (code == 429) {
                    Duration wait = budget.throttled(response.headers(), serverDate, DEFAULT_THROTTLE_WAIT);
                    log.info("Rate limited (HTTP 429) reading {}; waiting {} ms as the API asked", resource, wait.toMillis());
                    continue; // the budget holds the wait; a 429 is not a failure of the request
                }
                budget.update(response.headers(), serverDate);
                if (code == 401 && !refreshed && credentials.refreshAfterUnauthorized()) {
                    refreshed = true;
                    continue;
                }
                if (code >= 200 && code < 300) {
                    try {
                        return readPage(url, response, serverDate, resource);
                    } catch (IOException | BadBodyException e) {
                        failure = "an unreadable body (" + e.getMessage() + ")";
                        cause = e;
                    }
                } else if (code >= 500 || code == 408) {
                    failure = "HTTP " + code;
                } else {
                    throw permanent(code, response, url, resource);
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                cause = e;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new StoppedException(); // the read was cancelled (the task is stopping): do not retry
            }
            failures++;
            if (failures > retry.maxRetries()) {
                throw new TransientApiException("Reading " + resource + " from " + redact(url) + " failed "
                        + failures + " times in a row, the last time with " + failure
                        + "; the task will try again (raise max.retries to wait longer inside one attempt)", cause);
            }
            Duration wait = retry.backoff(failures);
            log.warn("Reading {} failed with {}; retry {} of {} in {} ms", resource, failure, failures,
                    retry.maxRetries(), wait.toMillis());
            if (!sleeper.sleep(wait)) {
                throw new StoppedException();
            }
        }
    }

    /** Sends a request counted in the budget as in flight until its answer is back. */
    private Response execute(Request.Builder request) throws IOException {
        long start = System.nanoTime();
        try {
            return http.newCall(request.build()).execute();
        } finally {
            budget.release();
            latency.record(System.nanoTime() - start);
        }
    }

    /** How long answers take lately (time to the response headers), or null before the first one. */
    public Duration typicalLatency() {
        return latency.average();
    }

    /** What to grant so that the credentials may read {@code resource}. */
    public String accessHint(String resource) {
        return credentials.accessHint(resource);
    }

    public RateBudget budget() {
        return budget;
    }

    private ApiPage readPage(HttpUrl url, Response response, Instant serverDate, String resource) throws IOException {
        ResponseBody body = response.body();
        String type = response.header("Content-Type", "");
        if (type != null && type.toLowerCase().contains("html")) {
            throw new BadBodyException("an HTML page instead of JSON");
        }
        JsonNode root;
        try (InputStream in = body.byteStream()) {
            root = json.readTree(in);
        }
        if (root == null || root.isMissingNode()) {
            throw new BadBodyException("an empty body");
        }
        if (!root.isArray()) {
            throw new BadBodyException("a JSON " + root.getNodeType().name().toLowerCase() + " instead of a list");
        }
        List<JsonNode> records = new ArrayList<>(root.size());
        root.forEach(records::add);
        Map<String, String> links = LinkHeader.parse(String.join(",", response.headers("Link")));
        return new ApiPage(url, records, link(links, "next", response, resource), link(links, "prev", response, resource),
                link(links, "last", response, resource), serverDate);
    }

    private HttpUrl link(Map<String, String> links, String rel, Response response, String resource) {
        String target = links.get(rel);
        if (target == null) {
            return null;
        }
        HttpUrl url = response.request().url().resolve(target);
        if (url == null) {
            throw new ApiException(0, "The API sent a '" + rel + "' link for " + resource + " that is not a URL: "
                    + target);
        }
        requireSameOrigin(url, resource);
        return url;
    }

    private void requireSameOrigin(HttpUrl url, String resource) {
        if (!url.scheme().equals(origin.scheme()) || !url.host().equalsIgnoreCase(origin.host())
                || url.port() != origin.port()) {
            throw new ApiException(0, "Refusing to send credentials to " + url.scheme() + "://" + url.host() + ":"
                    + url.port() + " while reading " + resource + ": only the configured origin "
                    + origin.scheme() + "://" + origin.host() + ":" + origin.port()
                    + " is trusted (check greenhouse.base.url)");
        }
    }

    private ApiException permanent(int code, Response response, HttpUrl url, String resource) {
        String detail = ApiErrorBody.summary(json, response);
        String where = "GET " + url.encodedPath();
        String message = switch (code) {
            case 401 -> "Greenhouse rejected the credentials (HTTP 401) for " + where
                    + ": check " + credentials.settingNames() + detail;
            case 403 -> "The credential may not read " + resource + " (HTTP 403 for " + where
                    + "): " + credentials.accessHint(resource) + ", or remove " + resource
                    + " from greenhouse.resources" + detail;
            case 404 -> "Greenhouse has no " + where + " (HTTP 404): check greenhouse.base.url and the API version"
                    + detail;
            case 422 -> "Greenhouse refused the request " + where + " as invalid (HTTP 422)" + detail;
            default -> "Greenhouse answered HTTP " + code + " to " + where + detail;
        };
        return new ApiException(code, message);
    }

    private static Instant serverDate(Response response) {
        Date date = response.headers().getDate("Date");
        return date == null ? null : date.toInstant();
    }

    /** The URL without its query string: cursors are opaque and long, and nothing secret is in the path. */
    static String redact(HttpUrl url) {
        return url.newBuilder().query(null).build().toString();
    }

    private static final class BadBodyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadBodyException(String message) {
            super(message);
        }
    }
}
