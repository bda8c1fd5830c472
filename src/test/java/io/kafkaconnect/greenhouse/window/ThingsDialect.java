package io.kafkaconnect.greenhouse.window;

import static io.kafkaconnect.greenhouse.schema.Types.INT64;
import static io.kafkaconnect.greenhouse.schema.Types.STRING;
import static io.kafkaconnect.greenhouse.schema.Types.TIMESTAMP;
import static io.kafkaconnect.greenhouse.schema.Types.field;
import static io.kafkaconnect.greenhouse.schema.Types.struct;

import io.kafkaconnect.greenhouse.api.Protocol;
import io.kafkaconnect.greenhouse.dialect.PageNumbers;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.Window;
import io.kafkaconnect.greenhouse.dialect.WindowDialect;
import io.kafkaconnect.greenhouse.harvest.HarvestProtocol;
import io.kafkaconnect.greenhouse.schema.StructSpec;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * A minimal Harvest-like dialect for scripted servers: {@code GET /<path>?per_page=&<lower>=&<upper>=}, each bound
 * sent when the window and the resource have it.
 */
final class ThingsDialect implements WindowDialect {
    static final StructSpec THING = struct(field("id", INT64), field("name", STRING), field("updated_at", TIMESTAMP));
    /** Two-sided and incremental, like most Harvest v1 lists. */
    static final Resource THINGS = Resource.incremental("things", "things", "updated_at", "updated_after",
            "updated_before", "test.Thing", THING);
    /** A snapshot, read whole. */
    static final Resource TEAMS = Resource.snapshot("teams", "teams", "test.Team", THING);
    static final ThingsDialect INSTANCE = new ThingsDialect();

    private ThingsDialect() {
    }

    @Override
    public PageNumbers pageNumbers() {
        return PageNumbers.inQuery("page");
    }

    @Override
    public Protocol protocol() {
        return HarvestProtocol.INSTANCE;
    }

    @Override
    public String version() {
        return "vt";
    }

    @Override
    public List<Resource> resources() {
        return List.of(THINGS, TEAMS);
    }

    @Override
    public HttpUrl firstPage(HttpUrl baseUrl, Resource resource, Window window, int pageSize) {
        HttpUrl.Builder b = baseUrl.newBuilder().addPathSegment(resource.path())
                .addQueryParameter("per_page", String.valueOf(pageSize));
        if (window.from() != null && resource.lowerParam() != null) {
            b.addQueryParameter(resource.lowerParam(), window.from().toString());
        }
        if (window.to() != null && resource.upperParam() != null) {
            b.addQueryParameter(resource.upperParam(), window.to().toString());
        }
        return b.build();
    }
}
