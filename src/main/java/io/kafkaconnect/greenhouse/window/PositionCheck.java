package io.kafkaconnect.greenhouse.window;

import io.kafkaconnect.greenhouse.window.WindowOffset.Backfilling;
import io.kafkaconnect.greenhouse.window.WindowOffset.Between;
import io.kafkaconnect.greenhouse.window.WindowOffset.Walking;
import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;

/**
 * Checks that a window position (written through the REST API, or stored by an older version) can be resumed by
 * this connector: each page to read next is a page of the resource's own list at the configured origin, and no
 * bound lies in the future, where the resource would wait, reading nothing, until the API's clock got there.
 */
public final class PositionCheck {
    /**
     * How far ahead of the worker's clock a bound may be: windows end at the API server's clock, which the worker's
     * may trail by a little. Beyond this it is a mistake (a wrong year, seconds read as milliseconds...).
     */
    public static final Duration CLOCK_TOLERANCE = Duration.ofHours(1);

    private PositionCheck() {
    }

    /**
     * @param firstPage the first page of the resource's list (any window): its origin and path are the position's
     * @param now       the worker's clock
     * @throws IllegalArgumentException naming the key that is wrong
     */
    public static void check(WindowOffset position, HttpUrl firstPage, Instant now) {
        Instant latest = now.plus(CLOCK_TOLERANCE);
        notAfter(WindowOffset.WATERMARK, position.watermark(), latest, now);
        position.match(between -> null, walking -> {
            notAfter(WindowOffset.WINDOW_END, walking.windowEnd(), latest, now);
            checkPage("'" + WindowOffset.NEXT_PAGE + "'", walking, firstPage);
            return null;
        }, backfilling -> {
            notAfter(WindowOffset.WINDOW_END, backfilling.windowEnd(), latest, now);
            for (Walking piece : backfilling.reading()) {
                checkPage("'" + WindowOffset.NEXT_PAGE + "' of a piece in '" + WindowOffset.READING + "'", piece,
                        firstPage);
            }
            return null;
        });
    }

    /** How far ahead of {@code now} the position reaches (its window end, or its watermark); zero if not ahead. */
    public static Duration ahead(WindowOffset position, Instant now) {
        Instant reach = position.match(Between::watermark, Walking::windowEnd, Backfilling::windowEnd);
        return reach == null || !reach.isAfter(now) ? Duration.ZERO : Duration.between(now, reach);
    }

    private static void notAfter(String key, Instant value, Instant latest, Instant now) {
        if (value != null && value.isAfter(latest)) {
            throw new IllegalArgumentException("offset key '" + key + "' is " + value + ", in the future (the worker's "
                    + "clock says " + now + "): nothing would be read until then");
        }
    }

    private static void checkPage(String key, Walking walking, HttpUrl firstPage) {
        if (walking.next() == null) {
            return;
        }
        String page = walking.next().url();
        HttpUrl url = HttpUrl.parse(page);
        if (url == null) {
            throw new IllegalArgumentException("offset key " + key + " must be an absolute "
                    + "http(s) URL but is " + page);
        }
        if (!url.scheme().equals(firstPage.scheme()) || !url.host().equalsIgnoreCase(firstPage.host())
                || url.port() != firstPage.port()) {
            throw new IllegalArgumentException("offset key " + key + " points at "
                    + origin(url) + ", not at the configured origin " + origin(firstPage));
        }
        if (!url.encodedPath().equals(firstPage.encodedPath())) {
            throw new IllegalArgumentException("offset key " + key + " is a page of "
                    + url.encodedPath() + ", not of this resource's list " + firstPage.encodedPath());
        }
    }

    private static String origin(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port();
    }
}
