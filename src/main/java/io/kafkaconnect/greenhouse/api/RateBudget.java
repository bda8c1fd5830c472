package io.kafkaconnect.greenhouse.api;

import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request budget of one credential, shared by every task of this JVM that uses the credential. It
 * learns the budget from {@code X-RateLimit-Limit/-Remaining/-Reset} and waits before a request when the
 * window is spent, and after a 429 for {@code Retry-After}.
 */
public final class RateBudget {
    private static final Logger log = LoggerFactory.getLogger(RateBudget.class);
    private static final Map<String, RateBudget> SHARED = new ConcurrentHashMap<>();

    private final Clock clock;
    private Integer limit;
    private Integer remaining;
    private Instant windowResetsAt;
    private Instant blockedUntil = Instant.MIN;

    RateBudget(Clock clock) {
        this.clock = clock;
    }

    /** The one budget of a credential in this JVM. */
    public static RateBudget shared(String budgetKey, Clock clock) {
        return SHARED.computeIfAbsent(budgetKey, k -> new RateBudget(clock));
    }

    /** Waits until a request may be sent. Returns false if the sleeper was stopped meanwhile. */
    public boolean acquire(Sleeper sleeper) {
        Duration wait = waitNeeded();
        if (!wait.isZero()) {
            log.info("Rate budget spent, waiting {} ms before the next request", wait.toMillis());
            return sleeper.sleep(wait);
        }
        return true;
    }

    synchronized Duration waitNeeded() {
        Instant now = clock.instant();
        Instant until = blockedUntil;
        if (remaining != null && remaining <= 0 && windowResetsAt != null && windowResetsAt.isAfter(until)) {
            until = windowResetsAt;
        }
        if (until.isAfter(now)) {
            return Duration.between(now, until);
        }
        if (remaining != null && remaining <= 0) {
            remaining = null; // the window has passed: the next answer tells the new state
        }
        if (remaining != null) {
            remaining--; // count our own request until the answer corrects it
        }
        return Duration.ZERO;
    }

    /** Reads the rate headers of an answer. {@code serverDate} lets an absolute reset time be converted to ours. */
    public synchronized void update(Headers headers, Instant serverDate) {
        Integer l = intHeader(headers, "X-RateLimit-Limit");
        Integer r = intHeader(headers, "X-RateLimit-Remaining");
        if (l != null) {
            limit = l;
        }
        if (r != null) {
            remaining = r;
        }
        Instant reset = resetTime(headers.get("X-RateLimit-Reset"), serverDate);
        if (reset != null) {
            windowResetsAt = reset;
        }
    }

    /** After a 429: block everyone using the credential for the wait the API asked for. */
    public synchronized Duration throttled(Headers headers, Instant serverDate, Duration fallback) {
        update(headers, serverDate);
        Duration wait = retryAfter(headers.get("Retry-After"), serverDate);
        if (wait == null) {
            wait = windowResetsAt != null && windowResetsAt.isAfter(clock.instant())
                    ? Duration.between(clock.instant(), windowResetsAt) : fallback;
        }
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
        remaining = 0;
        return wait;
    }

    public synchronized Integer limit() {
        return limit;
    }

    private Instant resetTime(String value, Instant serverDate) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant now = clock.instant();
        try {
            long n = Long.parseLong(value.trim());
            Instant at = n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
            if (n < 100_000_000L) { // a small number is a delay in seconds, not a time
                return now.plusSeconds(n);
            }
            Duration skew = serverDate == null ? Duration.ZERO : Duration.between(now, serverDate);
            return at.minus(skew);
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration skew = serverDate == null ? Duration.ZERO : Duration.between(now, serverDate);
                return at.minus(skew);
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    private Duration retryAfter(String value, Instant serverDate) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            Instant at = resetTime(value, serverDate);
            return at == null ? null : Duration.between(clock.instant(), at).isNegative()
                    ? Duration.ZERO : Duration.between(clock.instant(), at);
        }
    }

    private static Integer intHeader(Headers headers, String name) {
        String v = headers.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
