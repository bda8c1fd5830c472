package io.kafkaconnect.greenhouse.window;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiPage;
import io.kafkaconnect.greenhouse.api.ExpiredCursorException;
import io.kafkaconnect.greenhouse.api.RecordParser;
import io.kafkaconnect.greenhouse.dialect.PageNumbers;
import io.kafkaconnect.greenhouse.dialect.Paging;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.dialect.WindowDialect;
import io.kafkaconnect.greenhouse.sync.PagingGuard;
import io.kafkaconnect.greenhouse.sync.ParsedRecord;
import io.kafkaconnect.greenhouse.window.WindowOffset.NextPage;
import io.kafkaconnect.greenhouse.window.WindowOffset.Walk;
import io.kafkaconnect.greenhouse.window.WindowOffset.Walking;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a window one page at a time. A window that fits one page is one request. A larger window of a
 * page-number endpoint (its first page has a {@code last} link) is walked down from the last page through
 * {@code prev} links, ending with the first page again; its first reading of page 1 is not sent. Records
 * only leave a closed window while it is read (an edit moves them past its end), and a record leaving shifts
 * only the pages after it, which a downward walk has already read: nothing is skipped. Records that shift
 * onto the next page down are recognised by id and not sent twice. Without a {@code last} link (cursor
 * APIs) the walk follows {@code next}.
 *
 * <p>A window that records can <em>enter</em> while it is read cannot be walked down: a record entering at its
 * place in the list pushes the records after it one place on, and those at the end of a page not read yet onto
 * the page after it, which a downward walk has read already. That is a window with only a lower bound (v1
 * {@code applications}), and any window that must be walked forward through links that are positions records
 * shift across (v1's next-only endpoints), since a record leaving a closed window shifts the records after it
 * back onto pages a forward walk has read. Such a window is read <em>open-ended</em>: requested with its lower
 * bound only, so that records can enter but never leave it, and walked forward, so that a record pushed on is
 * met again later, never skipped. Of each page only the records changed before the window's end are sent; the
 * rest changed while the window was read and the next window, which begins there, reads them. A record pushed
 * onto the next page is recognised by id, as in a downward walk. So each version is read in one window only.
 *
 * <p>That forward walk needs a list that keeps a changed record in its place (by id). A list ordered by change time
 * moves it to the end instead: records after it shift back onto pages read. Once a page shows that order
 * ({@link ChangeOrder}), open-ended windows of page-number endpoints are walked down from their last page, which
 * that order makes safe (what enters or changes goes to the end, already read; what shifts, shifts onto pages not
 * read yet), and those of next-only endpoints forward by change time: each page from the last change time read,
 * before which nothing shifts (a record that changes leaves it for the end).
 */
final class WindowWalker {
    private static final Logger log = LoggerFactory.getLogger(WindowWalker.class);
    private static final int UNKNOWN_PAGE_COUNT = 8;
    private final Resource resource;
    private final WindowDialect dialect;
    private final PageNumbers pageNumbers;
    private final ApiClient client;
    private final HttpUrl baseUrl;
    private final int pageSize;
    private final boolean openEnded;
    private final AtomicBoolean oversizeLogged = new AtomicBoolean();
    /** Set once a page of an open-ended window shows its list ordered by change time ({@link ChangeOrder}). */
    private final AtomicBoolean listedByChangeTime = new AtomicBoolean();
    private final SentBeforeOrderShown sentBeforeOrderShown = new SentBeforeOrderShown();
    private final RecordParser<ParsedRecord> parser;

    /** @param parser reads the resource's records from its pages (ids and change times for the walk, values to send) */
    WindowWalker(Resource resource, WindowDialect dialect, ApiClient client, HttpUrl baseUrl, int pageSize,
                 RecordParser<ParsedRecord> parser) {
        this.parser = parser;
        this.resource = resource;
        this.dialect = dialect;
        this.pageNumbers = dialect.pageNumbers();
        this.client = client;
        this.baseUrl = baseUrl;
        this.pageSize = pageSize;
        this.openEnded = resource.mode() == SyncMode.INCREMENTAL_LOWER_BOUND_ONLY
                || (resource.mode() == SyncMode.INCREMENTAL && resource.paging() == Paging.NEXT_ONLY
                && dialect.forwardLinksShift());
    }

    /** Whether windows are read open-ended (see the class comment): then they are never read in pieces. */
    boolean readsOpenEnded() {
        return openEnded;
    }

    /**
     * One page read in a window.
     *
     * @param page   the page as the API sent it
     * @param toSend its records that are to be sent
     * @param window the window it was read in
     * @param next   the position at the page to read next; empty when this was the window's last page
     */
    record Step(ApiPage<ParsedRecord> page, List<ParsedRecord> toSend, Walking window, Optional<Walking> next) {
        boolean windowDone() {
            return next.isEmpty();
        }

        /** The position after this page: the next page, or past the window once it is read. */
        WindowOffset after() {
            return next.isPresent() ? next.get() : window.read();
        }

        /** The first page of a window that has more pages. */
        boolean openedALargeWindow(Walking before) {
            return before.next() == null && page.next() != null;
        }
    }

    /** A guard for one walk through a window's pages (see {@link #next(Walking, PagingGuard)}). */
    PagingGuard newGuard() {
        return new PagingGuard(resource.name(), pageSize, pageNumbers, oversizeLogged);
    }

    /** Reads the page at {@code position} on its own, not as part of a walk. */
    Step next(Walking position) {
        return next(position, newGuard());
    }

    /**
     * Reads the page at {@code position}, as the next page of the walk that {@code guard} watches. A stored cursor
     * the API no longer accepts restarts the window at its first page (records already sent from it may be sent
     * again).
     */
    Step next(Walking position, PagingGuard guard) {
        NextPage at = position.next();
        HttpUrl url = at != null ? HttpUrl.get(at.url())
                : dialect.firstPage(baseUrl, resource,
                        new Window(position.watermark(), openEnded ? null : position.windowEnd()), pageSize);
        ApiPage<ParsedRecord> page;
        try {
            page = client.getPage(url, resource.name(), parser);
        } catch (ExpiredCursorException e) {
            if (at == null) {
                throw e;
            }
            log.warn("{}: {}", resource.name(), e.getMessage());
            guard.restart();
            return next(position.restarted(), guard);
        }
        page = guard.check(url, page, at != null && at.walk() == Walk.PREV);
        List<Long> seen = at == null ? List.of() : at.seen();
        if (openEnded) {
            return openEndedStep(url, page, position, guard);
        }
        if (at == null) {
            if (page.next() == null) {
                return step(page, page.records(), position, null, null, null);
            }
            if (page.last() != null && !page.last().equals(url)) {
                return step(page, List.of(), position, page.last(), Walk.PREV, List.of());
            }
            return step(page, page.records(), position, page.next(), Walk.NEXT, List.of());
        }
        if (at.walk() == Walk.NEXT) {
            return step(page, page.records(), position, page.next(), Walk.NEXT, List.of());
        }
        List<ParsedRecord> toSend = withoutIds(page.records(), new HashSet<>(seen));
        return step(page, toSend, position, page.prev(), Walk.PREV, ids(page.records()));
    }

    /**
     * A page of an open-ended window: walked forward while its list keeps records in place (by id). Once a page shows
     * it ordered by change time (see the class comment): down from the last page where the endpoint has page numbers,
     * and otherwise forward from the change time of each page's last record.
     */
    private Step openEndedStep(HttpUrl url, ApiPage<ParsedRecord> page, Walking position, PagingGuard guard) {
        NextPage at = position.next();
        List<Long> seen = at == null ? List.of() : at.seen();
        boolean down = at != null && at.walk() == Walk.PREV;
        if (at == null) {
            sentBeforeOrderShown.opened();
        }
        if (!down && ChangeOrder.shownBy(page.records(), seen) && listedByChangeTime.compareAndSet(false, true)) {
            log.warn("{}: the API lists it by change time, not by id, so a record that changes moves to the end of the"
                    + " list: from now on its windows are read in that order's way (the window being read is read again"
                    + " from its first page, without what it sent already)", resource.name());
            if (at != null) {
                sentBeforeOrderShown.rereadFromFirstPage();
                guard.restart();
                return next(position.restarted(), guard);
            }
        }
        List<ParsedRecord> toSend = sentBeforeOrderShown.notSent(
                changedBefore(withoutIds(page.records(), new HashSet<>(seen)), position.windowEnd()));
        if (!listedByChangeTime.get()) {
            sentBeforeOrderShown.keep(toSend);
        }
        if (down) {
            return step(page, toSend, position, page.prev(), Walk.PREV, ids(page.records()));
        }
        if (!listedByChangeTime.get() || page.next() == null) {
            return step(page, toSend, position, page.next(), Walk.NEXT, ids(page.records()));
        }
        if (page.last() != null) {
            return at == null && !page.last().equals(url)
                    ? step(page, List.of(), position, page.last(), Walk.PREV, List.of())
                    : step(page, toSend, position, page.next(), Walk.NEXT, ids(page.records()));
        }
        return step(page, toSend, position, fromLastChange(page.records(), page.next(), position.windowEnd()),
                Walk.NEXT, ids(page.records()));
    }

    /**
     * Where a forward walk of a list ordered by change time goes on after {@code records}: the records changed at or
     * after the second of the last one's change (the filter's lower bound is inclusive; those of them on this page are
     * recognised by id), which records that change cannot shift since they move past them; {@code next} (a position)
     * while one second fills the page; and nowhere once a record changed at or after {@code end}, as all that follow
     * did too.
     */
    private HttpUrl fromLastChange(List<ParsedRecord> records, HttpUrl next, Instant end) {
        if (records.isEmpty()) {
            return next;
        }
        Instant first = records.get(0).changedAt();
        Instant last = records.get(records.size() - 1).changedAt();
        if (first == null || last == null) {
            return next;
        }
        if (!last.isBefore(end)) {
            return null;
        }
        Instant from = last.truncatedTo(ChronoUnit.SECONDS);
        return from.isAfter(first) ? dialect.firstPage(baseUrl, resource, new Window(from, null), pageSize) : next;
    }

    /** A step to {@code nextPage} of the window, or (null) out of it. */
    private static Step step(ApiPage<ParsedRecord> page, List<ParsedRecord> toSend, Walking window, HttpUrl nextPage, Walk walk,
                             List<Long> seen) {
        return new Step(page, toSend, window, nextPage == null ? Optional.empty()
                : Optional.of(window.atPage(nextPage.toString(), walk, seen)));
    }

    /** Receives a backfill piece's records to send, page by page, as they are read. */
    @FunctionalInterface
    interface PageSink {
        /**
         * A page's records to send (possibly none) and the piece's position at the page to read next, empty when
         * this was the piece's last page.
         *
         * @return false to stop reading the piece here (another read takes the pages after it)
         */
        boolean accept(List<ParsedRecord> records, Optional<Walking> next);

        /**
         * How many records the piece holds, as soon as its last page is read (on a page-number endpoint that is
         * usually its first or second request): long before the piece is read to the end.
         */
        default void counted(long records) {
        }
    }

    /**
     * How reading a piece of a backfill ended: read (its records went to the sink), or refused because it holds
     * more pages than allowed, with their estimated count and a sample of its change times.
     *
     * @param pagesKnown whether {@code pagesIfRefused} comes from a page count (false: a forward walk's guess)
     */
    record Piece(int pagesIfRefused, List<Instant> sample, boolean pagesKnown) {
        static final Piece READ = new Piece(0, List.of(), false);

        boolean refused() {
            return pagesIfRefused > 0;
        }
    }

    /**
     * Reads a whole window, for the pieces of a backfill, without reading any page twice where it can help it,
     * handing its records to {@code sink} page by page.
     * <ul>
     * <li>{@code guessPages} &gt; 1 on a page-number endpoint: the walk starts at page {@code guessPages}, the
     * page the caller expects to be the last. If it is (records, no {@code next}), the window is walked down
     * from there like any window, so a piece of n pages costs n requests instead of n + 1 (no first page read
     * twice). If it is not, its {@code last} link tells where the walk must start; that one request is lost.</li>
     * <li>Otherwise the walk starts at the first page. A piece of one page is one request.</li>
     * </ul>
     * A window that shows more than {@code maxPages} pages is not read further (nothing has gone to the sink
     * then): the caller cuts it finer, guided by the change times of the records read (a sample of the window).
     * Where the page count is unknown (cursor and next-only endpoints), the walk goes forward and, unless
     * {@code maxPages} is {@link Integer#MAX_VALUE}, holds its pages back until it ends, giving up after
     * {@code maxPages} pages; with no limit it hands them over as they come.
     */
    Piece readPiece(Walking windowStart, int guessPages, int maxPages, PageSink sink) {
        if (guessPages > 1) {
            HttpUrl first = dialect.firstPage(baseUrl, resource,
                    new Window(windowStart.watermark(), windowStart.windowEnd()), pageSize);
            HttpUrl guess = pageNumbers.at(first, guessPages);
            ApiPage<ParsedRecord> page = client.getPage(guess, resource.name(), parser);
            if (page.next() == null && !page.records().isEmpty()) {
                sink.counted((long) (guessPages - 1) * pageSize + page.records().size());
                Optional<Walking> next = step(page, page.records(), windowStart, page.prev(), Walk.PREV,
                        ids(page.records())).next();
                if (sink.accept(page.records(), next)) {
                    next.ifPresent(n -> readOn(n, sink, null));
                }
                return Piece.READ;
            }
            Integer last = pageNumbers.count(page);
            if (last != null && last > maxPages) {
                return new Piece(last, changeTimes(page.records()), true);
            }
            if (last != null && last > 1 && page.last() != null) {
                readOn(windowStart.atPage(page.last().toString(), Walk.PREV, List.of()), sink, last);
                return Piece.READ;
            }
            // one page after all, or no usable last link: read it from its first page
        }
        boolean mayGiveUp = maxPages != Integer.MAX_VALUE;
        List<ParsedRecord> held = null;
        Optional<Walking> position = Optional.of(windowStart);
        int pages = 0;
        PagingGuard guard = newGuard();
        do {
            Step step = next(position.get(), guard);
            pages++;
            if (step.openedALargeWindow(position.get()) && step.page().last() != null
                    && estimatedPages(step.page()) > maxPages) {
                return new Piece(estimatedPages(step.page()), changeTimes(step.page().records()), true);
            }
            if (pages == 1 && step.page().next() == null) {
                sink.counted(step.page().records().size()); // a window of one page
            }
            position = step.next();
            if (held == null && mayGiveUp && position.isPresent() && position.get().next().walk() == Walk.NEXT) {
                held = new ArrayList<>();
            }
            if (held != null) {
                held.addAll(step.toSend());
            } else if (!sink.accept(step.toSend(), position)) {
                return Piece.READ;
            }
            if (held != null && position.isPresent() && pages >= maxPages) {
                // no page count to go by: a forward walk that is still not done gives up with what it saw
                return new Piece(Math.max(maxPages + 1, 4 * pages), changeTimes(held), false);
            }
        } while (position.isPresent());
        if (held != null) {
            sink.accept(held, position);
        }
        return Piece.READ;
    }

    /**
     * Reads on from {@code position} (a piece's position inside its window) to the end of its window, handing what
     * is to be sent to {@code sink}. {@code lastPage}: the number of the page at {@code position} when it is the
     * last (its record count is then told), or null.
     */
    void readOn(Walking position, PageSink sink, Integer lastPage) {
        PagingGuard guard = newGuard();
        Optional<Walking> at = Optional.of(position);
        while (at.isPresent()) {
            Step step = next(at.get(), guard);
            if (lastPage != null) {
                sink.counted((long) (lastPage - 1) * pageSize + step.page().records().size());
                lastPage = null;
            }
            if (!sink.accept(step.toSend(), step.next())) {
                return;
            }
            at = step.next();
        }
    }

    /**
     * How many records {@code [from, to)} holds, from one request for a page of one record (its {@code last} link
     * numbers the last record); null where the endpoint gives no such link.
     */
    Long count(Instant from, Instant to) {
        ApiPage<ParsedRecord> page = client.getPage(dialect.firstPage(baseUrl, resource, new Window(from, to), 1), resource.name(), parser);
        if (page.next() == null) {
            return (long) page.records().size();
        }
        Integer last = pageNumbers.count(page);
        return last == null ? null : last.longValue();
    }

    /** The records changed before {@code end}, and those whose change time cannot be read. */
    private List<ParsedRecord> changedBefore(List<ParsedRecord> records, Instant end) {
        List<ParsedRecord> out = new ArrayList<>(records.size());
        for (ParsedRecord json : records) {
            Instant changed = changeTime(json);
            if (changed == null || changed.isBefore(end)) {
                out.add(json);
            }
        }
        return out;
    }

    /** The change times of records, where they have one. */
    List<Instant> changeTimes(List<ParsedRecord> records) {
        List<Instant> times = new ArrayList<>(records.size());
        if (resource.cursorField() == null) {
            return times;
        }
        for (ParsedRecord json : records) {
            Instant instant = changeTime(json);
            if (instant != null) {
                times.add(instant);
            }
        }
        return times;
    }

    private static Instant changeTime(ParsedRecord record) {
        return record.changedAt();
    }

    /** The page count from the {@code last} link, or null without one (or an opaque one). */
    Integer pageCount(ApiPage<ParsedRecord> page) {
        return pageNumbers.count(page);
    }

    /** The page count from the {@code last} link where there is one; a guess otherwise. */
    int estimatedPages(ApiPage<ParsedRecord> first) {
        Integer last = pageNumbers.of(first.last());
        return last == null ? UNKNOWN_PAGE_COUNT : Math.max(2, last);
    }

    /** The page number a downward walk reads next, or null if it is not at a numbered page. */
    Integer nextPageNumber(Walking position) {
        NextPage at = position.next();
        return at == null || at.walk() != Walk.PREV ? null : pageNumbers.of(HttpUrl.parse(at.url()));
    }

    /** The position of a downward walk at page {@code page} of the same window, with {@code seen} ids. */
    Walking atPageNumber(Walking position, int page, List<Long> seen) {
        return position.atPage(pageNumbers.at(HttpUrl.get(position.next().url()), page).toString(), Walk.PREV, seen);
    }

    List<ParsedRecord> withoutIds(List<ParsedRecord> page, Set<Long> ids) {
        if (ids.isEmpty()) {
            return page;
        }
        List<ParsedRecord> out = new ArrayList<>(page.size());
        for (ParsedRecord json : page) {
            if (!ids.contains(id(json))) {
                out.add(json);
            }
        }
        return out;
    }

    List<Long> ids(List<ParsedRecord> page) {
        List<Long> ids = new ArrayList<>(page.size());
        for (ParsedRecord json : page) {
            Long id = id(json);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static Long id(ParsedRecord record) {
        return record.id() instanceof Long id ? id : null;
    }
}
