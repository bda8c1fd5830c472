package io.kafkaconnect.greenhouse.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiKeyCredentials;
import io.kafkaconnect.greenhouse.api.Credentials;
import io.kafkaconnect.greenhouse.api.RateBudget;
import io.kafkaconnect.greenhouse.api.ServerClock;
import io.kafkaconnect.greenhouse.config.GreenhouseSourceConfig;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import okhttp3.OkHttpClient;

/** Builds the API client a configuration describes. */
public final class ApiClientFactory {
    private ApiClientFactory() {
    }

    public static ApiClient create(GreenhouseSourceConfig config, Sleeper sleeper, Clock clock) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(config.httpTimeout())
                .readTimeout(config.httpTimeout())
                .writeTimeout(config.httpTimeout())
                .followRedirects(false)
                .build();
        Credentials credentials = new ApiKeyCredentials(config.apiKey().value(), GreenhouseSourceConfig.API_KEY);
        RateBudget budget = RateBudget.shared(credentials.budgetKey(), clock);
        return new ApiClient(http, config.baseUrl(), credentials, config.retryPolicy(), budget, new ServerClock(clock),
                sleeper, new ObjectMapper());
    }
}
