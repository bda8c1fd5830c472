package io.kafkaconnect.greenhouse.simulator.ashby;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.simulator.PagingAnomaly;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbyStore.Row;
import io.kafkaconnect.greenhouse.simulator.core.Mutations;
import io.kafkaconnect.greenhouse.simulator.core.RateLimiter;
import io.kafkaconnect.greenhouse.simulator.core.Simulator;
import io.kafkaconnect.greenhouse.simulator.core.SimulatorBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An in-process Ashby API on 127.0.0.1 for tests, demos and benchmarks: {@code POST /<method>} with a JSON body and
 * Basic auth, for the list methods the connector reads (see {@link #resources()}), with cursor paging, sync tokens
 * over a change log, per-key rate limits, module permissions, expiring cursors and tokens, a skewed clock and
 * injectable faults. Records are rendered from the templates in {@code src/test/resources/ashby-examples/}.
 *
 * <pre>{@code
 * try (AshbySimulator sim = AshbySimulator.builder().seed(7).records("candidates", 1200).build().start()) {
 *     String base = sim.baseUrl();     // POST base + "/candidate.list", Basic base64(sim.apiKey() + ":")
 * }
 * }</pre>
 *
 * See the package documentation for the wire protocol and the sync semantics.
 */
public final class AshbySimulator extends Simulator {

    private final AshbyStore store;
    private final AshbyRenderer renderer;
    private final AshbyHandler handler;
    private final AshbyPermissions permissions;
    private final RateLimiter limiter;
    private final Mutations mutations;
    private final AshbyRouter router;

    private AshbySimulator(Builder b) {
        super(b);
        Map<AshbyResource, Integer> counts = new EnumMap<>(AshbyResource.class);
        for (AshbyResource r : AshbyResource.values()) {
            if (r.kind != AshbyResource.Kind.CHILD) {
                counts.put(r, b.records.getOrDefault(r, defaultRecords));
            }
        }
        AshbyIds ids = new AshbyIds(seed);
        this.store = new AshbyStore(seed, counts, dataEpochMillis, clock, ids);
        this.renderer = new AshbyRenderer(seed, ids, counts);
        AshbyTokens tokens = new AshbyTokens(seed, b.checkedTokens);
        this.handler = new AshbyHandler(store, renderer, tokens, clock, b.cursorTtl, b.syncTokenTtl, b.maxDeltaRecords,
                b.repeatedCursors);
        this.permissions = new AshbyPermissions();
        b.denied.forEach(permissions::deny);
        b.keyPermissions.forEach(permissions::restrict);
        int[] turn = new int[1];
        List<AshbyResource> records = Arrays.stream(AshbyResource.values())
                .filter(r -> r.kind != AshbyResource.Kind.CHILD).toList();
        this.mutations = new Mutations("ashby-sim-mutations", records, AshbySimulator::recordResource,
                store::editRandom, store::insert, n -> turn[0]++ % n);
        this.limiter = new RateLimiter(new RateLimiter.Policy(b.rateLimit, b.rateWindow, b.rateMode), clock);
        this.router = new AshbyRouter(clock, apiKeys, permissions, limiter, b.retryAfter, b.throttleAsHttp200Every,
                faults, latency, log, handler);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public AshbySimulator start() {
        startServer(router::handle, "ashby-sim");
        return this;
    }

    /** {@code http://localhost:<port>}: methods are {@code POST <baseUrl>/<method>}. */
    @Override
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    // ------------------------------------------------------------------ observation

    /**
     * id -> current JSON of every record (deactivated and archived ones included), in full-pass order, rendered
     * now. For the lists per parent ({@code application_history}, {@code candidate_notes}, {@code interview_stages},
     * {@code interview_events}): entry id -> entry JSON with its parent's id (e.g. {@code applicationId}), over all
     * parents. Accepts a resource name or a method. Renders everything: meant for small data sets.
     */
    public Map<String, JsonNode> truth(String resource) {
        AshbyResource r = AshbyResource.byName(resource);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (r.kind == AshbyResource.Kind.CHILD) {
            for (Row parent : store.all(r.parent, true)) {
                String parentId = renderer.id(r.parent, parent.index());
                for (ObjectNode n : renderer.children(r, parent, store)) {
                    n.put(r.idParam, parentId);
                    out.put(n.get("id").asText(), n);
                }
            }
        } else {
            for (Row row : store.all(r, true)) {
                out.put(renderer.id(r, row.index()), renderer.render(row));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** id -> version (1 when seeded or inserted, +1 per edit), in full-pass order. History entries are all 1. */
    public Map<String, Integer> versions(String resource) {
        AshbyResource r = AshbyResource.byName(resource);
        Map<String, Integer> out = new LinkedHashMap<>();
        if (r.kind == AshbyResource.Kind.CHILD) {
            truth(resource).keySet().forEach(id -> out.put(id, 1));
        } else {
            store.all(r, true).forEach(row -> out.put(renderer.id(r, row.index()), row.version()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** id -> the record's last change time (updatedAt, also for resources that do not show one). */
    public Map<String, Instant> changeTimestamps(String resource) {
        AshbyResource r = recordResource(resource);
        Map<String, Instant> out = new LinkedHashMap<>();
        store.all(r, true).forEach(row -> out.put(renderer.id(r, row.index()), Instant.ofEpochMilli(row.updated())));
        return Collections.unmodifiableMap(out);
    }

    /** Ids of all records in full-pass order (lists per parent: all entry ids). */
    public List<String> ids(String resource) {
        return new ArrayList<>(versions(resource).keySet());
    }

    /** The resource names: candidates, applications, ..., application_history. */
    public Set<String> resources() {
        Set<String> names = new LinkedHashSet<>();
        for (AshbyResource r : AshbyResource.values()) {
            names.add(r.resourceName);
        }
        return names;
    }

    /** The method serving a resource ({@code candidates} -> {@code candidate.list}). */
    public String method(String resource) {
        return AshbyResource.byName(resource).method;
    }

    /** The module permission a resource's method needs ({@code candidates} -> {@code candidatesRead}). */
    public String permission(String resource) {
        return AshbyResource.byName(resource).permission;
    }

    // ------------------------------------------------------------------ mutations

    /**
     * Edit one record: version + 1, updatedAt = now, a new change sequence (so it is in the next delta). Editing an
     * application moves it to its next stage in about half the cases, which appends a history entry. Returns the
     * new version.
     */
    public int edit(String resource, String id) {
        AshbyResource r = recordResource(resource);
        int index = store.indexOf(r, id);
        if (index < 0) {
            throw new IllegalArgumentException("no " + r.resourceName + " record with id " + id);
        }
        int version = store.edit(r, index).version();
        mutations.countEdits(1);
        return version;
    }

    /**
     * Hard-delete a record: from now on no list shows it, and no delta tells of it (Ashby documents no delete feed:
     * UNCERTAIN, the leanest reading).
     */
    public void delete(String resource, String id) {
        AshbyResource r = recordResource(resource);
        int index = store.indexOf(r, id);
        if (index < 0) {
            throw new IllegalArgumentException("no " + r.resourceName + " record with id " + id);
        }
        store.delete(r, index);
    }

    /** Insert a record (createdAt = updatedAt = now; last in the full-pass order); returns its id. */
    public String insert(String resource) {
        AshbyResource r = recordResource(resource);
        String id = renderer.id(r, store.insert(r).index());
        mutations.countInsert();
        return id;
    }

    /** Edit n distinct random records (all if n >= count) with one shared updatedAt; returns their ids. */
    public List<String> bulkEdit(String resource, int n) {
        AshbyResource r = recordResource(resource);
        List<Row> rows = store.bulkEdit(r, n);
        mutations.countEdits(rows.size());
        return rows.stream().map(row -> renderer.id(r, row.index())).toList();
    }

    /** The lists per parent are derived from their parents; everything else is a record resource. */
    static AshbyResource recordResource(String resource) {
        AshbyResource r = AshbyResource.byName(resource);
        if (r.kind == AshbyResource.Kind.CHILD) {
            throw new IllegalArgumentException(r.resourceName + " is derived from " + r.parent.resourceName
                    + ": edit the " + r.parent.resourceName + " instead");
        }
        return r;
    }

    @Override
    public Mutations mutations() {
        return mutations;
    }

    /** Every sync token issued so far is expired from now on (sync_token_expired on its next use). */
    public void expireSyncTokens() {
        handler.expireSyncTokens();
    }

    // ------------------------------------------------------------------ faults and permissions

    /** Changes the requests per window per key from now on (the account's limit, or what other clients leave). */
    public void rateLimit(int limit) {
        limiter.limit(limit);
    }

    /** Every call of {@code method} (e.g. {@code candidate.list}) gets this HTTP status until cleared. */
    public void setStatusFor(String method, int status) {
        faults.setStatus("/" + method, status);
    }

    public void clearStatusFor(String method) {
        faults.clearStatus("/" + method);
    }

    /**
     * From now on every key gets 403 {@code missing_endpoint_permission} for this method ({@code candidate.list}) or
     * for every method needing this module permission ({@code candidatesRead}).
     */
    public void denyMethod(String methodOrPermission) {
        permissions.deny(methodOrPermission);
    }

    public void allowMethod(String methodOrPermission) {
        permissions.allow(methodOrPermission);
    }

    // ------------------------------------------------------------------ builder

    /** Configuration; every setting has a default, so {@code builder().build()} works. */
    public static final class Builder extends SimulatorBuilder<Builder> {
        private final Map<AshbyResource, Integer> records = new EnumMap<>(AshbyResource.class);
        private final Map<String, Set<String>> keyPermissions = new LinkedHashMap<>();
        private final Set<String> denied = new LinkedHashSet<>();
        private int rateLimit = 1000;
        private Duration rateWindow = Duration.ofSeconds(60);
        private RateLimiter.Mode rateMode = RateLimiter.Mode.FIXED;
        private boolean retryAfter;
        private int throttleAsHttp200Every;
        private Duration cursorTtl;
        private Duration syncTokenTtl = Duration.ofDays(30);
        private int maxDeltaRecords = Integer.MAX_VALUE;
        private boolean checkedTokens = true;
        private boolean repeatedCursors;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Records seeded for one resource (name or method); not for the lists per parent (application_history: 1..6
         * per application, candidate_notes: 0..2 per candidate, interview_stages: 6 per plan, interview_events:
         * those each schedule nests).
         */
        @Override
        public Builder records(String resource, int count) {
            records.put(recordResource(resource), checkedCount(count));
            return this;
        }

        /**
         * A valid key that holds only these module permissions ({@code candidatesRead}, {@code jobsRead},
         * {@code interviewsRead}, {@code offersRead}, {@code organizationRead}, {@code hiringProcessMetadataRead},
         * {@code approvalsRead});
         * other keys hold all.
         */
        public Builder permissions(String apiKey, String... modulePermissions) {
            apiKey(apiKey);
            keyPermissions.put(apiKey, Set.of(modulePermissions));
            return this;
        }

        /** Deny a method ({@code candidate.list}) or a module permission ({@code candidatesRead}) to every key. */
        public Builder denyMethod(String methodOrPermission) {
            denied.add(Objects.requireNonNull(methodOrPermission));
            return this;
        }

        /** Requests per window per API key; default 1000 per 60 s (fixed windows aligned to the epoch). */
        @Override
        public Builder rateLimit(int limit, Duration window) {
            this.rateLimit = limit;
            this.rateWindow = window;
            return this;
        }

        /** Count the last {@code window} instead of fixed windows. */
        public Builder rollingRateWindow(boolean rolling) {
            this.rateMode = rolling ? RateLimiter.Mode.ROLLING : RateLimiter.Mode.FIXED;
            return this;
        }

        /** Send {@code Retry-After} (seconds) with 429; default false (Ashby documents none). */
        public Builder retryAfter(boolean send) {
            this.retryAfter = send;
            return this;
        }

        /**
         * Every {@code n}-th throttled request is answered HTTP 200 with {@code success: false} and the error code
         * {@code rate_limit_exceeded} instead of 429 (seen from Ashby); default 0: never.
         */
        public Builder throttleAsHttp200Every(int n) {
            this.throttleAsHttp200Every = n;
            return this;
        }

        /** Cursors older than this get {@code next_cursor_expired}; default: cursors never expire. */
        public Builder cursorTtl(Duration ttl) {
            this.cursorTtl = ttl;
            return this;
        }

        /** Sync tokens older than this get {@code sync_token_expired}; default 30 days; null: never. */
        public Builder syncTokenTtl(Duration ttl) {
            this.syncTokenTtl = ttl;
            return this;
        }

        /** A delta with more records than this gets {@code incremental_sync_too_large}; default: no limit. */
        public Builder maxDeltaRecords(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("max must be >= 0");
            }
            this.maxDeltaRecords = max;
            return this;
        }

        /**
         * Cursors and tokens carry a keyed check value, so any garbled character is detected (default true). With
         * false they are plain base64 text, and only undecodable text is detected.
         */
        public Builder checkedTokens(boolean checked) {
            this.checkedTokens = checked;
            return this;
        }

        /**
         * Page the lists this way too; of the {@link PagingAnomaly}s only {@link PagingAnomaly#REPEATED_NEXT} applies
         * to Ashby: pages after the first of a paged list hand out the request's own cursor again as
         * {@code nextCursor}. Default: none.
         */
        public Builder pagingAnomaly(PagingAnomaly anomaly) {
            if (anomaly != PagingAnomaly.REPEATED_NEXT) {
                throw new IllegalArgumentException(anomaly + " does not apply to Ashby's cursor paging");
            }
            this.repeatedCursors = true;
            return this;
        }

        @Override
        public AshbySimulator build() {
            return new AshbySimulator(this);
        }
    }

    // ------------------------------------------------------------------ standalone

    /**
     * Standalone: {@code --port 8090 --seed 42 --records 5000 | candidates=5000,applications=8000 --api-key KEY
     * --rate-limit 1000/60s --retry-after --latency 300ms+1ms --mutations 2/s[,1/s] --clock-offset -5m
     * --cursor-ttl 10m --sync-token-ttl 7d --max-delta 50000}. Prints the base URL and key and runs until Ctrl-C.
     */
    public static void main(String[] args) throws InterruptedException {
        AshbySimulatorCli.run(args);
    }
}
