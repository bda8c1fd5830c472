package io.kafkaconnect.greenhouse.engine;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiException;
import io.kafkaconnect.greenhouse.api.RetryPolicy;
import io.kafkaconnect.greenhouse.api.TokenEndpointException;
import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.util.DaemonThreads;
import io.kafkaconnect.greenhouse.util.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live part of validate(): authenticates and reads one record of each selected resource, within the
 * validation timeout, and reports problems against the setting a user must change. Never throws, never
 * hangs.
 */
public final class LiveCheck {
    private static final Logger log = LoggerFactory.getLogger(LiveCheck.class);
    private static final int PARALLEL_REQUESTS = 4;
    private static final Duration RETRY_INITIAL = Duration.ofMillis(100);
    private static final Duration RETRY_MAX = Duration.ofSeconds(1);

    private LiveCheck() {
    }

    /** Setting → problems found (empty when all is well). */
    public static Map<String, List<String>> run(EngineConfig config) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        String api = config.dialect().protocol().apiName();
        String baseUrl = config.baseUrlSetting();
        Sleeper sleeper = new Sleeper();
        Duration timeout = config.validationTimeout();
        ApiClient client = ApiClientFactory.forValidation(config, sleeper, Clock.systemUTC(), timeout,
                retriesWithin(timeout));
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_REQUESTS, new DaemonThreads("greenhouse-validate"));
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Map<Resource, Future<?>> checks = new LinkedHashMap<>();
            for (Resource resource : config.resources()) {
                checks.put(resource, pool.submit(() -> client.exchange(config.dialect().probe(config.baseUrl(),
                        resource), resource.name(), (request, named, headers, body, serverDate) -> {
                            config.dialect().protocol().checkBody(body, named, request);
                            return body;
                        })));
            }
            TreeSet<String> forbidden = new TreeSet<>();
            for (Map.Entry<Resource, Future<?>> check : checks.entrySet()) {
                try {
                    check.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    add(problems, baseUrl, api + " did not answer within "
                            + timeout.toMillis() + " ms (validation.timeout.ms) at " + config.baseUrl());
                    break;
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof TokenEndpointException token) {
                        token.settings().forEach(key -> add(problems, key, token.getMessage()));
                        break;
                    } else if (cause instanceof ApiException answer && answer.status() == 401) {
                        for (String key : config.credentialSettings().split(",\\s*")) {
                            add(problems, key, answer.getMessage());
                        }
                        break;
                    } else if (cause instanceof ApiException answer && answer.status() == 403) {
                        forbidden.add(check.getKey().name());
                    } else if (cause instanceof ApiException answer && answer.status() == 404) {
                        add(problems, baseUrl, api + " has no endpoint for " + check.getKey().name() + " at "
                                + config.baseUrl() + " (HTTP 404): check " + baseUrl);
                        break;
                    } else {
                        add(problems, baseUrl, "Could not read " + check.getKey().name()
                                + " from " + config.baseUrl() + ": " + cause.getMessage());
                        break;
                    }
                }
            }
            if (!forbidden.isEmpty()) {
                reportForbidden(problems, config, List.copyOf(forbidden), client.accessHint(List.copyOf(forbidden)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            add(problems, baseUrl, "Validation was interrupted");
        } catch (RuntimeException e) {
            log.warn("The live check of the connector configuration failed unexpectedly", e);
            add(problems, baseUrl, "The live check failed: " + e.getMessage());
        } finally {
            sleeper.stop();
            pool.shutdownNow();
            client.close();
        }
        return problems;
    }

    /**
     * The selected resources the credential may not read, all in one message with what to grant: a problem with
     * {@code resources.forbidden=fail}; with {@code skip} only if it may read none of them (the tasks would read
     * nothing), else logged.
     */
    static void reportForbidden(Map<String, List<String>> problems, EngineConfig config, List<String> forbidden,
                                String grant) {
        int selected = config.resources().size();
        String setting = config.resourcesSetting();
        boolean skip = config.forbiddenResources() == EngineConfig.ForbiddenResources.SKIP;
        String names = String.join(", ", forbidden);
        if (skip && forbidden.size() < selected) {
            log.info("The credential may not read {} of the {} selected resources (HTTP 403): {}; with {}=skip the "
                    + "tasks leave them out. To read them, {}", forbidden.size(), selected, names,
                    EngineConfig.RESOURCES_FORBIDDEN, grant);
            return;
        }
        String which = forbidden.size() < selected ? forbidden.size() + " of the " + selected : "any of the " + selected;
        add(problems, setting, "The credential may not read " + which + " selected resources (HTTP 403): " + names
                + ". To read them, " + grant + "; or remove them from " + setting
                + (forbidden.size() < selected
                ? ", or set " + EngineConfig.RESOURCES_FORBIDDEN + "=skip to read the others without them."
                : " and select resources the credential may read (" + EngineConfig.RESOURCES_FORBIDDEN
                        + "=skip leaves out only some)."));
    }

    /**
     * Quick retries of passing failures (5xx, resets, a redirect to another origin, ...), as many as their longest
     * back-offs fit in half of {@code timeout}: one odd answer does not reject a configuration, and a failure that
     * persists is reported with its cause before the timeout.
     */
    static RetryPolicy retriesWithin(Duration timeout) {
        long left = timeout.toMillis() / 2;
        int retries = 0;
        for (long wait = RETRY_INITIAL.toMillis(); wait <= left; wait = Math.min(2 * wait, RETRY_MAX.toMillis())) {
            left -= wait;
            retries++;
        }
        return new RetryPolicy(Math.max(2, retries), RETRY_INITIAL, RETRY_MAX);
    }

    private static void add(Map<String, List<String>> problems, String key, String message) {
        problems.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
    }
}
