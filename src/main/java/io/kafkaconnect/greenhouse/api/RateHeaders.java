package io.kafkaconnect.greenhouse.api;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import okhttp3.Headers;

/**
 * The rate headers of one answer, as said (names in any case, each one optional), with the values no API means
 * left out: a limit of 0 or less, a negative Remaining, a number that is not one.
 *
 * @param limit      {@code X-RateLimit-Limit}: requests per window, or null
 * @param remaining  {@code X-RateLimit-Remaining}: requests left in the window, or null
 * @param reset      {@code X-RateLimit-Reset} as said (read with {@link #timeSaid}), or null
 * @param retryAfter {@code Retry-After} as said (read with {@link #timeSaid}), or null
 */
record RateHeaders(Integer limit, Integer remaining, String reset, String retryAfter) {
    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    static final String RETRY_AFTER = "Retry-After";
    /** Below this a number is a delay in seconds, not a time (10^8 s after the epoch is in 1973). */
    private static final long LARGEST_DELAY = 100_000_000L;
    /** Above this an epoch time is in milliseconds (10^11 s after the epoch is in the year 5138). */
    private static final long LARGEST_EPOCH_SECOND = 100_000_000_000L;

    static RateHeaders of(Headers headers) {
        Integer limit = intHeader(headers, LIMIT);
        Integer remaining = intHeader(headers, REMAINING);
        return new RateHeaders(limit != null && limit > 0 ? limit : null,
                remaining != null && remaining >= 0 ? remaining : null, headers.get(RESET), headers.get(RETRY_AFTER));
    }

    /**
     * The time a reset or a Retry-After says, in our clock: epoch seconds, epoch milliseconds or an HTTP date (the
     * server's clock, {@code serverAhead} ahead of ours), or seconds from {@code now}; null if it is none of these.
     *
     * @param serverAhead the server's clock minus ours, or null where it is not known (then taken as zero)
     */
    static Instant timeSaid(String value, Instant now, Duration serverAhead) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration difference = serverAhead == null ? Duration.ZERO : serverAhead;
        try {
            long n = Long.parseLong(value.trim());
            if (n < LARGEST_DELAY) {
                return now.plusSeconds(n);
            }
            Instant at = n > LARGEST_EPOCH_SECOND ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
            return at.minus(difference);
        } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
            return httpDate(value, difference);
        }
    }

    private static Instant httpDate(String value, Duration difference) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()
                    .minus(difference);
        } catch (RuntimeException ignored) {
            return null;
        }
    }

    private static Integer intHeader(Headers headers, String name) {
        String v = headers.get(name); // OkHttp matches header names in any case
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
