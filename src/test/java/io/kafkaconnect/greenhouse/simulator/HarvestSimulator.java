package io.kafkaconnect.greenhouse.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.simulator.core.Mutations;
import io.kafkaconnect.greenhouse.simulator.core.RateLimiter;
import io.kafkaconnect.greenhouse.simulator.core.Simulator;
import io.kafkaconnect.greenhouse.simulator.core.SimulatorBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An in-process Greenhouse Harvest API (v1 and v3) on 127.0.0.1 for tests, demos and benchmarks. It serves every
 * v1 list endpoint the connector reads (candidates, applications, offers, scheduled interviews, scorecards, EEOC,
 * jobs, job posts, job stages, users, the organization's dictionaries, demographics) and the v3 endpoints of the
 * suggested stream set (flat records, parent ids, cursor paging), generated deterministically from a seed, and
 * behaves like Harvest where it hurts: page-number paging over a moving set, rate limits, expiring tokens and
 * cursors, a skewed server clock, and injectable faults. See {@link #resources(Dialect)} for the names.
 *
 * <pre>{@code
 * try (HarvestSimulator sim = HarvestSimulator.builder().seed(42).records("candidates", 1200).build().start()) {
 *     String base = sim.baseUrl();   // v1 under /v1/..., v3 under /v3/..., token at /oauth/token
 * }
 * }</pre>
 *
 * Requests go through {@link Router}; data lives in {@link DataSet}; see the package documentation for the parts.
 */
public final class HarvestSimulator extends Simulator {

    /** The path of the v3 token endpoint ({@link #tokenUrl()}). */
    public static final String TOKEN_PATH = Router.TOKEN_PATH;

    private final Map<String, String> clients;
    private final DataSet data;
    private final TokenStore tokens;
    private final Mutations mutations;
    private final Router router;
    private final ListOrder listOrder;

    private HarvestSimulator(Builder b) {
        super(b);
        this.clients = Collections.unmodifiableMap(new LinkedHashMap<>(b.clients));
        this.listOrder = b.listOrder;
        Map<Resource, Integer> counts = new EnumMap<>(Resource.class);
        for (Resource r : Resource.values()) {
            counts.put(r, b.records.getOrDefault(r, defaultRecords));
        }
        this.data = new DataSet(seed, counts, dataEpochMillis, clock, b.undeclaredProperties);
        this.tokens = new TokenStore(clock, b.tokenTtl, b.singleActiveToken);
        this.mutations = new Mutations("harvest-sim-mutations", List.of(Resource.values()), Resource::byName,
                data::editRandom, data::insert, data::randomInt);
        this.router = new Router(clock, apiKeys, clients, new RateLimiter(b.v1Policy, clock),
                new RateLimiter(b.v3Policy, clock), b.rateHeaders, b.v3RateHeaders, tokens, faults, latency, log,
                new V1Handler(data, b.nextOnlyLinks, Set.copyOf(b.anomalies), b.listOrder),
                new V3Handler(data, clock, b.cursorTtl, Set.copyOf(b.anomalies)), b.padding);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public HarvestSimulator start() {
        startServer(router::handle, "harvest-sim");
        return this;
    }

    /** {@code http://127.0.0.1:<port>}. */
    @Override
    public String baseUrl() {
        return "http://" + host() + ":" + port();
    }

    public String tokenUrl() {
        return baseUrl() + TOKEN_PATH;
    }

    /** The first configured v3 client id. */
    public String clientId() {
        return clients.keySet().iterator().next();
    }

    public String clientSecret() {
        return clients.get(clientId());
    }

    // ------------------------------------------------------------------ observation

    /**
     * id -> current v1 JSON of every record (as served by /v1); rendered on access from a snapshot taken now. EEOC
     * records are keyed by application id (their only identifier in v1; v3 shows it as {@code id} too).
     */
    public Map<Long, JsonNode> truth(String resource) {
        return truth(resource, Dialect.V1);
    }

    /**
     * id -> current JSON in the given dialect's shape. Unmodifiable; every get returns a fresh tree. The resource
     * may be named by its v1 or its v3 name ({@code scheduled_interviews} / {@code interviews}, {@code job_stages} /
     * {@code job_interview_stages}); the dialect must serve it.
     */
    public Map<Long, JsonNode> truth(String resource, Dialect dialect) {
        return data.truth(Resource.byName(resource), dialect);
    }

    /** id -> version (1 when seeded or inserted, +1 per edit). */
    public Map<Long, Integer> versions(String resource) {
        return data.versions(Resource.byName(resource));
    }

    /**
     * The ids of a resource in the order its v1 page-number list gives them now ({@link Builder#listOrder}; offers
     * and scorecards by their documented order first).
     */
    public List<Long> v1ListOrder(String resource) {
        return data.v1Page(Resource.byName(resource), RecordFilter.ALL, 0, Integer.MAX_VALUE, false, listOrder).rows()
                .stream().map(ResourceStore.Row::id).toList();
    }

    /**
     * id -> the record's change timestamp: updated_at (last_activity_at for applications and submitted_at for EEOC
     * data, which v3 also shows as updated_at; resources without a v1 timestamp still have one in v3).
     */
    public Map<Long, Instant> changeTimestamps(String resource) {
        Map<Long, Instant> out = new LinkedHashMap<>();
        data.rows(Resource.byName(resource)).forEach((id, row) -> out.put(id, Instant.ofEpochMilli(row.updated())));
        return out;
    }

    /** Every resource, by its v1 name where it has one (see {@link #resources(Dialect)} for each dialect's names). */
    public Set<String> resources() {
        Set<String> names = new LinkedHashSet<>();
        for (Resource r : Resource.values()) {
            names.add(r.resourceName);
        }
        return names;
    }

    /**
     * The resources a dialect serves, by their names in that dialect: v1 resource names as the connector's v1
     * dialect names them (path {@code /v1/...} differs for {@code candidate_tags} = {@code tags/candidate} and the
     * {@code demographic_*} resources = {@code demographics/*}); v3 names are the path segments under {@code /v3/}.
     */
    public Set<String> resources(Dialect dialect) {
        Set<String> names = new LinkedHashSet<>();
        for (Resource r : Resource.values()) {
            if (r.in(dialect)) {
                names.add(r.nameIn(dialect));
            }
        }
        return names;
    }

    /** The v1 path of a resource ({@code /v1/tags/candidate} for {@code candidate_tags}), or null if v1 lacks it. */
    public String v1Path(String resource) {
        return Resource.byName(resource).v1Path;
    }

    // ------------------------------------------------------------------ mutations

    /**
     * Edit one record: version +1, some content changes (names of snapshot resources get a revision suffix),
     * change timestamp = max(now, previous + 1 ms).
     */
    public int edit(String resource, long id) {
        int version = data.edit(Resource.byName(resource), id).version();
        mutations.countEdits(1);
        return version;
    }

    /**
     * Delete (deactivate) or restore a job post: its {@code active} flag changes, and it is edited, so its change time
     * moves on (the Harvest docs do not say whether it does; this is the reading the connector relies on). v3 lists
     * it under the other value of {@code active} from then on. Returns the new version.
     */
    public int setJobPostActive(long id, boolean active) {
        int version = data.setJobPostActive(id, active).version();
        mutations.countEdits(1);
        return version;
    }

    /**
     * Hard-delete a record: from now on no list and no lookup shows it (Harvest exposes no deletes, so a client can
     * only notice that it is no longer listed).
     *
     * @throws IllegalArgumentException if there is no such record
     */
    public void delete(String resource, long id) {
        if (!data.store(Resource.byName(resource)).delete(id)) {
            throw new IllegalArgumentException("no " + resource + " with id " + id);
        }
    }

    /** Insert a record with an id above all others and created = updated = now; returns the id. */
    public long insert(String resource) {
        long id = data.insert(Resource.byName(resource)).id();
        mutations.countInsert();
        return id;
    }

    /** Edit n distinct random records so they all get the same new change timestamp; returns their ids ascending. */
    public List<Long> bulkEdit(String resource, int n) {
        List<ResourceStore.Row> rows = data.bulkEdit(Resource.byName(resource), n);
        mutations.countEdits(rows.size());
        return rows.stream().map(ResourceStore.Row::id).toList();
    }

    @Override
    public Mutations mutations() {
        return mutations;
    }

    // ------------------------------------------------------------------ faults and auth

    /** Every request whose path starts with {@code pathPrefix} (segment-wise) gets this status until cleared. */
    public void setStatusFor(String pathPrefix, int status) {
        faults.setStatus(pathPrefix, status);
    }

    public void clearStatusFor(String pathPrefix) {
        faults.clearStatus(pathPrefix);
    }

    /** Invalidate every issued v3 token now. */
    public void expireTokens() {
        tokens.expireAll();
    }

    // ------------------------------------------------------------------ builder

    /** Configuration; every setting has a default, so {@code builder().build()} works. */
    public static final class Builder extends SimulatorBuilder<Builder> {
        private final Map<Resource, Integer> records = new EnumMap<>(Resource.class);
        private final Map<String, String> clients = new LinkedHashMap<>();
        private Duration tokenTtl = Duration.ofHours(1);
        private boolean singleActiveToken;
        private RateLimiter.Policy v1Policy = RateLimiter.Policy.unlimited();
        private RateLimiter.Policy v3Policy = RateLimiter.Policy.unlimited();
        private RateLimiter.Mode v1Mode = RateLimiter.Mode.FIXED;
        private RateHeaders rateHeaders = RateHeaders.documented();
        /** The v3 reference: Limit, Remaining and Reset on every answer (high confidence). */
        private RateHeaders v3RateHeaders = RateHeaders.documented().withResetOnEveryAnswer();
        private Duration cursorTtl;
        private final Set<PagingAnomaly> anomalies = EnumSet.noneOf(PagingAnomaly.class);
        private int padding;
        private NextOnlyLinks nextOnlyLinks = NextOnlyLinks.PAGE_NUMBERS;
        private ListOrder listOrder = ListOrder.LAST_CHANGED;
        private boolean undeclaredProperties;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Records seeded for one resource, named by its v1 or v3 name (see {@link HarvestSimulator#resources()}).
         * Children that v1 embeds (e.g. {@code openings} in jobs) are spread over their parents, so give them a
         * multiple of the parent's count for several per parent. EEOC records take their ids from the seeded
         * applications, one per application, so seed at most as many as applications.
         */
        @Override
        public Builder records(String resource, int count) {
            records.put(Resource.byName(resource), checkedCount(count));
            return this;
        }

        /** A valid v3 client. May be called several times; default "client-id"/"client-secret". */
        public Builder oauthClient(String clientId, String clientSecret) {
            clients.put(Objects.requireNonNull(clientId), Objects.requireNonNull(clientSecret));
            return this;
        }

        public Builder tokenTtl(Duration ttl) {
            this.tokenTtl = ttl;
            return this;
        }

        /** Minting a token revokes the client's older tokens (reported Greenhouse behaviour; default off). */
        public Builder singleActiveToken(boolean on) {
            this.singleActiveToken = on;
            return this;
        }

        /** Same limit for both dialects (v1 window mode per {@link #v1RollingWindow}, v3 always fixed). */
        @Override
        public Builder rateLimit(int limit, Duration window) {
            rateLimitV1(limit, window);
            return rateLimitV3(limit, window);
        }

        public Builder rateLimitV1(int limit, Duration window) {
            this.v1Policy = new RateLimiter.Policy(limit, window, v1Mode);
            return this;
        }

        public Builder rateLimitV3(int limit, Duration window) {
            this.v3Policy = new RateLimiter.Policy(limit, window, RateLimiter.Mode.FIXED);
            return this;
        }

        /** v1 window: fixed (default) or rolling. */
        public Builder v1RollingWindow(boolean rolling) {
            this.v1Mode = rolling ? RateLimiter.Mode.ROLLING : RateLimiter.Mode.FIXED;
            this.v1Policy = new RateLimiter.Policy(v1Policy.limit(), v1Policy.window(), v1Mode);
            return this;
        }

        /**
         * How v1's rate-limit headers are written; default {@link RateHeaders#documented()} (Reset on 429s only, as
         * the v1 docs show).
         */
        public Builder rateHeaders(RateHeaders headers) {
            this.rateHeaders = Objects.requireNonNull(headers);
            return this;
        }

        /** How v3's rate-limit headers are written; default: as v1's documented shape, but Reset on every answer. */
        public Builder rateHeadersV3(RateHeaders headers) {
            this.v3RateHeaders = Objects.requireNonNull(headers);
            return this;
        }

        /** v3 cursors older than this get 422; default: cursors never expire. */
        public Builder cursorTtl(Duration ttl) {
            this.cursorTtl = ttl;
            return this;
        }

        /** Page the lists this way too (see {@link PagingAnomaly}); may be called for several. Default: none. */
        public Builder pagingAnomaly(PagingAnomaly anomaly) {
            anomalies.add(Objects.requireNonNull(anomaly));
            return this;
        }

        /** Every successful list answer ends with this many spaces (valid JSON, just large); default 0. */
        public Builder responsePadding(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes must be >= 0");
            }
            this.padding = bytes;
            return this;
        }

        /**
         * How v1's next-only endpoints page: the docs show no format for their {@code next} link (UNCERTAIN), so by
         * default a page number, across which records shift as the list changes; {@code SINCE_ID} is a stable keyset.
         */
        public Builder nextOnlyLinks(NextOnlyLinks links) {
            this.nextOnlyLinks = links;
            return this;
        }

        /**
         * The order of v1's page-number lists (see {@link ListOrder}; the docs state none, but for offers and
         * scorecards, which come in their documented order with ties in this one: {@link DocumentedOrder}); default
         * {@code LAST_CHANGED}, the leanest reading (it promises nothing, and moves an edited record onto pages a
         * forward walk has read). v3's cursors stay a keyset on descending id, and {@code since_id} links one on
         * ascending id.
         */
        public Builder listOrder(ListOrder order) {
            this.listOrder = Objects.requireNonNull(order);
            return this;
        }

        /**
         * Every record (v1 and v3) carries a property the connector's schemas do not declare, at its top level
         * ({@code "added_later": {"id": <record id>}}) and in its first nested object ({@code "added_later": true}),
         * as Greenhouse may add properties at any time; default off.
         */
        public Builder undeclaredProperties(boolean on) {
            this.undeclaredProperties = on;
            return this;
        }

        @Override
        public HarvestSimulator build() {
            if (clients.isEmpty()) {
                clients.put("client-id", "client-secret");
            }
            return new HarvestSimulator(this);
        }
    }

    // ------------------------------------------------------------------ standalone

    /**
     * Standalone: {@code --port 8089 --seed 42 --records candidates=5000,applications=8000 --api-key KEY
     * --client-id ID --client-secret S --rate-limit 50/10s --latency 600ms+1ms --mutations 2/s[,1/s]
     * --clock-offset -5m}. Prints the base URL and credentials and runs until Ctrl-C. See {@link HarvestSimulatorCli}.
     */
    public static void main(String[] args) throws InterruptedException {
        HarvestSimulatorCli.run(args);
    }
}
