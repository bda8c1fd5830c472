package io.kafkaconnect.greenhouse.config;

import io.kafkaconnect.greenhouse.api.RetryPolicy;
import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.dialect.Dialects;
import io.kafkaconnect.greenhouse.dialect.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

/** The connector's configuration: every key, its documentation, defaults and checks. */
public class GreenhouseSourceConfig extends AbstractConfig {

    public static final String API_VERSION = "greenhouse.api.version";
    public static final String BASE_URL = "greenhouse.base.url";
    public static final String HTTP_TIMEOUT_MS = "http.timeout.ms";
    public static final String API_KEY = "greenhouse.api.key";
    public static final String OAUTH_CLIENT_ID = "greenhouse.oauth.client.id";
    public static final String OAUTH_CLIENT_SECRET = "greenhouse.oauth.client.secret";
    public static final String OAUTH_USER_ID = "greenhouse.oauth.user.id";
    public static final String OAUTH_TOKEN_URL = "greenhouse.oauth.token.url";
    public static final String RESOURCES = "greenhouse.resources";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String PAGE_SIZE = "page.size";
    public static final String SYNC_START = "sync.start";
    public static final String SAFETY_LAG_MS = "sync.safety.lag.ms";
    public static final String SNAPSHOT_INTERVAL_MS = "snapshot.interval.ms";
    public static final String MAX_RETRIES = "max.retries";
    public static final String BUDGET_FRACTION = "rate.limit.budget.fraction";
    public static final String MAX_CONCURRENCY = "fetch.max.concurrency";
    public static final String VALIDATION_TIMEOUT_MS = "validation.timeout.ms";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String CONVERSION_ERRORS = "record.conversion.errors";

    public static final String DEFAULT_BASE_URL = "https://harvest.greenhouse.io";
    public static final String DEFAULT_API_VERSION = "v3";
    public static final String DEFAULT_TOKEN_URL = "https://auth.greenhouse.io/token";

    static final String GROUP_CONNECTION = "Connection";
    static final String GROUP_AUTH = "Authentication";
    static final String GROUP_RESOURCES = "Resources";
    static final String GROUP_SYNC = "Sync";
    static final String GROUP_RETRIES = "Rate limits and retries";
    static final String GROUP_OUTPUT = "Output";

    /** How to treat a record whose value contradicts its schema. */
    public enum ConversionErrors { FAIL, SKIP }

    public static final ConfigDef CONFIG_DEF = configDef();

    /** @throws ConfigException naming the first key that is wrong */
    public GreenhouseSourceConfig(Map<String, String> props) {
        this(CONFIG_DEF, props, true);
    }

    protected GreenhouseSourceConfig(ConfigDef def, Map<String, String> props, boolean checkAcrossFields) {
        super(def, props);
        Map<String, String> problems = checkAcrossFields ? crossFieldProblems() : Map.of();
        if (!problems.isEmpty()) {
            Map.Entry<String, String> first = problems.entrySet().iterator().next();
            throw new ConfigException(first.getKey() + " " + first.getValue());
        }
    }

    /** Parses field by field only, for validate(), which reports cross-field problems per key itself. */
    public static GreenhouseSourceConfig withoutCrossFieldChecks(Map<String, String> props) {
        return new GreenhouseSourceConfig(CONFIG_DEF, props, false);
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(API_VERSION, Type.STRING, DEFAULT_API_VERSION, new ApiVersionValidator(), Importance.HIGH,
                "The Harvest API generation to read: v3 (OAuth 2.0 client credentials, greenhouse.oauth.*) or v1 "
                        + "(Basic auth with greenhouse.api.key; Greenhouse announced its removal for 2026-08-31). "
                        + "Resources, topics' record schemas and stored offsets differ between the two; see "
                        + "docs/migrating-from-v1.md before switching a running connector.",
                GROUP_CONNECTION, ++order, Width.SHORT, "API version");
        def.define(BASE_URL, Type.STRING, DEFAULT_BASE_URL, new BaseUrlValidator(), Importance.MEDIUM,
                "The Harvest API origin. Credentials are only ever sent to this origin; next-page links that point "
                        + "elsewhere are refused. http:// is accepted only for loopback hosts.",
                GROUP_CONNECTION, ++order, Width.LONG, "Base URL");
        def.define(VALIDATION_TIMEOUT_MS, Type.LONG, 15_000L, Range.atLeast(1_000), Importance.LOW,
                "How long connector validation (the Connect REST validate endpoint and connector creation) may "
                        + "spend on its live check of the credentials and of each selected resource, in ms.",
                GROUP_CONNECTION, 10, Width.SHORT, "Validation timeout (ms)");
        def.define(HTTP_TIMEOUT_MS, Type.LONG, 120_000L, Range.atLeast(1_000), Importance.LOW,
                "Connect, read and write timeout of one HTTP request, in milliseconds. Harvest can take more than "
                        + "a second for a 500-record page.",
                GROUP_CONNECTION, ++order, Width.SHORT, "HTTP timeout (ms)");

        order = 0;
        def.define(API_KEY, Type.PASSWORD, null, Importance.HIGH,
                "Harvest v1 API key (Dev Center → API Credential Management), sent as the Basic auth user name "
                        + "with an empty password. Required for v1, rejected for v3. Use a ConfigProvider such as "
                        + "${file:...} or ${env:...} to keep it out of the connector config.",
                GROUP_AUTH, ++order, Width.LONG, "API key");
        def.define(OAUTH_CLIENT_ID, Type.STRING, null, Importance.HIGH,
                "Harvest v3 OAuth client id (Configure → Dev Center → API Credentials → Create new API "
                        + "credentials, type Harvest V3 (OAuth); it ends in -<number>). Required for v3, rejected "
                        + "for v1. Give the credential the harvest:<resource>:list scope of every selected resource.",
                GROUP_AUTH, ++order, Width.LONG, "OAuth client id");
        def.define(OAUTH_CLIENT_SECRET, Type.PASSWORD, null, Importance.HIGH,
                "Harvest v3 OAuth client secret, sent only to greenhouse.oauth.token.url (HTTP Basic with the client "
                        + "id) to get access tokens. Required for v3, rejected for v1. Use a ConfigProvider such as "
                        + "${file:...} or ${env:...} to keep it out of the connector config. All tasks of a worker "
                        + "that use the same client id, token URL and user id share one access token; tasks on other "
                        + "workers get their own. Greenhouse reportedly keeps only one active token per client (not "
                        + "confirmed): if tasks on several workers keep failing with HTTP 401, give each connector "
                        + "its own credential and keep its tasks on one worker (or use tasks.max=1).",
                GROUP_AUTH, ++order, Width.LONG, "OAuth client secret");
        def.define(OAUTH_USER_ID, Type.STRING, "", new UserIdValidator(), Importance.MEDIUM,
                "Harvest v3: the numeric id of the Greenhouse user the access token acts as (the sub of the "
                        + "client-credentials grant; visible in the URL /account/users/<id>). Every v3 list "
                        + "endpoint reportedly needs a Site Admin. Empty acts as the Integration Service User "
                        + "Greenhouse created with the credential; whether that user may list everything is not "
                        + "documented, so set a Site Admin's id if resources come back empty or with HTTP 403. "
                        + "Rejected for v1.",
                GROUP_AUTH, ++order, Width.SHORT, "OAuth user id (sub)");
        def.define(OAUTH_TOKEN_URL, Type.STRING, DEFAULT_TOKEN_URL,
                new BaseUrlValidator(DEFAULT_TOKEN_URL), Importance.LOW,
                "Harvest v3: the OAuth 2.0 token endpoint. The client secret is only ever sent here, and redirects "
                        + "are not followed. http:// is accepted only for loopback hosts. Rejected for v1 when "
                        + "changed from the default.",
                GROUP_AUTH, ++order, Width.LONG, "OAuth token URL");

        order = 0;
        def.define(RESOURCES, Type.LIST, "", Importance.HIGH,
                "Comma-separated resources to read (the endpoint names, e.g. candidates,applications). Empty means "
                        + "every resource of the chosen API version, except the sensitive v3 resources (eeoc and "
                        + "demographic_*), which are read only when named here. See docs/resources.md.",
                GROUP_RESOURCES, ++order, Width.LONG, "Resources", new ResourceRecommender());

        order = 0;
        def.define(POLL_INTERVAL_MS, Type.LONG, 60_000L, Range.atLeast(0), Importance.MEDIUM,
                "How long a resource that has caught up waits before it is polled for changes again, in ms.",
                GROUP_SYNC, ++order, Width.SHORT, "Poll interval (ms)");
        def.define(PAGE_SIZE, Type.INT, 500, Range.between(1, 500), Importance.LOW,
                "Records per request (per_page), 1 to 500.",
                GROUP_SYNC, ++order, Width.SHORT, "Page size");
        def.define(SYNC_START, Type.STRING, "", new InstantValidator(), Importance.MEDIUM,
                "Only changes at or after this ISO-8601 instant are read by incremental resources (e.g. "
                        + "2024-01-01T00:00:00Z). Empty reads everything. Snapshot resources are always read whole. "
                        + "Applies when a resource has no stored offset.",
                GROUP_SYNC, ++order, Width.MEDIUM, "Sync start");
        def.define(SAFETY_LAG_MS, Type.LONG, 10_000L, Range.atLeast(0), Importance.LOW,
                "A window of changes is read only up to the API server's clock (its Date header) minus this lag, in "
                        + "ms, so that changes still being written when a window is read fall into the next window.",
                GROUP_SYNC, ++order, Width.SHORT, "Safety lag (ms)");
        def.define(SNAPSHOT_INTERVAL_MS, Type.LONG, 3_600_000L, Range.atLeast(0), Importance.LOW,
                "How often resources without a time filter (snapshot resources such as departments) are re-read, "
                        + "in ms. Records that did not change since the task started are not sent again.",
                GROUP_SYNC, ++order, Width.SHORT, "Snapshot interval (ms)");

        order = 0;
        def.define(BUDGET_FRACTION, Type.DOUBLE, 1.0, Range.between(0.01, 1.0), Importance.MEDIUM,
                "The share of the credential's rate limit (X-RateLimit-Limit per window) this connector may use, "
                        + "from 0.01 to 1. Lower it to leave part of the budget to other integrations that use the "
                        + "same credential. All tasks of a worker that use the credential share one budget; tasks on "
                        + "other workers adapt through the X-RateLimit-Remaining header.",
                GROUP_RETRIES, ++order, Width.SHORT, "Rate budget share");
        def.define(MAX_CONCURRENCY, Type.INT, 8, Range.between(1, 32), Importance.LOW,
                "The most requests one task has in flight at once while catching up on a large backlog (windows "
                        + "are fetched in parallel, records are still delivered in order). The task uses fewer when "
                        + "the rate budget and response times do not need more.",
                GROUP_RETRIES, ++order, Width.SHORT, "Max concurrent requests");
        def.define(MAX_RETRIES, Type.INT, 10, Range.atLeast(0), Importance.LOW,
                "How many times one request is retried after a transient failure (5xx, timeout, reset connection, "
                        + "unreadable body) before the task reports a retriable error and Connect polls again. Rate "
                        + "limiting (429) is waited out and does not count.",
                GROUP_RETRIES, ++order, Width.SHORT, "Max retries");
        def.define(RETRY_BACKOFF_MS, Type.LONG, 1_000L, Range.atLeast(1), Importance.LOW,
                "The first back-off after a transient failure, in ms; it doubles with each retry (with jitter).",
                GROUP_RETRIES, ++order, Width.SHORT, "Retry back-off (ms)");
        def.define(RETRY_BACKOFF_MAX_MS, Type.LONG, 60_000L, Range.atLeast(1), Importance.LOW,
                "The longest back-off between two retries, in ms.",
                GROUP_RETRIES, ++order, Width.SHORT, "Max retry back-off (ms)");

        order = 0;
        def.define(TOPIC_PREFIX, Type.STRING, "greenhouse", new TopicPrefixValidator(), Importance.MEDIUM,
                "Records of a resource go to the topic <topic.prefix>.<resource>.",
                GROUP_OUTPUT, ++order, Width.MEDIUM, "Topic prefix");
        def.define(CONVERSION_ERRORS, Type.STRING, "fail",
                ConfigDef.CaseInsensitiveValidString.in("fail", "skip"), Importance.LOW,
                "What to do with a record whose value contradicts its schema (for example a text where a number is "
                        + "declared): 'fail' stops the task with an error naming resource, record id and field; "
                        + "'skip' logs the same and leaves the record out.",
                GROUP_OUTPUT, ++order, Width.SHORT, "On conversion errors");
        return def;
    }

    /** Checks that involve several keys; key → message. Empty when all is well. */
    public Map<String, String> crossFieldProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        Dialect dialect = dialect();
        boolean v3 = "v3".equals(apiVersion());
        if (v3) {
            if (isSet(getPassword(API_KEY))) {
                problems.put(API_KEY, "is a Harvest v1 setting and is not used with greenhouse.api.version=v3 (the "
                        + "default): remove it, or set greenhouse.api.version=v1 to keep reading Harvest v1. v3 "
                        + "authenticates with " + OAUTH_CLIENT_ID + " and " + OAUTH_CLIENT_SECRET
                        + " (see docs/migrating-from-v1.md)");
            }
            if (!isSet(getString(OAUTH_CLIENT_ID))) {
                problems.put(OAUTH_CLIENT_ID, "is required for greenhouse.api.version=v3 (the default); create a "
                        + "Harvest V3 (OAuth) credential in Greenhouse's Dev Center, or set greenhouse.api.version=v1 "
                        + "to read Harvest v1 with greenhouse.api.key");
            }
            if (!isSet(getPassword(OAUTH_CLIENT_SECRET))) {
                problems.put(OAUTH_CLIENT_SECRET, "is required for greenhouse.api.version=v3 (the default)");
            }
        } else {
            if (!isSet(getPassword(API_KEY))) {
                problems.put(API_KEY, "is required for greenhouse.api.version=v1");
            }
            String notV1 = "is a Harvest v3 (OAuth) setting and is not used with greenhouse.api.version=v1: remove "
                    + "it, or switch to greenhouse.api.version=v3 (see docs/migrating-from-v1.md)";
            if (isSet(getString(OAUTH_CLIENT_ID))) {
                problems.put(OAUTH_CLIENT_ID, notV1);
            }
            if (isSet(getPassword(OAUTH_CLIENT_SECRET))) {
                problems.put(OAUTH_CLIENT_SECRET, notV1);
            }
            if (isSet(getString(OAUTH_USER_ID))) {
                problems.put(OAUTH_USER_ID, notV1);
            }
            if (!DEFAULT_TOKEN_URL.equals(getString(OAUTH_TOKEN_URL).trim())) {
                problems.put(OAUTH_TOKEN_URL, notV1);
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String r : getList(RESOURCES)) {
            if (dialect.resource(r.trim()).isEmpty()) {
                unknown.add(r);
            }
        }
        if (!unknown.isEmpty()) {
            problems.put(RESOURCES, "unknown resource(s) " + unknown + " for API " + apiVersion() + "; known: "
                    + dialect.resources().stream().map(Resource::name).toList());
        }
        if (getLong(RETRY_BACKOFF_MAX_MS) < getLong(RETRY_BACKOFF_MS)) {
            problems.put(RETRY_BACKOFF_MAX_MS, "must not be smaller than " + RETRY_BACKOFF_MS);
        }
        return problems;
    }

    public String apiVersion() {
        return getString(API_VERSION).trim();
    }

    public Dialect dialect() {
        return Dialects.forVersion(apiVersion());
    }

    public HttpUrl baseUrl() {
        return HttpUrl.get(getString(BASE_URL).trim());
    }

    public Password apiKey() {
        return getPassword(API_KEY);
    }

    public String oauthClientId() {
        String id = getString(OAUTH_CLIENT_ID);
        return id == null ? null : id.trim();
    }

    public Password oauthClientSecret() {
        return getPassword(OAUTH_CLIENT_SECRET);
    }

    /** The {@code sub} of the client-credentials grant; empty to act as the credential's service user. */
    public Optional<String> oauthUserId() {
        String id = getString(OAUTH_USER_ID);
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(id.trim());
    }

    public HttpUrl oauthTokenUrl() {
        return HttpUrl.get(getString(OAUTH_TOKEN_URL).trim());
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean isSet(Password value) {
        return value != null && value.value() != null && !value.value().isBlank();
    }

    /** The selected resources, in the dialect's order; the dialect's default set when none is named. */
    public List<Resource> resources() {
        List<String> names = getList(RESOURCES).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        Dialect dialect = dialect();
        if (names.isEmpty()) {
            return dialect.defaultResources();
        }
        return dialect.resources().stream().filter(r -> names.contains(r.name())).toList();
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS));
    }

    public int pageSize() {
        return getInt(PAGE_SIZE);
    }

    public Optional<Instant> syncStart() {
        String s = getString(SYNC_START);
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(Instant.parse(s.trim()));
    }

    public Duration safetyLag() {
        return Duration.ofMillis(getLong(SAFETY_LAG_MS));
    }

    public Duration snapshotInterval() {
        return Duration.ofMillis(getLong(SNAPSHOT_INTERVAL_MS));
    }

    public Duration httpTimeout() {
        return Duration.ofMillis(getLong(HTTP_TIMEOUT_MS));
    }

    /** The settings that hold the credentials of the chosen API version, for messages. */
    public String credentialSettings() {
        return "v3".equals(apiVersion()) ? OAUTH_CLIENT_ID + ", " + OAUTH_CLIENT_SECRET + ", " + OAUTH_USER_ID
                : API_KEY;
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

    public ConversionErrors conversionErrors() {
        return ConversionErrors.valueOf(getString(CONVERSION_ERRORS).trim().toUpperCase());
    }
}
