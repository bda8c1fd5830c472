package io.kafkaconnect.greenhouse.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class DaemonThreadsTest {

    /** What a pool thread sees: its name, and whether it is a daemon. */
    private record Seen(String name, boolean daemon) {
    }

    private static Seen runOnPool(DaemonThreads threads) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(threads);
        try {
            return CompletableFuture.supplyAsync(() -> new Seen(Thread.currentThread().getName(),
                    Thread.currentThread().isDaemon()), pool).get();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The context is handed in as Connect's task thread would have it (see the next test for the MDC itself). */
    @Test
    void aTaskPoolsThreadsAreNamedAfterTheConnectorAndTask() throws Exception {
        Map<String, String> connect = new HashMap<>();
        connect.put(DaemonThreads.CONNECT_CONTEXT, "[orders|task-3] ");

        Seen seen = runOnPool(new DaemonThreads("fetch", connect));

        assertThat(seen.name()).isEqualTo("orders-task-3-fetch-1");
        assertThat(seen.daemon()).isTrue();
    }

    /**
     * The threads log in the context of the thread that made the factory (Connect's task thread), whichever thread
     * makes them later: here one without any context, so nothing is inherited.
     */
    @Test
    void aPoolsThreadsRunInTheLoggingContextOfTheThreadThatMadeTheirFactory() throws Exception {
        KeptMdc mdc = new KeptMdc();
        try {
            MDC.put(DaemonThreads.CONNECT_CONTEXT, "[orders|task-3] ");
            DaemonThreads threads = new DaemonThreads("fetch");
            MDC.clear();
            ExecutorService pool = Executors.newSingleThreadExecutor(threads);
            try {
                Map<String, String> seen = CompletableFuture.supplyAsync(MDC::getCopyOfContextMap, pool).get();
                String name = CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), pool).get();

                assertThat(seen).containsEntry(DaemonThreads.CONNECT_CONTEXT, "[orders|task-3] ");
                assertThat(name).isEqualTo("orders-task-3-fetch-1");
                assertThat(MDC.getCopyOfContextMap()).as("the caller's context is its own").isNullOrEmpty();
            } finally {
                pool.shutdownNow();
            }
        } finally {
            mdc.close();
        }
    }

    @Test
    void aConnectorNameWithSpacesMakesOneThreadNameWord() throws Exception {
        Map<String, String> connect = new HashMap<>();
        connect.put(DaemonThreads.CONNECT_CONTEXT, "[my orders|task-0] ");

        assertThat(runOnPool(new DaemonThreads("fetch", connect)).name()).isEqualTo("my_orders-task-0-fetch-1");
    }

    @Test
    void withoutConnectsContextThreadsAreNamedByTheirRoleAlone() throws Exception {
        Seen seen = runOnPool(new DaemonThreads("greenhouse-validate"));

        assertThat(seen.name()).isEqualTo("greenhouse-validate-1");
        assertThat(seen.daemon()).isTrue();
    }
}
