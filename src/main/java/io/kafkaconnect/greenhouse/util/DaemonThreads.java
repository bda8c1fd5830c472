package io.kafkaconnect.greenhouse.util;

import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * Daemon threads, so a forgotten pool never keeps a worker JVM alive, that carry the logging context of the
 * thread that made the factory: on a task's thread that is Kafka Connect's {@code connector.context}
 * ({@code [name|task-0] }), so every line the pool logs says whose it is, and the threads are named after the
 * connector and task ({@code name-task-0-fetch-1}).
 */
public final class DaemonThreads implements ThreadFactory {
    /** The MDC key Kafka Connect sets on the threads it runs a connector's and a task's code on. */
    static final String CONNECT_CONTEXT = "connector.context";

    private final String prefix;
    private final Map<String, String> context;
    private final AtomicInteger count = new AtomicInteger();

    /** @param role what the threads do, e.g. {@code fetch} */
    public DaemonThreads(String role) {
        this(role, MDC.getCopyOfContextMap());
    }

    /** @param context the logging context the threads run in (null: none) */
    DaemonThreads(String role, Map<String, String> context) {
        this.context = context;
        this.prefix = owner(context) + role;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(() -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            r.run();
        }, prefix + "-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    /** {@code [orders|task-3] } → {@code orders-task-3-}; nothing without Connect's context. */
    private static String owner(Map<String, String> context) {
        String connect = context == null ? null : context.get(CONNECT_CONTEXT);
        if (connect == null || connect.isBlank()) {
            return "";
        }
        String owner = connect.trim().replaceAll("^\\[|]$", "").replace('|', '-').replaceAll("\\s+", "_");
        return owner.isEmpty() ? "" : owner + "-";
    }
}
