package io.kafkaconnect.greenhouse.token;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs a sync's per-parent reads on the task's fetch pool, at most {@code width} at a time, the rest waiting in order.
 * A read is handed to the pool only when one of the sync's own reads ends, so the pool's queue never holds more than
 * this sync's width: the read-ahead of another resource's chain waits behind at most that many, not behind every
 * parent of a page.
 */
final class FanOut {
    private final ExecutorService pool;
    private final int width;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int running;

    /** @param pool null: every read runs at once in the caller's thread */
    FanOut(ExecutorService pool, int width) {
        this.pool = pool;
        this.width = Math.max(1, width);
    }

    <T> CompletableFuture<T> submit(Supplier<T> read) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable run = () -> {
            try {
                result.complete(read.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                ended();
            }
        };
        if (pool == null) {
            run.run();
            return result;
        }
        boolean now;
        synchronized (this) {
            now = running < width;
            if (now) {
                running++;
            } else {
                waiting.add(run);
            }
        }
        if (now) {
            execute(run, result);
        }
        return result;
    }

    private void ended() {
        if (pool == null) {
            return;
        }
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            execute(next, null);
        }
    }

    private void execute(Runnable run, CompletableFuture<?> result) {
        try {
            pool.execute(run);
        } catch (RejectedExecutionException e) { // the task is stopping
            if (result != null) {
                result.completeExceptionally(e);
            }
        }
    }

    /** Drops the reads not started yet (their results never come). */
    synchronized void clear() {
        waiting.clear();
    }
}
