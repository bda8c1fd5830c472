package io.kafkaconnect.greenhouse.api;

import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * One page of a list endpoint.
 *
 * @param url        the URL that was requested
 * @param records    the objects of the page, in the order the API sent them, as its {@link RecordParser} read them
 * @param next       the {@code rel="next"} URL, or null on the last page
 * @param prev       the {@code rel="prev"} URL, or null (first page, or an API that sends none)
 * @param last       the {@code rel="last"} URL, or null (an API or request that sends none)
 * @param serverTime the server's clock from the {@code Date} header, or null if absent
 */
public record ApiPage<R>(HttpUrl url, List<R> records, HttpUrl next, HttpUrl prev, HttpUrl last,
                      Instant serverTime) {
    public boolean isLast() {
        return next == null;
    }
}
