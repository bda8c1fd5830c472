package io.kafkaconnect.greenhouse.simulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** Test helper: an OkHttp client (no silent retries) talking to a simulator; each simulator adds its calls. */
public abstract class SimulatorClient implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    public final OkHttpClient client;

    /** A fully read response. */
    public interface Response {
        int status();

        Headers headers();

        String body();

        default JsonNode json() {
            try {
                return JSON.readTree(body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        default String header(String name) {
            return headers().get(name);
        }
    }

    /** Makes a simulator's response type from a fully read response. */
    protected interface ResponseType<R> {
        R of(int status, Headers headers, String body);
    }

    protected SimulatorClient(Duration readTimeout) {
        this.client = new OkHttpClient.Builder().retryOnConnectionFailure(false).readTimeout(readTimeout).build();
    }

    protected <R> R execute(Request request, ResponseType<R> type) throws IOException {
        try (okhttp3.Response r = client.newCall(request).execute()) {
            return type.of(r.code(), r.headers(), r.body().string());
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
