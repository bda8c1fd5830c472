package io.kafkaconnect.greenhouse.token;

import io.kafkaconnect.greenhouse.api.CursorPage;
import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The pages of a pass fetched ahead of a {@link TokenSync}'s steps, in pass order, at most {@code depth} pages at a
 * time. A page is requested as soon as the one before it has answered (its cursor is known), not when that one is
 * handed over, so a cursor chain always has its one request in flight, whatever the task's polls are doing; and a
 * page's records to send ({@link ListedRecords#toSend}: per changed parent, its parents' child lists) are read as
 * soon as the page is there, while the next page is fetched and the reads of the page before may still run. The
 * sync takes the pages in order ({@link #take}); a position it did not expect (a pass restarted) drops everything
 * fetched ahead.
 *
 * @param <R> a record of the list, as its {@link ListedRecords} reads it
 */
final class PassReadAhead<R> {

    /** A page and the records to send for it: its own, or (per changed parent) its parents' child records. */
    record Fetched<R>(CursorPage<R> page, List<ParsedRecord> records) {
    }

    private static final class Entry<R> {
        final TokenOffset at;
        CompletableFuture<Fetched<R>> fetched;
        /** Set when the page answered: the position of the page after it; null when it was the pass's last. */
        TokenOffset next;
        boolean answered;
        boolean dropped;

        Entry(TokenOffset at) {
            this.at = at;
        }
    }

    private final int depth;
    private final Function<TokenOffset, CompletableFuture<CursorPage<R>>> fetchPage;
    private final ListedRecords<R> listed;
    private final Deque<Entry<R>> entries = new ArrayDeque<>();
    /** The last page started, taken or not: the next one follows it. */
    private Entry<R> last;

    /**
     * @param fetchPage starts fetching the page at a position (in the background)
     * @param listed    what the records of a page are read as, and the records to send for them
     */
    PassReadAhead(int depth, Function<TokenOffset, CompletableFuture<CursorPage<R>>> fetchPage,
                  ListedRecords<R> listed) {
        this.depth = Math.max(1, depth);
        this.fetchPage = fetchPage;
        this.listed = listed;
    }

    /** Starts fetching the page at {@code at} unless pages are being fetched ahead already. */
    synchronized void ensure(TokenOffset at) {
        if (entries.isEmpty()) {
            drop();
            start(at);
        }
    }

    /**
     * The page at {@code at}, fetched ahead; null if none is (then everything fetched ahead is dropped: the pass
     * goes on elsewhere).
     */
    synchronized CompletableFuture<Fetched<R>> take(TokenOffset at) {
        Entry<R> head = entries.peekFirst();
        if (head == null || !head.at.equals(at)) {
            drop();
            return null;
        }
        entries.pollFirst();
        fill();
        return head.fetched;
    }

    /**
     * Whether the page at {@code at} is there to take without waiting. With nothing fetched ahead, starts fetching
     * it and answers false.
     */
    synchronized boolean ready(TokenOffset at) {
        Entry<R> head = entries.peekFirst();
        if (head == null) {
            ensure(at);
            return false;
        }
        return !head.at.equals(at) || head.fetched.isDone();
    }

    /** Waits up to {@code max} for the first page fetched ahead (whatever its outcome). */
    void await(Duration max) throws InterruptedException {
        CompletableFuture<Fetched<R>> head;
        synchronized (this) {
            head = entries.isEmpty() ? null : entries.peekFirst().fetched;
        }
        if (head == null) {
            return;
        }
        try {
            head.get(max.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            // ready or not, the step finds out
        }
    }

    /** Drops everything fetched ahead. */
    synchronized void drop() {
        for (Entry<R> e : entries) {
            e.dropped = true;
            e.fetched.cancel(false);
        }
        entries.clear();
        if (last != null) {
            last.dropped = true;
        }
        last = null;
    }

    private void start(TokenOffset at) {
        Entry<R> entry = new Entry<>(at);
        entries.addLast(entry);
        last = entry;
        entry.fetched = fetchPage.apply(at).thenCompose(page -> answered(entry, page)
                ? listed.toSend(page.records()).thenApply(records -> new Fetched<>(page, records))
                : CompletableFuture.completedFuture(new Fetched<>(page, List.of()))); // dropped: nobody takes it
    }

    /** Notes that a page answered and starts the next; false if the page was dropped meanwhile. */
    private synchronized boolean answered(Entry<R> entry, CursorPage<R> page) {
        entry.answered = true;
        entry.next = page.isLast() ? null : entry.at.atCursor(page.nextCursor());
        if (entry.dropped) {
            return false;
        }
        fill();
        return true;
    }

    /** Starts the pages after the last one started, while fewer than {@code depth} are ahead. */
    private void fill() {
        while (entries.size() < depth && last != null && !last.dropped && last.answered && last.next != null) {
            start(last.next);
        }
    }
}
