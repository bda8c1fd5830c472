package io.kafkaconnect.greenhouse.harvest.v1;

import io.kafkaconnect.greenhouse.api.Protocol;
import io.kafkaconnect.greenhouse.dialect.OmittedEndpoint;
import io.kafkaconnect.greenhouse.dialect.PageNumbers;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.dialect.WindowDialect;
import io.kafkaconnect.greenhouse.harvest.HarvestProtocol;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Harvest v1: Basic auth with an API key, {@code Link}-header paging, {@code *_after} (inclusive) and
 * {@code *_before} (exclusive, except offers' inclusive {@code updated_before}) time filters. The resources are
 * listed in {@link V1Resources}.
 */
public final class HarvestV1Dialect implements WindowDialect {
    /** Classic paging numbers its links in the {@code page} parameter. */
    private static final PageNumbers PAGE_NUMBERS = PageNumbers.inQuery("page");

    @Override
    public String version() {
        return "v1";
    }

    @Override
    public List<Resource> resources() {
        return V1Resources.ALL;
    }

    @Override
    public PageNumbers pageNumbers() {
        return PAGE_NUMBERS;
    }

    /** Classic {@code next} links are page numbers; the next-only style's format is not documented (UNCERTAIN). */
    @Override
    public boolean forwardLinksShift() {
        return true;
    }

    @Override
    public List<OmittedEndpoint> omittedEndpoints() {
        return V1OmittedEndpoints.ALL;
    }

    /**
     * {@code /v1/<path>?per_page=..}, the resource's fixed parameters, and the window's bounds where the resource
     * has filters. {@code skip_count=true} is never sent: the sync needs the {@code last} link of classic paging to
     * walk a multi-page window downwards (see WindowSync).
     */
    @Override
    public HttpUrl firstPage(HttpUrl baseUrl, Resource resource, Window window, int pageSize) {
        HttpUrl.Builder url = baseUrl.newBuilder()
                .addPathSegment("v1")
                .addPathSegments(resource.path())
                .addQueryParameter("per_page", Integer.toString(pageSize));
        resource.fixedParams().forEach(url::addQueryParameter);
        if (window.from() != null && resource.lowerParam() != null) {
            url.addQueryParameter(resource.lowerParam(), format(window.from()));
        }
        if (window.to() != null && resource.upperParam() != null) {
            url.addQueryParameter(resource.upperParam(), format(window.to()));
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
