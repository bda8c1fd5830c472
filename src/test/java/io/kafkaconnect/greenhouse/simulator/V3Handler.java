package io.kafkaconnect.greenhouse.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.simulator.ResourceStore.Row;
import io.kafkaconnect.greenhouse.simulator.core.Reply;
import io.kafkaconnect.greenhouse.simulator.core.SimClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The v3 dialect once a request is authenticated and allowed: filters with operators, per_page validation and
 * id-descending keyset paging with an opaque cursor that carries the filters, page size and last id.
 */
final class V3Handler {
    static final int DEFAULT_PER_PAGE = 100;
    static final int MAX_PER_PAGE = 500;
    static final String CURSOR_WITH_PARAMS = "When passing a cursor, do not include other query params.";

    private final DataSet data;
    private final SimClock clock;
    private final Duration cursorTtl;
    private final Set<PagingAnomaly> anomalies;

    /** What a cursor remembers (flags: the query's flag parameters, which the filter's id test came from). */
    private record Cursor(Resource resource, int perPage, RecordFilter filter, Map<String, String> flags, long lastId,
            long issuedAtMs) {
    }

    V3Handler(DataSet data, SimClock clock, Duration cursorTtl, Set<PagingAnomaly> anomalies) {
        this.data = data;
        this.clock = clock;
        this.cursorTtl = cursorTtl;
        this.anomalies = anomalies;
    }

    /** The resource for a path, or null (404; v3 routes before it authenticates). */
    Resource route(String path) {
        return Resource.byV3Path(path);
    }

    Reply handle(Resource resource, Map<String, String> query, String selfBase) {
        Cursor cursor;
        if (query.containsKey("cursor")) {
            if (query.size() > 1) {
                return HarvestErrors.v3Unprocessable(CURSOR_WITH_PARAMS);
            }
            cursor = decode(query.get("cursor"));
            if (cursor == null || cursor.resource() != resource) {
                return HarvestErrors.v3Unprocessable("cursor", "is invalid");
            }
            if (cursorTtl != null && clock.nowMillis() - cursor.issuedAtMs() > cursorTtl.toMillis()) {
                return HarvestErrors.v3Unprocessable("The cursor has expired.");
            }
        } else {
            Integer perPage;
            try {
                perPage = QueryString.intParam(query, "per_page");
            } catch (NumberFormatException e) {
                return HarvestErrors.v3Unprocessable("per_page", "`" + query.get("per_page") + "` is not a valid integer");
            }
            int pp = perPage == null ? DEFAULT_PER_PAGE : perPage;
            if (pp > MAX_PER_PAGE) {
                return HarvestErrors.v3Unprocessable("per_page", "`" + pp + "` number is greater than: " + MAX_PER_PAGE);
            }
            if (pp < 1) {
                return HarvestErrors.v3Unprocessable("per_page", "`" + pp + "` number is less than: 1");
            }
            RecordFilter filter = RecordFilter.ALL;
            try {
                if (resource.v3TimeFilters()) {
                    long[] created = bounds(query, "created_at");
                    long[] updated = bounds(query, "updated_at");
                    filter = filter.withCreated(created[0], created[1]).withUpdated(updated[0], updated[1]);
                }
                // date filters on fields that are the change timestamp here
                String alias = resource == Resource.EEOC ? "submitted_at"
                        : resource == Resource.APPLICATIONS ? "last_activity_at" : null;
                if (alias != null) {
                    long[] b = bounds(query, alias);
                    filter = filter.withUpdated(b[0], b[1]);
                }
                if (query.containsKey("ids")) {
                    filter = filter.withIds(V1Handler.ids(query.get("ids"), "ids"));
                }
            } catch (V1Handler.InvalidParam e) {
                return HarvestErrors.v3Unprocessable(e.field, e.getMessage());
            }
            Map<String, String> flags = new TreeMap<>();
            for (String flag : OrganizationRenderer.FLAG_PARAMS) {
                if (query.containsKey(flag)) {
                    flags.put(flag, query.get(flag));
                }
            }
            cursor = new Cursor(resource, pp, filter, flags, Long.MAX_VALUE, clock.nowMillis());
        }
        RecordFilter filter = cursor.filter().withKeep(data.keep(resource, Dialect.V3, cursor.flags()));
        boolean oversize = anomalies.contains(PagingAnomaly.OVERSIZE_PAGES);
        List<Row> rows = data.store(resource).descendingBefore(filter, cursor.lastId(),
                cursor.perPage() + (oversize ? V1Handler.extra(cursor.perPage()) : 1));
        boolean more = rows.size() > cursor.perPage();
        long nextLastId = more ? rows.get(cursor.perPage() - 1).id() : 0;
        if (more && !oversize) {
            rows = rows.subList(0, cursor.perPage());
        }
        ArrayNode body = Reply.JSON.createArrayNode();
        for (Row row : rows) {
            body.add(data.render(resource, Dialect.V3, row));
        }
        Reply reply = Reply.json(200, body);
        if (more) {
            Cursor next = new Cursor(resource, cursor.perPage(), cursor.filter(), cursor.flags(), nextLastId,
                    clock.nowMillis());
            String handedOut = query.containsKey("cursor") && anomalies.contains(PagingAnomaly.REPEATED_NEXT)
                    ? query.get("cursor") : encode(next);
            reply.withHeader("Link", "<" + selfBase + "?cursor=" + handedOut + ">; rel=\"next\"");
        }
        return reply;
    }

    /**
     * Parses {@code op|ts[|op|ts]} with op in gt, gte, lt, lte (at most one lower and one upper bound) into
     * {min inclusive, max exclusive} in epoch ms.
     */
    private static long[] bounds(Map<String, String> query, String name) throws V1Handler.InvalidParam {
        long[] b = {Long.MIN_VALUE, Long.MAX_VALUE};
        String v = query.get(name);
        if (v == null) {
            return b;
        }
        String[] parts = v.split("\\|", -1);
        if (parts.length != 2 && parts.length != 4) {
            throw new V1Handler.InvalidParam(name, "must be `operator|timestamp` or `operator|timestamp|operator|timestamp`");
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < parts.length; i += 2) {
            String op = parts[i].trim();
            Instant t = QueryString.parseTimestamp(parts[i + 1]);
            if (t == null) {
                throw new V1Handler.InvalidParam(name, "`" + parts[i + 1] + "` is not a valid ISO-8601 timestamp");
            }
            switch (op) {
                case "gte":
                case "gt":
                    if (lower) {
                        throw new V1Handler.InvalidParam(name, "has more than one lower bound");
                    }
                    lower = true;
                    b[0] = RecordFilter.lowerBound(t, op.equals("gte"));
                    break;
                case "lte":
                case "lt":
                    if (upper) {
                        throw new V1Handler.InvalidParam(name, "has more than one upper bound");
                    }
                    upper = true;
                    b[1] = RecordFilter.upperBound(t, op.equals("lte"));
                    break;
                default:
                    throw new V1Handler.InvalidParam(name, "`" + op + "` is not one of gt, gte, lt, lte");
            }
        }
        return b;
    }

    private static String encode(Cursor c) {
        ObjectNode n = Reply.JSON.createObjectNode();
        n.put("r", c.resource().resourceName);
        n.put("pp", c.perPage());
        RecordFilter f = c.filter();
        putBound(n, "cmin", f.createdMin, Long.MIN_VALUE);
        putBound(n, "cmax", f.createdMax, Long.MAX_VALUE);
        putBound(n, "umin", f.updatedMin, Long.MIN_VALUE);
        putBound(n, "umax", f.updatedMax, Long.MAX_VALUE);
        if (f.ids != null) {
            ArrayNode ids = n.putArray("ids");
            for (long id : f.ids) {
                ids.add(id);
            }
        }
        if (!c.flags().isEmpty()) {
            ObjectNode flags = n.putObject("q");
            c.flags().forEach(flags::put);
        }
        n.put("last", c.lastId());
        n.put("iat", c.issuedAtMs());
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Reply.JSON.writeValueAsBytes(n));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putBound(ObjectNode n, String name, long value, long open) {
        if (value != open) {
            n.put(name, value);
        }
    }

    private static long bound(JsonNode n, String name, long open) {
        JsonNode v = n.get(name);
        return v == null ? open : v.asLong();
    }

    private static Cursor decode(String token) {
        try {
            JsonNode n = Reply.JSON.readTree(Base64.getUrlDecoder().decode(token.trim()));
            long[] ids = null;
            if (n.has("ids")) {
                ids = new long[n.get("ids").size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = n.get("ids").get(i).asLong();
                }
            }
            RecordFilter f = new RecordFilter(bound(n, "cmin", Long.MIN_VALUE), bound(n, "cmax", Long.MAX_VALUE),
                    bound(n, "umin", Long.MIN_VALUE), bound(n, "umax", Long.MAX_VALUE), ids);
            int pp = n.get("pp").asInt();
            if (pp < 1 || pp > MAX_PER_PAGE) {
                return null;
            }
            Map<String, String> flags = new TreeMap<>();
            if (n.has("q")) {
                n.get("q").fields().forEachRemaining(e -> flags.put(e.getKey(), e.getValue().asText()));
            }
            return new Cursor(Resource.byName(n.get("r").asText()), pp, f, flags, n.get("last").asLong(),
                    n.get("iat").asLong());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
