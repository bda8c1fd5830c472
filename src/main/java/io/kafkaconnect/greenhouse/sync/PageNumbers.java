package io.kafkaconnect.greenhouse.sync;

import io.kafkaconnect.greenhouse.api.ApiPage;
import okhttp3.HttpUrl;

/** The page numbers of links that carry one in a {@code page} parameter. */
public final class PageNumbers {
    private static final String PAGE = "page";

    private PageNumbers() {
    }

    /** The {@code page} parameter of a link, or null without one (an opaque link, or none). */
    public static Integer of(HttpUrl url) {
        String page = url == null ? null : url.queryParameter(PAGE);
        try {
            return page == null ? null : Integer.parseInt(page);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The page count from the {@code last} link, or null without one (or an opaque one). */
    public static Integer count(ApiPage page) {
        Integer last = of(page.last());
        return last == null ? null : Math.max(1, last);
    }

    /** The link to page {@code page} of the same list. */
    public static HttpUrl at(HttpUrl url, int page) {
        return url.newBuilder().setQueryParameter(PAGE, Integer.toString(page)).build();
    }
}
