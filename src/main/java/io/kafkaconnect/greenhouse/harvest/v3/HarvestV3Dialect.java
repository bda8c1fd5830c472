package io.kafkaconnect.greenhouse.harvest.v3;

import io.kafkaconnect.greenhouse.api.Protocol;
import io.kafkaconnect.greenhouse.dialect.OmittedEndpoint;
import io.kafkaconnect.greenhouse.dialect.PageNumbers;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.dialect.WindowDialect;
import io.kafkaconnect.greenhouse.harvest.HarvestProtocol;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Harvest v3: OAuth 2.0 bearer tokens (see {@code api.OAuthCredentials}), bare JSON arrays, cursor paging through
 * {@code Link: rel="next"} only (a cursor URL must carry no other parameter, so every request after the first is
 * exactly the {@code next} URL), and operator filters on {@code updated_at}. The resources are listed in
 * {@link V3Resources}.
 */
public final class HarvestV3Dialect implements WindowDialect {
    /** The fixed 30-second rate-limit window of v3 (third-party quotes of Greenhouse's rate-limit page). */
    static final Duration RATE_LIMIT_WINDOW = Duration.ofSeconds(30);

    private static final List<Resource> DEFAULT_RESOURCES = V3Resources.ALL.stream()
            .filter(r -> !V3Resources.OPT_IN.contains(r.name())).toList();

    @Override
    public String version() {
        return "v3";
    }

    /** Cursor links carry no page numbers. */
    @Override
    public PageNumbers pageNumbers() {
        return PageNumbers.NONE;
    }

    @Override
    public List<Resource> resources() {
        return V3Resources.ALL;
    }

    /** Every resource except the sensitive ones (EEOC, demographics), which must be named explicitly. */
    @Override
    public List<Resource> defaultResources() {
        return DEFAULT_RESOURCES;
    }

    @Override
    public Map<String, String> retiredResources() {
        return V3Resources.RETIRED;
    }

    @Override
    public List<OmittedEndpoint> omittedEndpoints() {
        return V3OmittedEndpoints.ALL;
    }

    @Override
    public Duration rateLimitWindow() {
        return RATE_LIMIT_WINDOW;
    }

    /**
     * {@code /v3/<path>?per_page=..}, the resource's fixed parameters, and the window as one operator filter:
     * {@code updated_at=gte|<from>|lt|<to>} ({@code [from, to)}, ISO-8601 UTC with {@code Z}, percent-encoded as a
     * normal query value); {@code updated_at=lt|<to>} when the window starts at the beginning; nothing for snapshots
     * or an unbounded window.
     */
    @Override
    public HttpUrl firstPage(HttpUrl baseUrl, Resource resource, Window window, int pageSize) {
        HttpUrl.Builder url = baseUrl.newBuilder()
                .addPathSegment("v3")
                .addPathSegments(resource.path())
                .addQueryParameter("per_page", Integer.toString(pageSize));
        resource.fixedParams().forEach(url::addQueryParameter);
        if (resource.mode() == SyncMode.SNAPSHOT) {
            return url.build();
        }
        String lower = window.from() == null || resource.lowerParam() == null ? null : "gte|" + format(window.from());
        String upper = window.to() == null || resource.upperParam() == null
                || resource.mode() != SyncMode.INCREMENTAL ? null : "lt|" + format(window.to());
        if (lower != null && upper != null && resource.lowerParam().equals(resource.upperParam())) {
            url.addQueryParameter(resource.lowerParam(), lower + "|" + upper);
        } else {
            if (lower != null) {
                url.addQueryParameter(resource.lowerParam(), lower);
            }
            if (upper != null) {
                url.addQueryParameter(resource.upperParam(), upper);
            }
        }
        return url.build();
    }

    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    @Override
    public Protocol protocol() {
        return HarvestProtocol.INSTANCE;
    }
}
