package io.kafkaconnect.greenhouse.api;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What a client sent and how often it had to wait or send again, for the task's metrics. No locks. */
public final class RequestCounters {

    /** Why a request was sent again. */
    public enum RetryCause {
        /** HTTP 5xx or 408. */
        SERVER_ERROR,
        /** No answer: a timeout, a reset connection. */
        NETWORK,
        /** An answer that could not be read: HTML, truncated or invalid JSON, an error the API says will pass. */
        UNUSABLE_ANSWER,
        /** A redirect to another origin, or too many in a row. */
        REDIRECT,
        /** HTTP 401 while the shared access token was being replaced. */
        TOKEN_REPLACED;

        /** Its name in metrics: {@code server-error}. */
        public String metricName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final LongAdder requests = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final Map<RetryCause, LongAdder> retries = new EnumMap<>(RetryCause.class);

    public RequestCounters() {
        for (RetryCause cause : RetryCause.values()) {
            retries.put(cause, new LongAdder());
        }
    }

    void sent() {
        requests.increment();
    }

    void throttled() {
        throttled.increment();
    }

    void retried(RetryCause cause) {
        retries.get(cause).increment();
    }

    /** Requests sent (each retry and each redirect followed is one more). */
    public long requests() {
        return requests.sum();
    }

    /** Answers that said to slow down: HTTP 429, or throttling the API reports in a body. */
    public long throttledAnswers() {
        return throttled.sum();
    }

    public long retries(RetryCause cause) {
        return retries.get(cause).sum();
    }

    public long retries() {
        return retries.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
