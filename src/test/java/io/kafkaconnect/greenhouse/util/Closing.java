package io.kafkaconnect.greenhouse.it;

/** Closing what an IT started, in order (the worker before the simulator it reads), whatever did not start. */
final class Closing {
    private Closing() {
    }

    /** Closes each resource that is not null, in order; the first failure is thrown once all are closed. */
    static void inOrder(AutoCloseable... resources) throws Exception {
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
}
