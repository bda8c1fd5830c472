package io.kafkaconnect.greenhouse.dialect;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.Credentials;
import io.kafkaconnect.greenhouse.api.RateBudget;
import io.kafkaconnect.greenhouse.api.RetryPolicy;
import io.kafkaconnect.greenhouse.api.ServerClock;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The {@link ApiClient} tests read a dialect's answers with, from a scripted or simulated server: the dialect's
 * protocol, retries a millisecond or two apart, its own rate budget, the system clock.
 */
public final class TestApiClient {
    private TestApiClient() {
    }

    /** With an unshared budget over the dialect's rate-limit window. */
    public static ApiClient of(HttpUrl base, Credentials credentials, Dialect dialect, int retries) {
        return of(base, credentials, dialect, retries,
                RateBudget.unshared(Clock.systemUTC(), dialect.rateLimitWindow(), 1.0));
    }

    public static ApiClient of(HttpUrl base, Credentials credentials, Dialect dialect, int retries, RateBudget budget) {
        return new ApiClient(new OkHttpClient(), base, credentials, dialect.protocol(),
                new RetryPolicy(retries, Duration.ofMillis(1), Duration.ofMillis(2)), budget,
                new ServerClock(Clock.systemUTC()), new Sleeper(), new ObjectMapper());
    }
}
