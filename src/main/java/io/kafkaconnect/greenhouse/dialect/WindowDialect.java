package io.kafkaconnect.greenhouse.dialect;

import io.kafkaconnect.greenhouse.api.PageRequest;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * An API whose lists are filtered by change-time windows and paged with {@code Link} headers (e.g. Harvest v1, v3).
 * Only the first request of a window is the dialect's; the engine follows the links it gets.
 */
public non-sealed interface WindowDialect extends Dialect {

    @Override
    default <T> T paging(Function<WindowDialect, T> windows, Function<TokenDialect, T> tokens) {
        return windows.apply(this);
    }

    /** The first page of {@code window} for {@code resource}. */
    HttpUrl firstPage(HttpUrl baseUrl, Resource resource, Window window, int pageSize);

    /** How the links of this API's lists number their pages ({@link PageNumbers#NONE} for opaque links). */
    PageNumbers pageNumbers();

    /**
     * Whether a forward walk's {@code next} links are positions in the list that records shift across as the list
     * changes (page numbers, or a format the docs leave open), rather than stable keys. Where they are, a window that
     * has to be walked forward is read open-ended: see {@code WindowWalker}.
     */
    default boolean forwardLinksShift() {
        return false;
    }

    /** One record of the whole list. */
    @Override
    default PageRequest probe(HttpUrl baseUrl, Resource resource) {
        return PageRequest.get(firstPage(baseUrl, resource, Window.ALL, 1));
    }
}
