package io.kafkaconnect.greenhouse.config;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.ApiKeyCredentials;
import io.kafkaconnect.greenhouse.api.Credentials;
import io.kafkaconnect.greenhouse.api.CredentialsContext;
import io.kafkaconnect.greenhouse.api.RetryPolicy;
import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.RecordConverter;
import io.kafkaconnect.greenhouse.schema.UndeclaredFields;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The settings every connector of this plugin shares, with the same names and meaning (polling, paging, the rate
 * budget, retries, timeouts, topics), and what each API's configuration must tell the engine (its dialect, origin,
 * resources and credentials). Each API's configuration class adds its own keys.
 */
public abstract class EngineConfig extends AbstractConfig {

    public static final String VALIDATION_TIMEOUT_MS = "validation.timeout.ms";
    public static final String HTTP_TIMEOUT_MS = "http.timeout.ms";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String PROGRESS_LOG_INTERVAL_MS = "progress.log.interval.ms";
    public static final String PAGE_SIZE = "page.size";
    public static final String SNAPSHOT_INTERVAL_MS = "snapshot.interval.ms";
    public static final String BUDGET_FRACTION = "rate.limit.budget.fraction";
    public static final String MAX_CONCURRENCY = "fetch.max.concurrency";
    public static final String MAX_RESPONSE_BYTES = ApiClient.MAX_RESPONSE_BYTES_SETTING;
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String DELETES_MODE = "deletes.mode";
    public static final String DELETES_RECONCILE_INTERVAL_MS = "deletes.reconcile.interval.ms";
    public static final String DELETES_RECONCILE_BUDGET_FRACTION = "deletes.reconcile.budget.fraction";
    public static final String DELETES_STATE_TOPIC = "deletes.state.topic";
    public static final String CONVERSION_ERRORS = "record.conversion.errors";
    public static final String UNDECLARED_FIELDS = "undeclared.fields";
    /** The shortest poll interval (windows end on whole seconds of the API's clock anyway, e.g. Harvest's). */
    static final long MIN_POLL_INTERVAL_MS = 1_000;
    public static final String OFFSETS_CREDENTIAL_CHANGE = "offsets.credential.change";
    public static final String RESOURCES_FORBIDDEN = "resources.forbidden";
    /** Set by a connector on each task's configuration: the resources that task reads. */
    public static final String TASK_RESOURCES = "task.resources";
    /** Set by a connector on each task's configuration: how many tasks it has, for their shares of the budget. */
    public static final String TASK_COUNT = "task.count";

    public static final String GROUP_CONNECTION = "Connection";
    public static final String GROUP_AUTH = "Authentication";
    public static final String GROUP_RESOURCES = "Resources";
    public static final String GROUP_SYNC = "Sync";
    static final String GROUP_RETRIES = "Rate limits and retries";
    static final String GROUP_OUTPUT = "Output";
    static final String GROUP_DELETES = "Deletes";

    /** How records the API no longer lists reach their topic. */
    public enum DeletesMode { TOMBSTONE, NONE }

    /** How to treat a record whose value contradicts its schema. */
    public enum ConversionErrors { FAIL, SKIP }

    /** What to do with a selected resource the credential may not read (HTTP 403). */
    public enum ForbiddenResources { FAIL, SKIP }

    /** What a task does with a stored offset that another credential wrote. */
    public enum CredentialChange { FAIL, RESUME, RESTART }

    /** Mixed into credential fingerprints, so they match no other digest of the same secret. */
    private static final String FINGERPRINT_TAG = "kafka-connect-greenhouse/offsets-credential/1\n";

    /**
     * What the shared keys look like for one API.
     *
     * @param apiName        the API's name in documentation, e.g. {@code Harvest}
     * @param maxPageSize    the most records the API returns per request
     * @param pageSizeParam  the request parameter that carries the page size
     * @param rateLimitText  what the credential's rate limit is, e.g. "X-RateLimit-Limit per window"
     * @param sharingText    how tasks on other workers are accounted for
     * @param topicPrefix    the default topic prefix
     * @param credentialText what the credential fingerprint of an offset is taken from
     * @param concurrency    the default of {@code fetch.max.concurrency}: enough requests in flight to spend the
     *                       documented budget at the API's usual answer times, and why, for its documentation
     */
    public record SharedKeys(String apiName, int maxPageSize, String pageSizeParam, String rateLimitText,
                                String sharingText, String topicPrefix, String credentialText,
                                DefaultConcurrency concurrency) {
    }

    /** The default of {@code fetch.max.concurrency} for one API, and why (a sentence for its documentation). */
    public record DefaultConcurrency(int requests, String why) {
    }

    private final String baseUrlSetting;
    private final String resourcesSetting;

    /**
     * @param baseUrlSetting   the key of the API origin
     * @param resourcesSetting the key that selects resources
     */
    protected EngineConfig(ConfigDef def, Map<String, String> props, boolean checkAcrossFields, String baseUrlSetting,
                           String resourcesSetting) {
        super(def, props);
        this.baseUrlSetting = baseUrlSetting;
        this.resourcesSetting = resourcesSetting;
        Map<String, String> problems = checkAcrossFields ? crossFieldProblems() : Map.of();
        if (!problems.isEmpty()) {
            Map.Entry<String, String> first = problems.entrySet().iterator().next();
            throw new ConfigException(first.getKey() + " " + first.getValue());
        }
    }

    /** Defines the shared keys in {@code def}, in their groups, after the API's own keys of each group. */
    protected static void defineShared(ConfigDef def, SharedKeys api) {
        def.define(VALIDATION_TIMEOUT_MS, Type.LONG, 15_000L, Range.atLeast(1_000), Importance.LOW,
                "How long connector validation (the Connect REST validate endpoint and connector creation) may "
                        + "spend on its live check of the credentials and of each selected resource, in ms. Passing "
                        + "failures (5xx, resets, a redirect to another host) are retried within half of it.",
                GROUP_CONNECTION, 10, Width.SHORT, "Validation timeout (ms)");
        def.define(HTTP_TIMEOUT_MS, Type.LONG, 120_000L, Range.atLeast(1_000), Importance.LOW,
                "Connect, read and write timeout of one HTTP request, in milliseconds. " + api.apiName()
                        + " can take more than a second for a full page.",
                GROUP_CONNECTION, 11, Width.SHORT, "HTTP timeout (ms)");
        def.define(MAX_RESPONSE_BYTES, Type.LONG, ApiClient.DEFAULT_MAX_RESPONSE_BYTES, Range.atLeast(1_024),
                Importance.LOW,
                "The largest answer body one request may return, in bytes (after decompression); the body is read "
                        + "only up to this size. A larger answer stops the task with an error naming the resource "
                        + "and the URL: a page of " + api.apiName() + " is far smaller, so it points to a fault of "
                        + "the API or of a proxy. Lower " + PAGE_SIZE + " if records are genuinely that large.",
                GROUP_CONNECTION, 12, Width.SHORT, "Max response size (bytes)");

        def.define(RESOURCES_FORBIDDEN, Type.STRING, "fail",
                ConfigDef.CaseInsensitiveValidString.in("fail", "skip"), Importance.MEDIUM,
                "What to do with a selected resource the credential may not read (HTTP 403, e.g. a permission or "
                        + "scope it lacks): 'fail' stops the task with a message naming the resource and what to "
                        + "grant, and validation reports every such resource in one message; 'skip' leaves such "
                        + "resources out: validation passes (unless the credential may read none of the selected "
                        + "resources), and a task that gets a 403 logs a WARN naming the resource and what to grant, "
                        + "and goes on with its other resources. A skipped resource is not asked again until the "
                        + "task restarts: after granting access, restart the connector.",
                GROUP_RESOURCES, 20, Width.SHORT, "On forbidden resources");
        def.define(POLL_INTERVAL_MS, Type.LONG, 60_000L, new MillisAtLeast(MIN_POLL_INTERVAL_MS,
                        "shorter intervals keep asking the API about resources that have caught up (0: in a busy loop)"),
                Importance.MEDIUM,
                "How long a resource that has caught up waits before it is polled for changes again, in ms.",
                GROUP_SYNC, 1, Width.SHORT, "Poll interval (ms)");
        def.define(PAGE_SIZE, Type.INT, api.maxPageSize(), Range.between(1, api.maxPageSize()), Importance.LOW,
                "Records per request (" + api.pageSizeParam() + "), 1 to " + api.maxPageSize() + ".",
                GROUP_SYNC, 2, Width.SHORT, "Page size");
        def.define(SNAPSHOT_INTERVAL_MS, Type.LONG, 600_000L, Range.atLeast(0), Importance.LOW,
                "How often resources without a change filter (snapshot resources such as departments) are re-read, "
                        + "in ms. Records that did not change since the task started are not sent again; records a "
                        + "pass no longer lists get tombstones (" + DELETES_MODE + "). Most are one-page lists, one request "
                        + "a pass: every 10 minutes, even Harvest v1's 15 cost 0.5 % of a 50-per-10-seconds budget "
                        + "(docs/resources.md).",
                GROUP_SYNC, 10, Width.SHORT, "Snapshot interval (ms)");
        def.define(OFFSETS_CREDENTIAL_CHANGE, Type.STRING, "fail",
                ConfigDef.CaseInsensitiveValidString.in("fail", "resume", "restart"), Importance.MEDIUM,
                "What a task does with a stored offset that was written with another credential (every offset "
                        + "holds a one-way fingerprint of " + api.credentialText() + "; accounts share one host, "
                        + "so the fingerprint is what tells them apart): 'fail' stops the task with a message "
                        + "naming the resources; 'resume' goes on from the stored position with a warning (after a "
                        + "key was rotated for the same account); 'restart' logs a warning and reads the resource "
                        + "from the start (sync.start where the API has it). Offsets without a fingerprint "
                        + "(written by hand or by an older version) are resumed. See docs/offsets.md.",
                GROUP_SYNC, 11, Width.SHORT, "On a credential change");
        def.define(PROGRESS_LOG_INTERVAL_MS, Type.LONG, 60_000L, Range.atLeast(0), Importance.LOW,
                "How often a long read of a resource (a backfill, a full or incremental pass) logs its progress at "
                        + "INFO, in ms: records so far, records per second and, where the API tells how many the "
                        + "read holds, the share done and the time left. A read that ends sooner logs none of it. "
                        + "0: never.",
                GROUP_SYNC, 12, Width.SHORT, "Progress log interval (ms)");

        def.define(BUDGET_FRACTION, Type.DOUBLE, 1.0, Range.between(0.01, 1.0), Importance.MEDIUM,
                "The share of the credential's rate limit (" + api.rateLimitText() + ") this connector may use, "
                        + "from 0.01 to 1. Lower it to leave part of the budget to other integrations that use the "
                        + "same credential. All tasks of a worker that use the credential share one budget; several "
                        + "connectors on one credential each spend their own share, so their shares add up and "
                        + "should add up to at most 1 (a changed share applies when the connector's tasks restart "
                        + "with it); " + api.sharingText(),
                GROUP_RETRIES, 1, Width.SHORT, "Rate budget share");
        def.define(MAX_CONCURRENCY, Type.INT, api.concurrency().requests(), Range.between(1, 32), Importance.LOW,
                "The most requests one task has in flight at once while catching up on a large backlog (pieces "
                        + "of a backfill read in parallel, or per-parent requests; offsets still only move forward, "
                        + "and a restart resumes every piece where it stopped). The task uses fewer when the rate "
                        + "budget and response times do not need more. " + api.concurrency().why(),
                GROUP_RETRIES, 2, Width.SHORT, "Max concurrent requests");
        def.define(MAX_RETRIES, Type.INT, 10, Range.atLeast(0), Importance.LOW,
                "How many times one request is retried after a transient failure (5xx, timeout, reset connection, "
                        + "unreadable body) before the task reports a retriable error and Connect polls again. The "
                        + "resource is then read again only after the next back-off, which goes on doubling (up to "
                        + RETRY_BACKOFF_MAX_MS + ") while its reads keep failing, also with 0 retries. Rate limiting "
                        + "(429) is waited out and does not count.",
                GROUP_RETRIES, 3, Width.SHORT, "Max retries");
        def.define(RETRY_BACKOFF_MS, Type.LONG, 1_000L, Range.atLeast(1), Importance.LOW,
                "The first back-off after a transient failure, in ms; it doubles with each retry (with jitter).",
                GROUP_RETRIES, 4, Width.SHORT, "Retry back-off (ms)");
        def.define(RETRY_BACKOFF_MAX_MS, Type.LONG, 60_000L, Range.atLeast(1), Importance.LOW,
                "The longest back-off between two retries, in ms.",
                GROUP_RETRIES, 5, Width.SHORT, "Max retry back-off (ms)");

        def.define(TOPIC_PREFIX, Type.STRING, api.topicPrefix(), new TopicPrefixValidator(), Importance.MEDIUM,
                "Records of a resource go to the topic <topic.prefix>.<resource>.",
                GROUP_OUTPUT, 1, Width.MEDIUM, "Topic prefix");
        def.define(CONVERSION_ERRORS, Type.STRING, "fail",
                ConfigDef.CaseInsensitiveValidString.in("fail", "skip"), Importance.LOW,
                "What to do with a record whose value contradicts its schema (for example a text where a number is "
                        + "declared): 'fail' stops the task with an error naming resource, record id and field; "
                        + "'skip' logs the same and leaves the record out.",
                GROUP_OUTPUT, 2, Width.SHORT, "On conversion errors");
        def.define(UNDECLARED_FIELDS, Type.STRING, "keep",
                ConfigDef.CaseInsensitiveValidString.in("keep", "drop"), Importance.LOW,
                "What to do with properties " + api.apiName() + " sends that a resource's schema does not declare "
                        + "(APIs add properties over time): 'keep' puts them into the record's '"
                        + RecordConverter.UNDECLARED_FIELD + "' field, one JSON object keyed by each property's path "
                        + "(name, parent.name or list[index].name; null when there are none); 'drop' leaves them "
                        + "out ('" + RecordConverter.UNDECLARED_FIELD + "' is then always null, so the schema stays "
                        + "the same either way). Each such field is logged once per resource and field.",
                GROUP_OUTPUT, 3, Width.SHORT, "Undeclared fields");

        def.define(DELETES_MODE, Type.STRING, "tombstone",
                ConfigDef.CaseInsensitiveValidString.in("tombstone", "none"), Importance.MEDIUM,
                "How a record that " + api.apiName() + " no longer lists (a hard delete) reaches its topic: "
                        + "'tombstone' sends its key with a null value (put the topics on compaction: "
                        + "cleanup.policy=compact), 'none' sends nothing, as versions before this one did. Snapshot "
                        + "resources find deletes at each pass; incremental resources by a reconciliation of ids "
                        + "every " + DELETES_RECONCILE_INTERVAL_MS + ". The ids a topic holds are kept in Connect's "
                        + "offsets, written with records to " + DELETES_STATE_TOPIC + ". See docs/architecture.md "
                        + "(Deletes).",
                GROUP_DELETES, 1, Width.SHORT, "Deletes");
        def.define(DELETES_RECONCILE_INTERVAL_MS, Type.LONG, 86_400_000L, Range.atLeast(0), Importance.LOW,
                "How often an incremental resource lists every id to find the records deleted since, in ms (from "
                        + "the end of one reconciliation to the start of the next; a resource read from the beginning "
                        + "with deletes on has its first an interval after it started, one whose deletes were "
                        + "switched on later as soon as it has caught up). 0: never (snapshot resources still find deletes at each "
                        + "pass). A reconciliation costs one request per page of the whole resource (200,000 "
                        + "candidates at the largest page size: see docs/resources.md).",
                GROUP_DELETES, 2, Width.SHORT, "Reconciliation interval (ms)");
        def.define(DELETES_RECONCILE_BUDGET_FRACTION, Type.DOUBLE, 0.1, Range.between(0.01, 1.0), Importance.LOW,
                "The share of the rate budget (" + BUDGET_FRACTION + ") a reconciliation's requests are paced at, "
                        + "from 0.01 to 1; a resource's own changes always go first.",
                GROUP_DELETES, 3, Width.SHORT, "Reconciliation budget share");
        def.define(DELETES_STATE_TOPIC, Type.STRING, "", Importance.LOW,
                "The topic of the small records that carry the deletes ledgers' offsets (Connect stores an offset "
                        + "only with a record); empty: <" + TOPIC_PREFIX + ">.__deletes_state. Make it compacted. "
                        + "Not written with " + DELETES_MODE + "=none.",
                GROUP_DELETES, 4, Width.MEDIUM, "Deletes state topic");
    }

    /** Checks that involve several keys; key → message. Empty when all is well. */
    public abstract Map<String, String> crossFieldProblems();

    public abstract Dialect dialect();

    public HttpUrl baseUrl() {
        return HttpUrl.get(getString(baseUrlSetting).trim());
    }

    /** The selected resources, in the dialect's order; the dialect's default set when none is named. */
    public List<Resource> resources() {
        List<String> names = getList(resourcesSetting).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        Dialect dialect = dialect();
        if (names.isEmpty()) {
            return dialect.defaultResources();
        }
        return dialect.resources().stream().filter(r -> names.contains(r.name())).toList();
    }

    /** The named resources that the dialect does not have. */
    protected List<String> unknownResources() {
        return getList(resourcesSetting).stream().map(String::trim)
                .filter(s -> !s.isEmpty() && dialect().resource(s).isEmpty()).toList();
    }

    /** The setting that holds the API origin. */
    public String baseUrlSetting() {
        return baseUrlSetting;
    }

    /** The setting that selects resources. */
    public String resourcesSetting() {
        return resourcesSetting;
    }

    /**
     * The configured credentials, authenticating the requests of one client: a task's ({@code context.task()}) or
     * validate()'s.
     */
    public abstract Credentials credentials(CredentialsContext context);

    /** The settings that hold the credentials, for messages (comma-separated). */
    public abstract String credentialSettings();

    /**
     * A short one-way fingerprint of the account the credential reads, stored in every offset so that a task
     * notices offsets another credential wrote; empty when the credential is not set.
     */
    public abstract Optional<String> credentialFingerprint();

    /** The fingerprint of a credential identified by {@code parts}: never reversible to them. */
    protected static String fingerprint(String... parts) {
        return ApiKeyCredentials.fingerprint(FINGERPRINT_TAG + String.join("\n", parts));
    }

    /** The resources a task was assigned (set by the connector on each task's configuration). */
    public List<String> taskResources() {
        String value = originalsStrings().get(TASK_RESOURCES);
        if (value == null) {
            throw new ConfigException(TASK_RESOURCES, null, "is set by the connector on every task's configuration");
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * How many tasks the connector has (set by the connector on every task's configuration); 1 for a task
     * configuration written before the key existed.
     */
    public int taskCount() {
        String value = originalsStrings().get(TASK_COUNT);
        if (value == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new ConfigException(TASK_COUNT, value, "is set by the connector: a whole number of tasks");
        }
    }

    /**
     * The connector's name (Connect's {@code name}, which a task's configuration carries, copied from the
     * connector's), which tells the tasks of one connector from another's on a shared credential; null where absent.
     */
    public String connectorName() {
        return originalsStrings().get("name");
    }

    /** Problems of the shared keys that involve several of them. */
    protected void addSharedProblems(Map<String, String> problems) {
        if (getLong(RETRY_BACKOFF_MAX_MS) < getLong(RETRY_BACKOFF_MS)) {
            problems.put(RETRY_BACKOFF_MAX_MS, "must not be smaller than " + RETRY_BACKOFF_MS);
        }
    }

    protected static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    protected static boolean isSet(Password value) {
        return value != null && value.value() != null && !value.value().isBlank();
    }

    /**
     * Only changes at or after this instant are read, where the API can filter by change time and nothing is
     * stored yet; empty for APIs without such a filter.
     */
    public Optional<Instant> syncStart() {
        return Optional.empty();
    }

    /** How far behind the API server's clock a window of changes ends; zero for APIs without time windows. */
    public Duration safetyLag() {
        return Duration.ZERO;
    }

    public Duration progressLogInterval() {
        return Duration.ofMillis(getLong(PROGRESS_LOG_INTERVAL_MS));
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS));
    }

    public int pageSize() {
        return getInt(PAGE_SIZE);
    }

    public Duration snapshotInterval() {
        return Duration.ofMillis(getLong(SNAPSHOT_INTERVAL_MS));
    }

    public long maxResponseBytes() {
        return getLong(MAX_RESPONSE_BYTES);
    }

    public Duration httpTimeout() {
        return Duration.ofMillis(getLong(HTTP_TIMEOUT_MS));
    }

    public double budgetFraction() {
        return getDouble(BUDGET_FRACTION);
    }

    public int maxConcurrency() {
        return getInt(MAX_CONCURRENCY);
    }

    public Duration validationTimeout() {
        return Duration.ofMillis(getLong(VALIDATION_TIMEOUT_MS));
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(getInt(MAX_RETRIES), Duration.ofMillis(getLong(RETRY_BACKOFF_MS)),
                Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS)));
    }

    public String topicPrefix() {
        return getString(TOPIC_PREFIX);
    }

    public String topicFor(Resource resource) {
        return topicPrefix() + "." + resource.name();
    }

    public DeletesMode deletesMode() {
        return DeletesMode.valueOf(getString(DELETES_MODE).trim().toUpperCase(Locale.ROOT));
    }

    public Duration reconcileInterval() {
        return Duration.ofMillis(getLong(DELETES_RECONCILE_INTERVAL_MS));
    }

    public double reconcileBudgetFraction() {
        return getDouble(DELETES_RECONCILE_BUDGET_FRACTION);
    }

    /** The topic of the records that carry the deletes ledgers' offsets. */
    public String deletesStateTopic() {
        String topic = getString(DELETES_STATE_TOPIC).trim();
        return topic.isEmpty() ? topicPrefix() + ".__deletes_state" : topic;
    }

    public ConversionErrors conversionErrors() {
        return ConversionErrors.valueOf(getString(CONVERSION_ERRORS).trim().toUpperCase(Locale.ROOT));
    }

    public UndeclaredFields undeclaredFields() {
        return UndeclaredFields.valueOf(getString(UNDECLARED_FIELDS).trim().toUpperCase(Locale.ROOT));
    }

    public ForbiddenResources forbiddenResources() {
        return ForbiddenResources.valueOf(getString(RESOURCES_FORBIDDEN).trim().toUpperCase(Locale.ROOT));
    }

    public CredentialChange credentialChange() {
        return CredentialChange.valueOf(getString(OFFSETS_CREDENTIAL_CHANGE).trim().toUpperCase(Locale.ROOT));
    }
}
