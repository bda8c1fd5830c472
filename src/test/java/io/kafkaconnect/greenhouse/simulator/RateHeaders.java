package io.kafkaconnect.greenhouse.simulator;

import io.kafkaconnect.greenhouse.simulator.core.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * How the simulator writes its rate-limit headers. {@link #documented()} (the default) is the leanest reading of
 * the Harvest v1 docs: every answer carries {@code X-Ratelimit-Limit} and {@code X-Ratelimit-Remaining} (that
 * casing), and only a 429 adds {@code X-RateLimit-Reset} (epoch seconds) and {@code Retry-After} (seconds). Each
 * {@code with...} switch is one variation a client must survive.
 *
 * @param resetOnEveryAnswer {@code X-RateLimit-Reset} on every answer, not only on 429s
 * @param lowerCaseNames     header names in lower case
 * @param limit              whether {@code X-Ratelimit-Limit} is sent
 * @param remaining          whether {@code X-Ratelimit-Remaining} is sent
 * @param reset              the shape of {@code X-RateLimit-Reset}
 * @param retryAfterAsDate   {@code Retry-After} as an HTTP date rather than seconds
 * @param absurd             nonsense in place of the limit and of both waits
 */
public record RateHeaders(boolean resetOnEveryAnswer, boolean lowerCaseNames, boolean limit, boolean remaining,
                          ResetShape reset, boolean retryAfterAsDate, Absurd absurd) {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final Duration YEARS = Duration.ofDays(3 * 365);

    /** How {@code X-RateLimit-Reset} tells the end of the window. */
    public enum ResetShape { EPOCH_SECONDS, EPOCH_MILLIS, HTTP_DATE, DELTA_SECONDS }

    /** Nonsense a server might send: the limit and both waits as 0, as negative, or (waits) years ahead. */
    public enum Absurd { NONE, ZERO, NEGATIVE, YEARS_AHEAD }

    public static RateHeaders documented() {
        return new RateHeaders(false, false, true, true, ResetShape.EPOCH_SECONDS, false, Absurd.NONE);
    }

    public RateHeaders withResetOnEveryAnswer() {
        return new RateHeaders(true, lowerCaseNames, limit, remaining, reset, retryAfterAsDate, absurd);
    }

    public RateHeaders withLowerCaseNames() {
        return new RateHeaders(resetOnEveryAnswer, true, limit, remaining, reset, retryAfterAsDate, absurd);
    }

    public RateHeaders withoutLimit() {
        return new RateHeaders(resetOnEveryAnswer, lowerCaseNames, false, remaining, reset, retryAfterAsDate, absurd);
    }

    public RateHeaders withoutRemaining() {
        return new RateHeaders(resetOnEveryAnswer, lowerCaseNames, limit, false, reset, retryAfterAsDate, absurd);
    }

    public RateHeaders withReset(ResetShape shape) {
        return new RateHeaders(resetOnEveryAnswer, lowerCaseNames, limit, remaining, shape, retryAfterAsDate, absurd);
    }

    public RateHeaders withRetryAfterAsDate() {
        return new RateHeaders(resetOnEveryAnswer, lowerCaseNames, limit, remaining, reset, true, absurd);
    }

    public RateHeaders with(Absurd nonsense) {
        return new RateHeaders(resetOnEveryAnswer, lowerCaseNames, limit, remaining, reset, retryAfterAsDate, nonsense);
    }

    /** Adds the headers for {@code decision} to {@code headers}; {@code throttled}: the answer is a 429. */
    void write(Map<String, String> headers, RateLimiter.Decision decision, boolean throttled, Instant now) {
        if (limit) {
            String value = switch (absurd) {
                case ZERO -> "0";
                case NEGATIVE -> "-" + decision.limit();
                default -> String.valueOf(decision.limit());
            };
            headers.put(name("X-Ratelimit-Limit"), value);
        }
        if (remaining) {
            headers.put(name("X-Ratelimit-Remaining"), String.valueOf(decision.remaining()));
        }
        if (throttled || resetOnEveryAnswer) {
            headers.put(name("X-RateLimit-Reset"), resetValue(Instant.ofEpochSecond(decision.resetEpochSeconds()), now));
        }
        if (throttled) {
            headers.put(name("Retry-After"), retryAfterValue(decision.retryAfterSeconds(), now));
        }
    }

    private String resetValue(Instant at, Instant now) {
        switch (absurd) {
            case ZERO:
                return "0";
            case NEGATIVE:
                return "-" + at.getEpochSecond();
            case YEARS_AHEAD:
                at = now.plus(YEARS);
                break;
            default:
                break;
        }
        return switch (reset) {
            case EPOCH_SECONDS -> String.valueOf(at.getEpochSecond());
            case EPOCH_MILLIS -> String.valueOf(at.toEpochMilli());
            case HTTP_DATE -> HTTP_DATE.format(at);
            case DELTA_SECONDS -> String.valueOf(Math.max(0, (Duration.between(now, at).toMillis() + 999) / 1000));
        };
    }

    private String retryAfterValue(long seconds, Instant now) {
        long wait = switch (absurd) {
            case ZERO -> 0;
            case NEGATIVE -> -seconds;
            case YEARS_AHEAD -> YEARS.toSeconds();
            default -> seconds;
        };
        return retryAfterAsDate ? HTTP_DATE.format(now.plusSeconds(wait)) : String.valueOf(wait);
    }

    private String name(String canonical) {
        return lowerCaseNames ? canonical.toLowerCase(Locale.ROOT) : canonical;
    }
}
