package io.kafkaconnect.greenhouse.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiKeyCredentials;
import io.kafkaconnect.greenhouse.api.Credentials;
import io.kafkaconnect.greenhouse.api.OAuthCredentials;
import io.kafkaconnect.greenhouse.api.RateBudget;
import io.kafkaconnect.greenhouse.api.RetryPolicy;
import io.kafkaconnect.greenhouse.api.ServerClock;
import io.kafkaconnect.greenhouse.api.SharedRateBudgets;
import io.kafkaconnect.greenhouse.ashby.AshbyAccess;
import io.kafkaconnect.greenhouse.ashby.AshbySourceConfig;
import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.harvest.GreenhouseSourceConfig;
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
     * {@link ApiClient#close} leaves it and gives back its share of a v3 token.
     */
    public static ApiClient create(EngineConfig config, Sleeper sleeper, Clock clock) {
        return create(config, sleeper, clock, config.httpTimeout(), config.retryPolicy(), true);
    }

    /**
     * validate()'s client, with its own timeout and retry policy for quick checks, and a rate budget of its own, so
     * that a check changes nothing the running tasks share; a v3 token is the running tasks' if they use this very
     * credential, else one of its own that no task sees (see {@link OAuthCredentials#forCheck}).
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
        Credentials credentials = credentials(config, http, sleeper, clock, retry, task);
        // the credentials object is this client's own: it identifies the client among the budget's users
        RateBudget budget = task
                ? SharedRateBudgets.join(credentials.budgetKey(), credentials, clock, dialect.rateLimitWindow(),
                        config.budgetFraction())
                : RateBudget.unshared(clock, dialect.rateLimitWindow(), config.budgetFraction());
        dialect.documentedRateLimit().ifPresent(budget::assumeLimit);
        return new ApiClient(http, config.baseUrl(), credentials, dialect.protocol(), retry, budget,
                new ServerClock(clock), sleeper, new ObjectMapper(), config.maxResponseBytes());
    }

    /**
     * Harvest v1 and Ashby: the API key. Harvest v3: an OAuth client-credentials token shared by every task of this
     * JVM that uses the same client id, secret, token URL and user id (fetched on first use, with this task's sleeper
     * for back-offs); validate() ({@code task} false) borrows it and shares nothing of its own.
     */
    static Credentials credentials(EngineConfig config, OkHttpClient http, Sleeper sleeper, Clock clock,
                                   RetryPolicy retry, boolean task) {
        if (config instanceof AshbySourceConfig ashby) {
            return new ApiKeyCredentials(ashby.apiKey().value(), AshbySourceConfig.API_KEY, AshbyAccess::hint);
        }
        GreenhouseSourceConfig greenhouse = (GreenhouseSourceConfig) config;
        if ("v3".equals(greenhouse.apiVersion())) {
            return task
                    ? OAuthCredentials.create(greenhouse.oauthTokenUrl(), greenhouse.oauthClientId(),
                            greenhouse.oauthClientSecret().value(), greenhouse.oauthUserId().orElse(null), http,
                            sleeper, retry, clock)
                    : OAuthCredentials.forCheck(greenhouse.oauthTokenUrl(), greenhouse.oauthClientId(),
                            greenhouse.oauthClientSecret().value(), greenhouse.oauthUserId().orElse(null), http,
                            sleeper, retry, clock);
        }
        return new ApiKeyCredentials(greenhouse.apiKey().value(), GreenhouseSourceConfig.API_KEY);
    }
}
