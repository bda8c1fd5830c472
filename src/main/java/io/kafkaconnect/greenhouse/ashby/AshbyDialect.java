package io.kafkaconnect.greenhouse.ashby;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.api.CursorPage;
import io.kafkaconnect.greenhouse.api.PageReader;
import io.kafkaconnect.greenhouse.api.PageRequest;
import io.kafkaconnect.greenhouse.api.Protocol;
import io.kafkaconnect.greenhouse.api.RecordParser;
import io.kafkaconnect.greenhouse.api.TransientReplyException;
import io.kafkaconnect.greenhouse.dialect.OmittedEndpoint;
import io.kafkaconnect.greenhouse.dialect.Paging;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.SyncMode;
import io.kafkaconnect.greenhouse.dialect.TokenDialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import okhttp3.HttpUrl;

/**
 * Ashby: {@code POST <base>/<object>.<verb>} with a JSON body, Basic auth with the API key, cursor paging
 * ({@code cursor}/{@code limit} in, {@code moreDataAvailable}/{@code nextCursor} out) and sync-token deltas
 * ({@code syncToken} on a pass's last page, replayed by the next pass). The resources are in
 * {@link AshbyResources}.
 */
public final class AshbyDialect implements TokenDialect {
    public static final AshbyDialect INSTANCE = new AshbyDialect();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AshbyDialect() {
    }

    @Override
    public String version() {
        return "ashby";
    }

    @Override
    public List<Resource> resources() {
        return AshbyResources.ALL;
    }

    @Override
    public List<OmittedEndpoint> omittedEndpoints() {
        return AshbyResources.OMITTED;
    }

    @Override
    public Protocol protocol() {
        return AshbyProtocol.INSTANCE;
    }

    /** 1,000 requests per minute per key; Ashby sends no rate-limit headers. */
    @Override
    public Duration rateLimitWindow() {
        return Duration.ofMinutes(1);
    }

    @Override
    public OptionalInt documentedRateLimit() {
        return OptionalInt.of(1_000);
    }

    /**
     * The body is {@code {limit, cursor, syncToken}} plus the resource's fixed flags; absent values are left out
     * (Ashby has refused explicit nulls). Whether a delta's later pages need the token next to the cursor is not
     * documented; it is sent on every page, as other clients do. Unpaged lists get their flags only.
     */
    @Override
    public PageRequest listRequest(HttpUrl baseUrl, Resource resource, String syncToken, String cursor,
                                   int pageSize) {
        String path = resource.mode() == SyncMode.PER_CHANGED_PARENT ? resource.parent().path() : resource.path();
        ObjectNode body = flags(resource);
        if (resource.mode() != SyncMode.SNAPSHOT) {
            body.put("limit", pageSize);
            if (cursor != null) {
                body.put("cursor", cursor);
            }
            if (syncToken != null) {
                body.put("syncToken", syncToken);
            }
        }
        return PageRequest.post(url(baseUrl, path), body);
    }

    @Override
    public PageRequest childRequest(HttpUrl baseUrl, Resource resource, String parentId, String cursor,
                                    int pageSize) {
        ObjectNode body = flags(resource);
        body.put(resource.parent().idParam(), parentId);
        if (resource.paging() != Paging.UNPAGED) { // an unpaged list answers once (moreDataAvailable absent: false)
            body.put("limit", pageSize);
            if (cursor != null) {
                body.put("cursor", cursor);
            }
        }
        return PageRequest.post(url(baseUrl, resource.path()), body);
    }

    /** The first record of the resource's list (of the parent list, for per-parent resources). */
    @Override
    public PageRequest probe(HttpUrl baseUrl, Resource resource) {
        return listRequest(baseUrl, resource, null, null, 1);
    }

    /**
     * Reads the {@code results} record by record, the other fields of the answer (all small) as a tree, in one pass;
     * then checks them as {@link AshbyProtocol#checkBody} does.
     */
    @Override
    public <R> PageReader<CursorPage<R>> pageReader(RecordParser<R> parser) {
        return (request, resource, headers, body, serverDate) -> {
            List<R> records = new ArrayList<>();
            AshbyAnswer.Fields answer = AshbyAnswer.read(body, json -> {
                for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                    records.add(parser.parse(json, body));
                }
            });
            ObjectNode root = answer.fields();
            AshbyProtocol.check(root, resource, request);
            if (!answer.resultsRead()) {
                throw new TransientReplyException("an answer without a 'results' list");
            }
            boolean more = root.path("moreDataAvailable").asBoolean(false);
            String next = text(root.get("nextCursor"));
            if (more && next == null) {
                throw new TransientReplyException("moreDataAvailable without a nextCursor");
            }
            return new CursorPage<>(records, more ? next : null, text(root.get("syncToken")), serverDate);
        };
    }

    /**
     * Fixed parameters are JSON flags or lists: "true"/"false" become booleans, {@code [A,B]} an array of strings.
     */
    private static ObjectNode flags(Resource resource) {
        ObjectNode body = NODES.objectNode();
        resource.fixedParams().forEach((k, v) -> {
            if ("true".equals(v) || "false".equals(v)) {
                body.put(k, Boolean.parseBoolean(v));
            } else if (v.startsWith("[") && v.endsWith("]")) {
                ArrayNode values = body.putArray(k);
                for (String value : v.substring(1, v.length() - 1).split(",")) {
                    values.add(value.trim());
                }
            } else {
                body.put(k, v);
            }
        });
        return body;
    }

    private static HttpUrl url(HttpUrl baseUrl, String method) {
        return baseUrl.newBuilder().addPathSegment(method).build();
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }
}
