package io.kafkaconnect.greenhouse.sync;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiException;
import io.kafkaconnect.greenhouse.api.ApiPage;
import io.kafkaconnect.greenhouse.dialect.PageNumbers;
import io.kafkaconnect.greenhouse.util.ContentHash;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one walk through a list's pages (a window read page by page, a piece of a backfill, a pass of cursor pages)
 * from going round in circles when the API's paging misbehaves. A link or cursor that leads back to a page already
 * read in the walk, or page numbers that do not move the way the walk goes, end the walk with an
 * {@link ApiException} naming the resource and the URL (without its query); a downward walk that meets a page
 * without a {@code prev} link before page 1 goes on at the page below it; a page with more records than asked is
 * read as it is (logged once per resource). Remembers a 64-bit digest or two per page read. One per walk; not thread-safe.
 */
public final class PagingGuard {
    private static final Logger log = LoggerFactory.getLogger(PagingGuard.class);

    private final String resource;
    private final int pageSize;
    private final PageNumbers pageNumbers;
    private final AtomicBoolean oversizeLogged;
    private final Set<Long> read = new HashSet<>();
    /** Digest of each cursor handed out → digest of the cursor of the page that handed it out (0: the first). */
    private final Map<Long, Long> handedOutBy = new HashMap<>();
    private HttpUrl first;
    private boolean missingPrevLogged;

    /**
     * @param pageSize       the records a page was asked for
     * @param pageNumbers    how the walk's links number their pages ({@link PageNumbers#NONE} for cursors)
     * @param oversizeLogged shared by the resource's walks, so that a page larger than asked is logged once
     */
    public PagingGuard(String resource, int pageSize, PageNumbers pageNumbers, AtomicBoolean oversizeLogged) {
        this.resource = resource;
        this.pageSize = pageSize;
        this.pageNumbers = pageNumbers;
        this.oversizeLogged = oversizeLogged;
    }

    /** The walk starts again at its first page (a refused cursor): what it read before does not count. */
    public void restart() {
        read.clear();
        handedOutBy.clear();
        first = null;
    }

    /**
     * Checks the page read at {@code url} before the walk follows its link ({@code prev} when {@code downward},
     * else {@code next}), and returns it: as it came, or on a page-number endpoint without a {@code prev} link
     * above page 1, with one to the page below.
     */
    public <R> ApiPage<R> check(HttpUrl url, ApiPage<R> page, boolean downward) {
        checkSize(page.records().size(), url);
        read.add(ContentHash.of(url.toString()));
        if (first == null) {
            first = url;
        }
        Integer at = pageNumbers.of(url);
        if (downward && at != null) {
            Integer to = pageNumbers.of(page.prev());
            if (page.prev() == null && at > 1) {
                return withPrev(page, url, at);
            }
            if (page.prev() != null && to != null && to != at - 1) {
                throw anomaly("'prev' link of page " + at + " leads to page " + to + " instead of page " + (at - 1),
                        url);
            }
        }
        HttpUrl link = downward ? page.prev() : page.next();
        Integer nextAt = downward ? null : pageNumbers.of(link);
        if (at != null && nextAt != null && nextAt <= at) {
            throw anomaly("'next' link of page " + at + " leads to page " + nextAt, url);
        }
        // a downward walk ends where it began, at the first page
        if (link != null && !(downward && link.equals(first)) && read.contains(ContentHash.of(link.toString()))) {
            throw anomaly("'" + (downward ? "prev" : "next") + "' link leads back to a page already read in this "
                    + "walk (" + ApiClient.redact(link) + ")", url);
        }
        return page;
    }

    /**
     * Checks a page of a cursor-paged pass (read at {@code url} with {@code cursor}, null for the first page, and
     * holding {@code records}) that hands out {@code nextCursor} (null on the last page): a cursor handed out before
     * in the pass by another page would read the same pages again. The same page read again (a step retried after a
     * passing failure) may hand out the same cursor.
     */
    public void checkCursor(String cursor, String nextCursor, int records, HttpUrl url) {
        checkSize(records, url);
        if (nextCursor == null) {
            return;
        }
        long from = cursor == null ? 0 : ContentHash.of(cursor);
        Long before = handedOutBy.putIfAbsent(ContentHash.of(nextCursor), from);
        if (before != null && before != from || nextCursor.equals(cursor)) {
            throw anomaly("cursor was handed out before in this pass", url);
        }
    }

    private void checkSize(int records, HttpUrl url) {
        if (records > pageSize && oversizeLogged.compareAndSet(false, true)) {
            log.warn("{}: the API sent {} records on a page of at most {} asked for ({}); they are all read, and paging "
                    + "goes on by the API's links (logged once)", resource, records, pageSize, ApiClient.redact(url));
        }
    }

    private <R> ApiPage<R> withPrev(ApiPage<R> page, HttpUrl url, int at) {
        if (!missingPrevLogged) {
            missingPrevLogged = true;
            log.warn("{}: page {} came without a 'prev' link ({}); the walk goes on at page {} and down to page 1 by "
                    + "page number", resource, at, ApiClient.redact(url), at - 1);
        }
        HttpUrl prev = pageNumbers.at(url, at - 1);
        return new ApiPage<>(page.url(), page.records(), page.next(), prev, page.last(), page.serverTime());
    }

    private ApiException anomaly(String what, HttpUrl url) {
        return new ApiException(0, "Paging of " + resource + " went wrong at " + ApiClient.redact(url) + ": the "
                + what + ". Reading on could read the same records again and again, or skip some, so the task "
                + "stops here; it resumes from this page once restarted (if the API keeps answering so, report it "
                + "to the API's provider)");
    }

}
