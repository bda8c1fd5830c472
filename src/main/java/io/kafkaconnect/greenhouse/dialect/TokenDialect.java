package io.kafkaconnect.greenhouse.dialect;

import io.kafkaconnect.greenhouse.api.CursorPage;
import io.kafkaconnect.greenhouse.api.PageReader;
import io.kafkaconnect.greenhouse.api.PageRequest;
import io.kafkaconnect.greenhouse.api.RecordParser;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * An API whose lists page with opaque cursors and report changes through sync tokens (e.g. Ashby): a pass without a
 * token reads everything and its last page hands out a token; a pass with that token reads what changed since. The
 * dialect builds the requests and reads the pages; the engine keeps the token and cursor and recovers when the API
 * refuses either ({@link io.kafkaconnect.greenhouse.api.ExpiredCursorException},
 * {@link io.kafkaconnect.greenhouse.api.ExpiredSyncTokenException}).
 */
public non-sealed interface TokenDialect extends Dialect {

    @Override
    default <T> T paging(Function<WindowDialect, T> windows, Function<TokenDialect, T> tokens) {
        return tokens.apply(this);
    }

    /**
     * A page of {@code resource}'s list.
     *
     * @param syncToken the token of the pass (null: a full pass)
     * @param cursor    the cursor of the page (null: the pass's first page)
     */
    PageRequest listRequest(HttpUrl baseUrl, Resource resource, String syncToken, String cursor, int pageSize);

    /** A page of the per-parent list of {@code resource} (see {@link Resource#parent()}) for one parent. */
    PageRequest childRequest(HttpUrl baseUrl, Resource resource, String parentId, String cursor, int pageSize);

    /**
     * Reads a page of any list of this API, each record read by {@code records}, and the errors the API reports
     * inside it (as {@link io.kafkaconnect.greenhouse.api.Protocol#checkBody} does) in the same pass.
     */
    <R> PageReader<CursorPage<R>> pageReader(RecordParser<R> records);
}
