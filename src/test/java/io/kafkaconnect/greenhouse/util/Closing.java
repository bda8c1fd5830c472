package io.kafkaconnect.greenhouse.util;

import java.util.concurrent.ExecutorService;

/** Closing what a test started, in order (a client before the simulator it reads), whatever did not start. */
public final class Closing {
    private Closing() {
    }

    /** Closes each resource that is not null, in order; the first failure is thrown once all are closed. */
    public static void inOrder(AutoCloseable... resources) throws Exception {
        Exception first = null;
        for (AutoCloseable r : resources) {
            if (r == null) {
                continue;
            }
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** A pool to close by stopping its threads (null: none). */
    public static AutoCloseable shutdownNow(ExecutorService pool) {
        return pool == null ? null : pool::shutdownNow;
    }
}
