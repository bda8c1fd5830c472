package io.kafkaconnect.greenhouse.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiKeyCredentials;
import io.kafkaconnect.greenhouse.api.Credentials;
import io.kafkaconnect.greenhouse.api.OAuthCredentials;
import io.kafkaconnect.greenhouse.api.RateBudget;
import io.kafkaconnect.greenhouse.api.ServerClock;
import io.kafkaconnect.greenhouse.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.util.Sleeper;
import io.kafkaconnect.greenhouse.api.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Builds the API client a configuration describes. */
public final class ApiClientFactory {
    private ApiClientFactory() {
    }

    public static ApiClient create(GreenhouseSourceConfig config, Sleeper sleeper, Clock clock) {
        return create(config, sleeper, clock, config.httpTimeout(), config.retryPolicy());
    }

    /** A client with its own timeout and retry policy, e.g. for the quick checks of validate(). */
    public static ApiClient create(GreenhouseSourceConfig config, Sleeper sleeper, Clock clock, Duration timeout,
                                   RetryPolicy retry) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout)
                .followRedirects(false)
                .build();
        Credentials credentials = credentials(config, http, sleeper, clock, retry);
        RateBudget budget = RateBudget.shared(credentials.budgetKey(), clock, config.dialect().rateLimitWindow(),
                config.budgetFraction());
        return new ApiClient(http, config.baseUrl(), credentials, retry, budget, new ServerClock(clock),
                sleeper, new ObjectMapper());
    }

    /**
     * v1: the API key. v3: an OAuth client-credentials token shared by every task of this JVM that uses the same
     * client id, token URL and user id (fetched on first use, with this task's sleeper for back-offs).
     */
    static Credentials credentials(GreenhouseSourceConfig config, OkHttpClient http, Sleeper sleeper, Clock clock,
                                   RetryPolicy retry) {
        if ("v3".equals(config.apiVersion())) {
            return OAuthCredentials.create(config.oauthTokenUrl(), config.oauthClientId(),
                    config.oauthClientSecret().value(), config.oauthUserId().orElse(null), http, sleeper, retry,
                    clock);
        }
        return new ApiKeyCredentials(config.apiKey().value(), GreenhouseSourceConfig.API_KEY);
    }
}
