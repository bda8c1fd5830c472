package io.kafkaconnect.greenhouse.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.simulator.ResourceStore.Page;
import io.kafkaconnect.greenhouse.simulator.ResourceStore.Row;
import io.kafkaconnect.greenhouse.simulator.core.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The v1 dialect once a request is authenticated and allowed: routing, parameter validation, filters, classic
 * page-number paging (over the filtered set as it is at request time), next-only paging, and endpoints without
 * paging (everything in one answer, {@code per_page} ignored).
 */
final class V1Handler {

    /** A v1 route: a list endpoint, or one record when {@code id} is set. */
    record Route(Resource resource, Long id) {
    }

    static final int DEFAULT_PER_PAGE = 100;
    static final int MAX_PER_PAGE = 500;

    private final DataSet data;
    private final NextOnlyLinks nextOnlyLinks;
    private final Set<PagingAnomaly> anomalies;
    private final ListOrder order;

    V1Handler(DataSet data, NextOnlyLinks nextOnlyLinks, Set<PagingAnomaly> anomalies, ListOrder order) {
        this.data = data;
        this.nextOnlyLinks = nextOnlyLinks;
        this.anomalies = anomalies;
        this.order = order;
    }

    /** The route for a path, or null (404). */
    Route route(String path) {
        Resource r = Resource.byV1Path(path);
        if (r != null) {
            return new Route(r, null);
        }
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            Resource parent = Resource.byV1Path(path.substring(0, slash));
            if (parent != null && parent.v1Paging == Resource.V1Paging.CLASSIC) {
                try {
                    return new Route(parent, Long.parseLong(path.substring(slash + 1)));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * @param route        where the request goes
     * @param query        decoded query parameters
     * @param rawQuery     the raw query (for Link headers that keep the caller's parameters)
     * @param selfBase     scheme://host:port + path of the request, for Link headers
     */
    Reply handle(Route route, Map<String, String> query, String rawQuery, String selfBase) {
        if (route.id() != null) {
            Row row = data.store(route.resource()).get(route.id());
            if (row == null) {
                return Reply.message(404, "Resource not found");
            }
            Reply one = Reply.json(200, render(route.resource(), List.of(row), query).get(0));
            return new Reply(one.status(), one.headers(), one.body(), 1);
        }
        Integer perPage;
        try {
            perPage = QueryString.intParam(query, "per_page");
        } catch (NumberFormatException e) {
            return HarvestErrors.v1Validation("per_page", "per_page must be an integer between 1 and " + MAX_PER_PAGE);
        }
        int pp = perPage == null ? DEFAULT_PER_PAGE : perPage;
        if (pp < 1 || pp > MAX_PER_PAGE) {
            return HarvestErrors.v1Validation("per_page", "per_page must be an integer between 1 and " + MAX_PER_PAGE);
        }
        switch (route.resource().v1Paging) {
            case NEXT_ONLY: return nextOnly(route.resource(), query, rawQuery, selfBase, pp);
            case UNPAGED: return unpaged(route.resource(), query);
            default: return classic(route.resource(), query, rawQuery, selfBase, pp, perPage == null);
        }
    }

    /** No paging: the whole (flag-filtered) list, without a Link header. */
    private Reply unpaged(Resource resource, Map<String, String> query) {
        RecordFilter filter = RecordFilter.ALL.withKeep(data.keep(resource, Dialect.V1, query));
        List<Row> rows = data.store(resource).ascendingAfter(filter, Long.MIN_VALUE, Integer.MAX_VALUE);
        return Reply.json(200, render(resource, rows, query));
    }

    private Reply classic(Resource resource, Map<String, String> query, String rawQuery, String selfBase, int pp,
            boolean perPageDefaulted) {
        Integer page;
        try {
            page = QueryString.intParam(query, "page");
        } catch (NumberFormatException e) {
            return HarvestErrors.v1Validation("page", "page must be a positive integer");
        }
        int p = page == null ? 1 : page;
        if (p < 1) {
            return HarvestErrors.v1Validation("page", "page must be a positive integer");
        }
        boolean skipCount = "true".equalsIgnoreCase(query.get("skip_count"));
        RecordFilter filter = RecordFilter.ALL;
        try {
            filter = filters(resource, query);
        } catch (InvalidParam e) {
            return HarvestErrors.v1Validation(e.field, e.getMessage());
        }
        Page result = data.v1Page(resource, filter, (long) (p - 1) * pp, pp, !skipCount, order);
        Reply reply = Reply.json(200, render(resource, withOversize(resource, filter, result.rows(), p, pp), query));
        List<String> links = new ArrayList<>();
        if (result.hasMore()) {
            links.add(link(selfBase, rawQuery, p + 1, pp, perPageDefaulted, "next"));
        }
        boolean lastPage = !result.hasMore();
        if (p > 1 && (lastPage || !anomalies.contains(PagingAnomaly.PREV_ONLY_ON_LAST_PAGE))) {
            int prev = anomalies.contains(PagingAnomaly.PREV_TO_SAME_PAGE) ? p : p - 1;
            links.add(link(selfBase, rawQuery, prev, pp, perPageDefaulted, "prev"));
        }
        if (!skipCount) {
            long last = Math.max(1, (result.total() + pp - 1) / pp);
            links.add(link(selfBase, rawQuery, last, pp, perPageDefaulted, "last"));
        }
        if (!links.isEmpty()) {
            reply.withHeader("Link", String.join(", ", links));
        }
        return reply;
    }

    private static String link(String selfBase, String rawQuery, long page, int pp, boolean perPageDefaulted,
            String rel) {
        Map<String, String> replace = new LinkedHashMap<>();
        replace.put("page", String.valueOf(page));
        if (perPageDefaulted) {
            replace.put("per_page", String.valueOf(pp));
        }
        return "<" + selfBase + "?" + QueryString.with(rawQuery, replace) + ">; rel=\"" + rel + "\"";
    }

    /**
     * Next-only ("new style") paging: only a {@code next} link, carrying a page number or {@code since_id} (a keyset on
     * id), per {@link NextOnlyLinks}.
     */
    private Reply nextOnly(Resource resource, Map<String, String> query, String rawQuery, String selfBase, int pp) {
        if (nextOnlyLinks == NextOnlyLinks.PAGE_NUMBERS) {
            return nextOnlyByPage(resource, query, rawQuery, selfBase, pp);
        }
        long sinceId = Long.MIN_VALUE;
        String since = query.get("since_id");
        if (since != null) {
            try {
                sinceId = Long.parseLong(since.trim());
            } catch (NumberFormatException e) {
                return HarvestErrors.v1Validation("since_id", "since_id must be an integer");
            }
        }
        RecordFilter filter;
        try {
            filter = filters(resource, query);
        } catch (InvalidParam e) {
            return HarvestErrors.v1Validation(e.field, e.getMessage());
        }
        boolean oversize = anomalies.contains(PagingAnomaly.OVERSIZE_PAGES);
        List<Row> rows = data.store(resource).ascendingAfter(filter, sinceId, pp + (oversize ? extra(pp) : 1));
        boolean more = rows.size() > pp;
        long nextSince = more ? rows.get(pp - 1).id() : 0;
        if (more && !oversize) {
            rows = rows.subList(0, pp);
        }
        Reply reply = Reply.json(200, render(resource, rows, query));
        if (more) {
            Map<String, String> replace = new LinkedHashMap<>();
            replace.put("per_page", String.valueOf(pp));
            boolean repeat = since != null && anomalies.contains(PagingAnomaly.REPEATED_NEXT);
            replace.put("since_id", repeat ? since : String.valueOf(nextSince));
            reply.withHeader("Link", "<" + selfBase + "?" + QueryString.with(rawQuery, replace) + ">; rel=\"next\"");
        }
        return reply;
    }

    private Reply nextOnlyByPage(Resource resource, Map<String, String> query, String rawQuery, String selfBase,
            int pp) {
        Integer page;
        RecordFilter filter;
        try {
            page = QueryString.intParam(query, "page");
            filter = filters(resource, query);
        } catch (NumberFormatException e) {
            return HarvestErrors.v1Validation("page", "page must be a positive integer");
        } catch (InvalidParam e) {
            return HarvestErrors.v1Validation(e.field, e.getMessage());
        }
        int p = page == null ? 1 : page;
        if (p < 1) {
            return HarvestErrors.v1Validation("page", "page must be a positive integer");
        }
        Page result = data.v1Page(resource, filter, (long) (p - 1) * pp, pp, false, order);
        Reply reply = Reply.json(200, render(resource, withOversize(resource, filter, result.rows(), p, pp), query));
        if (result.hasMore()) {
            int next = page != null && anomalies.contains(PagingAnomaly.REPEATED_NEXT) ? p : p + 1;
            reply.withHeader("Link", link(selfBase, rawQuery, next, pp, true, "next"));
        }
        return reply;
    }

    /** The rows of page {@code p}, and with {@link PagingAnomaly#OVERSIZE_PAGES} the first ones of the next page. */
    private List<Row> withOversize(Resource resource, RecordFilter filter, List<Row> rows, int p, int pp) {
        if (!anomalies.contains(PagingAnomaly.OVERSIZE_PAGES)) {
            return rows;
        }
        List<Row> more = new ArrayList<>(rows);
        more.addAll(data.v1Page(resource, filter, (long) p * pp, extra(pp), false, order).rows());
        return more;
    }

    /** The records an {@link PagingAnomaly#OVERSIZE_PAGES} page holds beyond {@code per_page}. */
    static int extra(int perPage) {
        return Math.max(1, perPage / 2);
    }

    private ArrayNode render(Resource resource, List<Row> rows, Map<String, String> query) {
        // users carry their user attributes (custom fields) only when asked to
        boolean withoutAttributes = resource == Resource.USERS && !"true".equalsIgnoreCase(query.get("user_attributes"));
        ArrayNode array = Reply.JSON.createArrayNode();
        for (Row row : rows) {
            ObjectNode n = data.render(resource, Dialect.V1, row);
            if (withoutAttributes) {
                n.remove(List.of("custom_fields", "keyed_custom_fields"));
            }
            array.add(n);
        }
        return array;
    }

    /**
     * The time (and id) filters this endpoint honours, and its flags ({@code active}, {@code include_inactive},
     * {@code include_defaults}); every other parameter is ignored, as Harvest does.
     */
    private RecordFilter filters(Resource resource, Map<String, String> query) throws InvalidParam {
        RecordFilter f = RecordFilter.ALL.withKeep(data.keep(resource, Dialect.V1, query));
        switch (resource.v1Filters) {
            case CREATED_UPDATED:
                f = f.withCreated(lower(query, "created_after"), upper(query, "created_before"));
                f = f.withUpdated(lower(query, "updated_after"), upper(query, "updated_before"));
                break;
            case OFFERS:
                // the docs: updated_before is "at or before", unlike every other endpoint's "before"
                f = f.withCreated(lower(query, "created_after"), upper(query, "created_before"));
                f = f.withUpdated(lower(query, "updated_after"), upperInclusive(query, "updated_before"));
                break;
            case SUBMITTED:
                f = f.withUpdated(lower(query, "submitted_after"), upper(query, "submitted_before"));
                break;
            case APPLICATIONS:
                // created_* match applied_at; last_activity_after is the only change filter
                f = f.withCreated(lower(query, "created_after"), upper(query, "created_before"));
                f = f.withUpdated(lower(query, "last_activity_after"), Long.MAX_VALUE);
                break;
            default:
                break;
        }
        if (resource == Resource.CANDIDATES && query.containsKey("candidate_ids")) {
            f = f.withIds(ids(query.get("candidate_ids"), "candidate_ids"));
        }
        return f;
    }

    /** "_after": at or after (inclusive). */
    private static long lower(Map<String, String> query, String name) throws InvalidParam {
        Instant t = timestamp(query, name);
        return t == null ? Long.MIN_VALUE : RecordFilter.lowerBound(t, true);
    }

    /** "_before": strictly before (exclusive). */
    private static long upper(Map<String, String> query, String name) throws InvalidParam {
        Instant t = timestamp(query, name);
        return t == null ? Long.MAX_VALUE : RecordFilter.upperBound(t, false);
    }

    /** "at or before" (inclusive). */
    private static long upperInclusive(Map<String, String> query, String name) throws InvalidParam {
        Instant t = timestamp(query, name);
        return t == null ? Long.MAX_VALUE : RecordFilter.upperBound(t, true);
    }

    private static Instant timestamp(Map<String, String> query, String name) throws InvalidParam {
        String v = query.get(name);
        if (v == null) {
            return null;
        }
        Instant t = QueryString.parseTimestamp(v);
        if (t == null) {
            throw new InvalidParam(name, name + " must be an ISO-8601 timestamp");
        }
        return t;
    }

    static long[] ids(String csv, String field) throws InvalidParam {
        String[] parts = csv.split(",");
        if (parts.length > 50) {
            throw new InvalidParam(field, field + " accepts at most 50 ids");
        }
        long[] ids = new long[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                ids[i] = Long.parseLong(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new InvalidParam(field, field + " must be a comma-separated list of integers");
        }
        Arrays.sort(ids);
        return ids;
    }

    /** A request parameter that fails validation. */
    static final class InvalidParam extends Exception {
        private static final long serialVersionUID = 1L;
        final String field;

        InvalidParam(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
