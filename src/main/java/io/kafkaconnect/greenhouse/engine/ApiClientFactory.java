package io.kafkaconnect.greenhouse.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.Credentials;
import io.kafkaconnect.greenhouse.api.CredentialsContext;
import io.kafkaconnect.greenhouse.api.RateBudget;
import io.kafkaconnect.greenhouse.api.RetryPolicy;
import io.kafkaconnect.greenhouse.api.ServerClock;
import io.kafkaconnect.greenhouse.api.SharedRateBudgets;
import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Builds the API client a configuration describes. */
public final class ApiClientFactory {
    private ApiClientFactory() {
    }

    /**
     * A task's client: it joins the rate budget its credential shares with the other tasks of this JVM;
     * {@link ApiClient#close} leaves it and gives back what its credentials share (an OAuth token).
     */
    public static ApiClient create(EngineConfig config, Sleeper sleeper, Clock clock) {
        return create(config, sleeper, clock, config.httpTimeout(), config.retryPolicy(), true);
    }

    /**
     * validate()'s client, with its own timeout and retry policy for quick checks, and a rate budget of its own, so
     * that a check changes nothing the running tasks share; an OAuth token is the running tasks' if they use this very
     * credential, else one of its own that no task sees (see {@link CredentialsContext#task}).
     */
    public static ApiClient forValidation(EngineConfig config, Sleeper sleeper, Clock clock, Duration timeout,
                                          RetryPolicy retry) {
        return create(config, sleeper, clock, timeout, retry, false);
    }

    private static ApiClient create(EngineConfig config, Sleeper sleeper, Clock clock, Duration timeout,
                                    RetryPolicy retry, boolean task) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout)
                .followRedirects(false) // ApiClient follows redirects to the configured origin only
                .followSslRedirects(false)
                .build();
        Dialect dialect = config.dialect();
        Credentials credentials = config.credentials(new CredentialsContext(http, sleeper, retry, clock, task));
        // the credentials object is this client's own: it identifies the client among the budget's users
        RateBudget budget = task
                ? SharedRateBudgets.join(credentials.budgetKey(), credentials, clock, dialect.rateLimitWindow(),
                        config.budgetFraction())
                : RateBudget.unshared(clock, dialect.rateLimitWindow(), config.budgetFraction());
        dialect.documentedRateLimit().ifPresent(budget::assumeLimit);
        return new ApiClient(http, config.baseUrl(), credentials, dialect.protocol(), retry, budget,
                new ServerClock(clock), sleeper, new ObjectMapper(), config.maxResponseBytes());
    }
}
