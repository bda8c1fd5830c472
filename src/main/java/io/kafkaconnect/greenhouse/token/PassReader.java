package io.kafkaconnect.greenhouse.token;

import io.kafkaconnect.greenhouse.api.CursorPage;
import io.kafkaconnect.greenhouse.api.StoppedException;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TokenDialect;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import okhttp3.HttpUrl;

/**
 * Reads the pages of a {@link TokenSync}'s passes, each with the records to send for it ({@link ListedRecords}):
 * fetched ahead of the steps on the task's fetch pool ({@link PassReadAhead}), or, without one, in the step.
 *
 * @param <R> a record of the list, as its {@link ListedRecords} reads it
 */
final class PassReader<R> {
    /**
     * Pages of a pass fetched ahead of the steps: two, so the next page's request starts as soon as a page answers
     * (one request in flight per chain whatever the polls do) and a page's per-parent reads overlap the next page's.
     */
    private static final int READ_AHEAD_PAGES = 2;

    private final ListPages<R> pages;
    private final ListedRecords<R> listed;
    private final ExecutorService fetchPool;
    /** The pages of the pass fetched in the background; null without a fetch pool (everything read in the step). */
    private final PassReadAhead<R> readAhead;

    PassReader(Resource resource, TokenDialect dialect, ResourceSync.Context context, ListedRecords<R> listed) {
        this.pages = new ListPages<>(resource, dialect, context.client(), context.settings(), listed.parser());
        this.listed = listed;
        this.fetchPool = context.fetchPool();
        this.readAhead = fetchPool == null ? null
                : new PassReadAhead<>(READ_AHEAD_PAGES, this::fetchInBackground, listed);
    }

    /** The page at {@code at} and its records to send: the one fetched ahead if it is that one, else fetched now. */
    PassReadAhead.Fetched<R> pageAt(TokenOffset at) throws InterruptedException {
        CompletableFuture<PassReadAhead.Fetched<R>> ahead = readAhead == null ? null : readAhead.take(at);
        if (ahead == null) {
            CursorPage<R> page = fetch(at);
            return new PassReadAhead.Fetched<>(page, await(listed.toSend(page.records())));
        }
        try {
            return await(ahead);
        } catch (InterruptedException e) {
            readAhead.drop();
            throw e;
        }
    }

    /** Starts fetching the page at {@code at} in the background, unless pages are being fetched ahead already. */
    void fetchAhead(TokenOffset at) {
        if (readAhead != null) {
            readAhead.ensure(at);
        }
    }

    /**
     * True when the page at {@code at} is there without waiting for an answer. With nothing fetched ahead (a pass
     * about to start), starts fetching it.
     */
    boolean ready(TokenOffset at) {
        return readAhead == null || readAhead.ready(at);
    }

    /** Waits up to {@code max} for the first page fetched ahead. */
    void awaitReady(Duration max) throws InterruptedException {
        if (readAhead != null) {
            readAhead.await(max);
        }
    }

    /** The URL of the resource's list, for messages. */
    HttpUrl listUrl() {
        return pages.url();
    }

    /** Drops what was fetched ahead and the reads not started yet. */
    void close() {
        if (readAhead != null) {
            readAhead.drop();
        }
        listed.close();
    }

    private CursorPage<R> fetch(TokenOffset at) {
        return pages.read(at.token(), at.cursor());
    }

    private CompletableFuture<CursorPage<R>> fetchInBackground(TokenOffset at) {
        try {
            return CompletableFuture.supplyAsync(() -> fetch(at), fetchPool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new StoppedException()); // the task is stopping
        }
    }

    /** The result of a read, with the same exceptions as a read in this thread (handled the same way). */
    private static <T> T await(CompletableFuture<T> read) throws InterruptedException {
        try {
            return read.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
