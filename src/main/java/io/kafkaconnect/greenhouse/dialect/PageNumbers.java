package io.kafkaconnect.greenhouse.dialect;

import io.kafkaconnect.greenhouse.api.ApiPage;
import okhttp3.HttpUrl;

/**
 * How an API's links number its pages, where they do: a query parameter (e.g. Harvest v1's {@code page}), or
 * {@link #NONE} for links that are opaque (cursors). A walk through a window's pages uses the numbers to start at
 * the last page, to check the links it follows and to go on where a link is missing.
 */
public final class PageNumbers {
    /** Links without page numbers. */
    public static final PageNumbers NONE = new PageNumbers(null);

    private final String parameter;

    private PageNumbers(String parameter) {
        this.parameter = parameter;
    }

    /** Page numbers carried by the query parameter {@code parameter}. */
    public static PageNumbers inQuery(String parameter) {
        return new PageNumbers(parameter);
    }

    /** The page number of a link, or null without one (an opaque link, or none). */
    public Integer of(HttpUrl url) {
        String page = url == null || parameter == null ? null : url.queryParameter(parameter);
        try {
            return page == null ? null : Integer.parseInt(page);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The page count from the {@code last} link, or null without one (or an opaque one). */
    public Integer count(ApiPage<?> page) {
        Integer last = of(page.last());
        return last == null ? null : Math.max(1, last);
    }

    /**
     * The link to page {@code page} of the same list.
     *
     * @throws IllegalStateException where links carry no page numbers
     */
    public HttpUrl at(HttpUrl url, int page) {
        if (parameter == null) {
            throw new IllegalStateException("these links carry no page numbers");
        }
        return url.newBuilder().setQueryParameter(parameter, Integer.toString(page)).build();
    }
}
