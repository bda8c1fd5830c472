package io.kafkaconnect.greenhouse.dialect.v1;

import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.Window;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Harvest v1: Basic auth with an API key, {@code Link}-header paging, {@code *_after} (inclusive) and
 * {@code *_before} (exclusive) time filters.
 */
public final class HarvestV1Dialect implements Dialect {
    private static final String NS = V1Schemas.NAMESPACE;

    private static final List<Resource> RESOURCES = List.of(
            Resource.incremental("candidates", "candidates", "updated_at", "updated_after", "updated_before",
                    NS + ".Candidate", V1Schemas.CANDIDATE),
            Resource.lowerBoundOnly("applications", "applications", "last_activity_at", "last_activity_after",
                    NS + ".Application", V1Schemas.APPLICATION),
            Resource.incremental("jobs", "jobs", "updated_at", "updated_after", "updated_before",
                    NS + ".Job", V1Schemas.JOB),
            Resource.snapshot("departments", "departments", NS + ".Department", V1Schemas.DEPARTMENT));

    @Override
    public String version() {
        return "v1";
    }

    @Override
    public List<Resource> resources() {
        return RESOURCES;
    }

    @Override
    public HttpUrl firstPage(HttpUrl baseUrl, Resource resource, Window window, int pageSize) {
        HttpUrl.Builder url = baseUrl.newBuilder()
                .addPathSegment("v1")
                .addPathSegments(resource.path())
                .addQueryParameter("per_page", Integer.toString(pageSize))
                .addQueryParameter("skip_count", "true");
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
}
