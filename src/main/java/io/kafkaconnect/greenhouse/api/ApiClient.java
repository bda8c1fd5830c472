package io.kafkaconnect.greenhouse.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.schema.ReadContext;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads pages of a list endpoint: authenticates, stays inside the rate budget, retries what is transient,
 * and turns what is not into an {@link ApiException} whose message a user can act on. Requests go only to
 * the configured origin. What differs between APIs (the error of a non-2xx answer, messages) is the
 * {@link Protocol}'s; how a page is read from an answer, and the errors an API reports inside a 2xx one, is the
 * caller's {@link PageReader} (one pass over the body).
 */
public final class ApiClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiClient.class);
    private static final Duration DEFAULT_THROTTLE_WAIT = Duration.ofSeconds(10);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int MAX_ERROR_BODY = 2_000;
    /** Same-origin redirects followed in a row before the answer counts as a failure. */
    static final int MAX_REDIRECTS = 5;
    /** The setting of {@link #maxResponseBytes}, for messages. */
    public static final String MAX_RESPONSE_BYTES_SETTING = "fetch.max.response.bytes";
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L << 20;
    /**
     * How many more times than {@code max.retries} one request may be sent again after a 401 for a token replaced
     * meanwhile (shared tokens renewed under it), before it gives up as a transient failure.
     */
    static final int UNAUTHORIZED_RETRIES_BEYOND_MAX = 3;
    /** Body arrays kept for the next answers: as many as reads a task has in flight by default, 4 MiB at most each. */
    private static final int BODY_BUFFERS = 8;
    private static final int BODY_BUFFER_MAX_BYTES = 4 << 20;

    private final OkHttpClient http;
    private final HttpUrl origin;
    private final Credentials credentials;
    private final Protocol protocol;
    private final RetryPolicy retry;
    private final RateBudget budget;
    private final ServerClock serverClock;
    private final Sleeper sleeper;
    private final ObjectMapper json;
    private final Clock clock;
    private final LatencyAverage latency = new LatencyAverage();
    private final RequestCounters counters = new RequestCounters();
    private final long maxResponseBytes;
    private final BodyBuffers bodyBuffers = new BodyBuffers(BODY_BUFFERS, BODY_BUFFER_MAX_BYTES);

    /** A client that reads answers of up to {@link #DEFAULT_MAX_RESPONSE_BYTES}. */
    public ApiClient(OkHttpClient http, HttpUrl origin, Credentials credentials, Protocol protocol, RetryPolicy retry,
                     RateBudget budget, ServerClock serverClock, Sleeper sleeper, ObjectMapper json) {
        this(http, origin, credentials, protocol, retry, budget, serverClock, sleeper, json, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /**
     * @param http             must not follow redirects itself ({@code followRedirects(false)}): this client follows
     *                         those to its origin and refuses the others
     * @param maxResponseBytes the largest body read; a larger one ends the read with an error
     */
    public ApiClient(OkHttpClient http, HttpUrl origin, Credentials credentials, Protocol protocol, RetryPolicy retry,
                     RateBudget budget, ServerClock serverClock, Sleeper sleeper, ObjectMapper json,
                     long maxResponseBytes) {
        this.http = http;
        this.origin = origin;
        this.credentials = credentials;
        this.protocol = protocol;
        this.retry = retry;
        this.budget = budget;
        this.serverClock = serverClock;
        this.sleeper = sleeper;
        this.json = json;
        this.clock = serverClock.local();
        this.maxResponseBytes = maxResponseBytes;
    }

    /**
     * Releases connections and threads, leaves the rate budget (its credentials are its identity there) and gives
     * back the credentials' share of a token.
     */
    @Override
    public void close() {
        budget.leave(credentials);
        credentials.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    public ServerClock serverClock() {
        return serverClock;
    }

    /**
     * GETs one page of a list that pages with {@code Link} headers, its records as trees. {@code resource} names what
     * is read, for messages.
     */
    public ApiPage<JsonNode> getPage(HttpUrl url, String resource) {
        return getPage(url, resource, RecordParser.TREE);
    }

    /** GETs one page of a list that pages with {@code Link} headers, each record read by {@code records}. */
    public <R> ApiPage<R> getPage(HttpUrl url, String resource, RecordParser<R> records) {
        return exchange(PageRequest.get(url), resource, (request, named, headers, body, serverDate) ->
                linkedPage(request, headers, body, serverDate, named, records));
    }

    /**
     * Sends {@code request} until it gets a usable answer, and reads it with {@code reader}. 429s (and throttling the
     * reader finds in a body) are waited out; 5xx, 408, network failures and unreadable bodies are retried with
     * back-off up to {@code max.retries} times, then a {@link TransientApiException} is thrown; a 401 is sent again
     * when the credentials say new ones may succeed (a replaced token, see {@link OAuthCredentials}), at most
     * {@code max.retries} + {@value #UNAUTHORIZED_RETRIES_BEYOND_MAX} times, then a {@link TransientApiException} too;
     * other statuses throw the protocol's {@link ApiException}. A redirect to the configured origin is followed (the
     * same method and body, at most {@value #MAX_REDIRECTS} in a row); one to another origin is not (the credentials
     * would go with it) and counts as a failure, like a 5xx. A body larger than {@code fetch.max.response.bytes} is an
     * {@link ApiException}.
     */
    public <P> P exchange(PageRequest request, String resource, PageReader<P> reader) {
        requireSameOrigin(request.url(), resource);
        int failures = 0;
        int unauthorized = 0;
        Credentials.Attempts auth = credentials.attempts();
        PageRequest sent = request; // where a same-origin redirect moved it
        int redirects = 0;
        while (true) {
            Request.Builder builder = new Request.Builder().url(sent.url()).header("Accept", "application/json");
            if (request.body() == null) {
                builder.get();
            } else {
                builder.post(RequestBody.create(request.body().toString(), JSON));
            }
            auth.authenticate(builder); // may fetch a token: before the budget counts this request in flight
            Instant started = budget.acquire(sleeper);
            if (started == null) {
                throw new StoppedException();
            }
            String failure;
            RequestCounters.RetryCause why;
            Throwable cause = null;
            try (Response response = execute(builder, started)) {
                Instant receivedAt = clock.instant();
                Instant serverDate = serverDate(response);
                int code = response.code();
                // only successful answers teach the server's clock: error pages may come from proxies
                Instant clockDate = code >= 200 && code < 300 ? serverDate : null;
                serverClock.observe(clockDate, receivedAt);
                if (code == 429) {
                    counters.throttled();
                    throttled(response.headers(), resource, "HTTP 429");
                    continue; // the budget holds the wait; a 429 is not a failure of the request
                }
                budget.update(response.headers(), clockDate, started);
                if (code == 401 && auth.retryAfterUnauthorized()) {
                    if (++unauthorized > retry.maxRetries() + UNAUTHORIZED_RETRIES_BEYOND_MAX) {
                        throw new TransientApiException("Reading " + resource + " from " + redact(request.url())
                                + ": the API refused its access token " + unauthorized + " times (HTTP 401) while "
                                + "the shared token was being replaced; the task will try again");
                    }
                    counters.retried(RequestCounters.RetryCause.TOKEN_REPLACED);
                    continue;
                }
                if (code >= 300 && code < 400) {
                    HttpUrl location = location(response, sent.url());
                    if (location != null && isSameOrigin(location) && redirects < MAX_REDIRECTS) {
                        redirects++;
                        sent = new PageRequest(location, request.body());
                        continue;
                    }
                    failure = redirectFailure(code, location);
                    why = RequestCounters.RetryCause.REDIRECT;
                } else if (code >= 200 && code < 300) {
                    try {
                        JsonBody body = readBody(response);
                        try {
                            return reader.read(sent, resource, response.headers(), body, serverDate);
                        } finally {
                            bodyBuffers.give(body.bytes()); // readers keep nothing of the body's bytes
                        }
                    } catch (CappedInputStream.CapExceededException e) {
                        throw new ApiException(0, "The answer to " + sent.method() + " " + redact(sent.url())
                                + " while reading " + resource + " is larger than " + maxResponseBytes + " bytes ("
                                + MAX_RESPONSE_BYTES_SETTING + "); raise " + MAX_RESPONSE_BYTES_SETTING
                                + " or lower page.size");
                    } catch (ThrottledReplyException e) {
                        counters.throttled();
                        throttled(response.headers(), resource, e.getMessage());
                        continue;
                    } catch (IOException | TransientReplyException e) {
                        failure = "an unusable answer (" + e.getMessage() + ")";
                        why = RequestCounters.RetryCause.UNUSABLE_ANSWER;
                        cause = e;
                    }
                } else if (code >= 500 || code == 408) {
                    failure = "HTTP " + code;
                    why = RequestCounters.RetryCause.SERVER_ERROR;
                } else {
                    throw protocol.permanent(code, errorBody(response), sent, resource, credentials);
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                why = RequestCounters.RetryCause.NETWORK;
                cause = e;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new StoppedException(); // the read was cancelled (the task is stopping): do not retry
            }
            failures++;
            sent = request; // a retry starts again where the caller asked
            redirects = 0;
            if (failures > retry.maxRetries()) {
                throw new TransientApiException("Reading " + resource + " from " + redact(request.url()) + " failed "
                        + failures + " times in a row, the last time with " + failure
                        + "; the task will try again (raise max.retries to wait longer inside one attempt)", cause);
            }
            counters.retried(why);
            Duration wait = retry.backoff(failures);
            log.warn("Reading {} failed with {}; retry {} of {} in {} ms", resource, failure, failures,
                    retry.maxRetries(), wait.toMillis());
            if (!sleeper.sleep(wait)) {
                throw new StoppedException();
            }
        }
    }

    private void throttled(Headers headers, String resource, String why) {
        Duration wait = budget.throttled(headers, DEFAULT_THROTTLE_WAIT);
        log.info("Rate limited ({}) reading {}; waiting {} ms", why, resource, wait.toMillis());
    }

    /** Sends a request counted in the budget as in flight until its answer is back. */
    private Response execute(Request.Builder request, Instant started) throws IOException {
        long start = System.nanoTime();
        counters.sent();
        try {
            return http.newCall(request.build()).execute();
        } finally {
            budget.release(started);
            latency.record(System.nanoTime() - start);
        }
    }

    /** Access tokens its credentials fetched (shared by every client of the same credentials), if they use any. */
    public OptionalLong tokensFetched() {
        return credentials.tokensFetched();
    }

    /** What this client sent, and how often it waited or sent again. */
    public RequestCounters counters() {
        return counters;
    }

    /** How long answers take lately (time to the response headers), or null before the first one. */
    public Duration typicalLatency() {
        return latency.average();
    }

    /** What to grant so that the credentials may read {@code resource}. */
    public String accessHint(String resource) {
        return credentials.accessHint(resource);
    }

    /** What to grant so that the credentials may read all of {@code resources}, said once. */
    public String accessHint(List<String> resources) {
        return credentials.accessHint(resources);
    }

    public RateBudget budget() {
        return budget;
    }

    /** The target of a redirect, or null without a usable {@code Location}. */
    private static HttpUrl location(Response response, HttpUrl requested) {
        String location = response.header("Location");
        return location == null ? null : requested.resolve(location);
    }

    /** What a redirect that is not followed counts as: a failure, retried like a 5xx. */
    private String redirectFailure(int code, HttpUrl location) {
        if (location == null) {
            return "HTTP " + code + " without a usable Location";
        }
        if (isSameOrigin(location)) {
            return "more than " + MAX_REDIRECTS + " redirects in a row (HTTP " + code + " to " + redact(location) + ")";
        }
        return "a redirect (HTTP " + code + ") to another origin, " + redact(location) + ", which is not followed: "
                + "credentials go only to " + origin.scheme() + "://" + origin.host() + ":" + origin.port()
                + " (check " + protocol.baseUrlSetting() + " if the API has moved)";
    }

    private JsonBody readBody(Response response) throws IOException {
        ResponseBody body = response.body();
        String type = response.header("Content-Type", "");
        if (type != null && type.toLowerCase(Locale.ROOT).contains("html")) {
            throw new TransientReplyException("an HTML page instead of JSON");
        }
        long length = body.contentLength();
        if (length > maxResponseBytes) {
            throw new CappedInputStream.CapExceededException(maxResponseBytes);
        }
        try (InputStream in = new CappedInputStream(body.byteStream(), maxResponseBytes)) {
            if (length < 0) {
                byte[] bytes = in.readAllBytes();
                return new JsonBody(json.getFactory(), bytes, bytes.length);
            }
            // one copy of a large page, not readAllBytes' chunks and copies
            byte[] bytes = bodyBuffers.take((int) length);
            if (in.readNBytes(bytes, 0, (int) length) < length) {
                bodyBuffers.give(bytes);
                throw new IOException("the body ended before its Content-Length");
            }
            return new JsonBody(json.getFactory(), bytes, (int) length);
        }
    }

    private <R> ApiPage<R> linkedPage(PageRequest request, Headers headers, JsonBody body, Instant serverDate,
                                      String resource, RecordParser<R> parser) throws IOException {
        List<R> records = new ArrayList<>();
        try (JsonParser json = body.parser()) {
            if (json.currentToken() != JsonToken.START_ARRAY) {
                throw new TransientReplyException("a JSON " + ReadContext.kind(json.currentToken())
                        + " instead of a list");
            }
            for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                if (t == null) {
                    throw new TransientReplyException("a list that ends too early");
                }
                records.add(parser.parse(json, body));
            }
        }
        Map<String, String> links = LinkHeader.parse(String.join(",", headers.values("Link")));
        HttpUrl url = request.url();
        return new ApiPage<>(url, records, link(links, "next", url, resource), link(links, "prev", url, resource),
                link(links, "last", url, resource), serverDate);
    }

    private static String errorBody(Response response) {
        try {
            return response.peekBody(MAX_ERROR_BODY).string();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private HttpUrl link(Map<String, String> links, String rel, HttpUrl requested, String resource) {
        String target = links.get(rel);
        if (target == null) {
            return null;
        }
        HttpUrl url = requested.resolve(target);
        if (url == null) {
            throw new ApiException(0, "The API sent a '" + rel + "' link for " + resource + " that is not a URL: "
                    + target);
        }
        requireSameOrigin(url, resource);
        return url;
    }

    private boolean isSameOrigin(HttpUrl url) {
        return url.scheme().equals(origin.scheme()) && url.host().equalsIgnoreCase(origin.host())
                && url.port() == origin.port();
    }

    private void requireSameOrigin(HttpUrl url, String resource) {
        if (!isSameOrigin(url)) {
            throw new ApiException(0, "Refusing to send credentials to " + url.scheme() + "://" + url.host() + ":"
                    + url.port() + " while reading " + resource + ": only the configured origin "
                    + origin.scheme() + "://" + origin.host() + ":" + origin.port()
                    + " is trusted (check " + protocol.baseUrlSetting() + ")");
        }
    }

    private static Instant serverDate(Response response) {
        Date date = response.headers().getDate("Date");
        return date == null ? null : date.toInstant();
    }

    /** The URL without its query string: cursors are opaque and long, and nothing secret is in the path. */
    public static String redact(HttpUrl url) {
        return url.newBuilder().query(null).build().toString();
    }
}
