package io.kafkaconnect.greenhouse.api;

import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * What credentials may need besides their secret: an HTTP client, waits, retries and a clock for a token endpoint,
 * and whose they are.
 *
 * @param task true for a task's client, which holds a use of what its credential shares in this JVM (a token) until
 *             it closes; false for validate()'s, which borrows what running tasks share and shares nothing of its own
 */
public record CredentialsContext(OkHttpClient http, Sleeper sleeper, RetryPolicy retry, Clock clock, boolean task) {
}
