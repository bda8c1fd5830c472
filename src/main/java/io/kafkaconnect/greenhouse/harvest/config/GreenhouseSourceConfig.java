package io.kafkaconnect.greenhouse.harvest.config;

import io.kafkaconnect.greenhouse.api.ApiKeyCredentials;
import io.kafkaconnect.greenhouse.api.Credentials;
import io.kafkaconnect.greenhouse.api.CredentialsContext;
import io.kafkaconnect.greenhouse.api.OAuthClient;
import io.kafkaconnect.greenhouse.api.OAuthCredentials;
import io.kafkaconnect.greenhouse.config.BaseUrlValidator;
import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.config.InstantValidator;
import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.dialect.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The Greenhouse connector's configuration: every key, its documentation, defaults and checks. */
public class GreenhouseSourceConfig extends EngineConfig {

    public static final String API_VERSION = "greenhouse.api.version";
    public static final String BASE_URL = "greenhouse.base.url";
    public static final String API_KEY = "greenhouse.api.key";
    public static final String OAUTH_CLIENT_ID = "greenhouse.oauth.client.id";
    public static final String OAUTH_CLIENT_SECRET = "greenhouse.oauth.client.secret";
    public static final String OAUTH_USER_ID = "greenhouse.oauth.user.id";
    public static final String OAUTH_TOKEN_URL = "greenhouse.oauth.token.url";
    public static final String RESOURCES = "greenhouse.resources";
    public static final String SYNC_START = "sync.start";
    public static final String SAFETY_LAG_MS = "sync.safety.lag.ms";

    public static final String DEFAULT_BASE_URL = "https://harvest.greenhouse.io";
    public static final String DEFAULT_API_VERSION = "v3";
    public static final String DEFAULT_TOKEN_URL = "https://auth.greenhouse.io/token";

    public static final ConfigDef CONFIG_DEF = configDef();

    /** @throws ConfigException naming the first key that is wrong */
    public GreenhouseSourceConfig(Map<String, String> props) {
        this(CONFIG_DEF, props, true);
    }

    protected GreenhouseSourceConfig(ConfigDef def, Map<String, String> props, boolean checkAcrossFields) {
        super(def, props, checkAcrossFields, BASE_URL, RESOURCES);
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
                        + "(Basic auth with greenhouse.api.key; Greenhouse scheduled its removal for 2026-08-31, and a v1 config "
                        + "keeps working wherever Greenhouse still answers v1). "
                        + "Resources, topics' record schemas and stored offsets differ between the two; see "
                        + "docs/migrating-from-v1.md before switching a running connector.",
                GROUP_CONNECTION, ++order, Width.SHORT, "API version",
                List.of(API_KEY, OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, OAUTH_USER_ID, OAUTH_TOKEN_URL, RESOURCES));
        def.define(BASE_URL, Type.STRING, DEFAULT_BASE_URL, new BaseUrlValidator(DEFAULT_BASE_URL), Importance.MEDIUM,
                "The Harvest API origin. Credentials are only ever sent to this origin; next-page links that point "
                        + "elsewhere are refused. http:// is accepted only for loopback hosts.",
                GROUP_CONNECTION, ++order, Width.LONG, "Base URL");
        order = 0;
        def.define(API_KEY, Type.PASSWORD, null, Importance.HIGH,
                "Harvest v1 API key (Dev Center → API Credential Management), sent as the Basic auth user name "
                        + "with an empty password. Required for v1, rejected for v3. Use a ConfigProvider such as "
                        + "${file:...} or ${env:...} to keep it out of the connector config.",
                GROUP_AUTH, ++order, Width.LONG, "API key", new ApiVersionVisibility("v1", null));
        def.define(OAUTH_CLIENT_ID, Type.STRING, null, Importance.HIGH,
                "Harvest v3 OAuth client id (Configure → Dev Center → API Credentials → Create new API "
                        + "credentials, type Harvest V3 (OAuth); it ends in -<number>). Required for v3, rejected "
                        + "for v1. Give the credential the harvest:<resource>:list scope of every selected resource.",
                GROUP_AUTH, ++order, Width.LONG, "OAuth client id", new ApiVersionVisibility("v3", null));
        def.define(OAUTH_CLIENT_SECRET, Type.PASSWORD, null, Importance.HIGH,
                "Harvest v3 OAuth client secret, sent only to greenhouse.oauth.token.url (HTTP Basic with the client "
                        + "id) to get access tokens. Required for v3, rejected for v1. Use a ConfigProvider such as "
                        + "${file:...} or ${env:...} to keep it out of the connector config. All tasks of a worker "
                        + "that use the same client id, secret, token URL and user id share one access token; tasks "
                        + "with another secret or on other workers get their own. Greenhouse reportedly keeps only one active token per client (not "
                        + "confirmed): if tasks on several workers keep failing with HTTP 401, give each connector "
                        + "its own credential and keep its tasks on one worker (or use tasks.max=1).",
                GROUP_AUTH, ++order, Width.LONG, "OAuth client secret", new ApiVersionVisibility("v3", null));
        def.define(OAUTH_USER_ID, Type.STRING, "", new UserIdValidator(), Importance.MEDIUM,
                "Harvest v3: the numeric id of the Greenhouse user the access token acts as (the sub of the "
                        + "client-credentials grant; visible in the URL /account/users/<id>). Every v3 list "
                        + "endpoint reportedly needs a Site Admin. Empty acts as the Integration Service User "
                        + "Greenhouse created with the credential; whether that user may list everything is not "
                        + "documented, so set a Site Admin's id if resources come back empty or with HTTP 403. "
                        + "Rejected for v1.",
                GROUP_AUTH, ++order, Width.SHORT, "OAuth user id (sub)", List.of(),
                new ApiVersionVisibility("v3", ""));
        def.define(OAUTH_TOKEN_URL, Type.STRING, DEFAULT_TOKEN_URL,
                new BaseUrlValidator(DEFAULT_TOKEN_URL), Importance.LOW,
                "Harvest v3: the OAuth 2.0 token endpoint. The client secret is only ever sent here, and redirects "
                        + "are not followed. http:// is accepted only for loopback hosts. Rejected for v1 when "
                        + "changed from the default.",
                GROUP_AUTH, ++order, Width.LONG, "OAuth token URL", List.of(),
                new ApiVersionVisibility("v3", DEFAULT_TOKEN_URL));

        order = 0;
        def.define(RESOURCES, Type.LIST, "", Importance.HIGH,
                "Comma-separated resources to read (the endpoint names, e.g. candidates,applications). Empty means "
                        + "every resource of the chosen API version, except the sensitive v3 resources (eeoc and "
                        + "demographic_*), which are read only when named here. See docs/resources.md.",
                GROUP_RESOURCES, ++order, Width.LONG, "Resources", new ResourceRecommender());

        order = 2;
        def.define(SYNC_START, Type.STRING, "", new InstantValidator(), Importance.MEDIUM,
                "Only changes at or after this ISO-8601 instant are read by incremental resources (e.g. "
                        + "2024-01-01T00:00:00Z). Empty reads everything. Snapshot resources are always read whole. "
                        + "Applies when a resource has no stored offset.",
                GROUP_SYNC, ++order, Width.MEDIUM, "Sync start");
        def.define(SAFETY_LAG_MS, Type.LONG, 10_000L, Range.atLeast(0), Importance.LOW,
                "A window of changes is read only up to the API server's clock (its Date header) minus this lag, in "
                        + "ms, so that changes still being written when a window is read fall into the next window.",
                GROUP_SYNC, ++order, Width.SHORT, "Safety lag (ms)");
        defineShared(def, new SharedKeys("Harvest", 500, "per_page", "X-RateLimit-Limit per window",
                "a worker paces at the share of the connector's tasks it runs, and sees what others spent in the "
                        + "X-RateLimit-Remaining header.", "greenhouse",
                "the API key (v1; a rotated key counts as another credential) or the OAuth client id and token "
                        + "URL (v3; a rotated secret does not)",
                new DefaultConcurrency(8, "The default, 8, covers Harvest's budget at its usual 1 to 1.5 s per "
                        + "500-record page.")));
        return def;
    }

    @Override
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
        List<String> unknown = unknownResources();
        if (!unknown.isEmpty()) {
            StringBuilder message = new StringBuilder("unknown resource(s) " + unknown + " for API " + apiVersion()
                    + "; known: " + dialect.resources().stream().map(Resource::name).toList());
            unknown.stream().filter(dialect.retiredResources()::containsKey).forEach(name -> message.append(". ")
                    .append(name).append(" was retired: ").append(dialect.retiredResources().get(name)));
            problems.put(RESOURCES, message.toString());
        }
        addSharedProblems(problems);
        return problems;
    }

    public String apiVersion() {
        return getString(API_VERSION).trim();
    }

    @Override
    public Dialect dialect() {
        return HarvestDialects.forVersion(apiVersion());
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

    @Override
    public Optional<Instant> syncStart() {
        String s = getString(SYNC_START);
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(Instant.parse(s.trim()));
    }

    @Override
    public Duration safetyLag() {
        return Duration.ofMillis(getLong(SAFETY_LAG_MS));
    }

    /**
     * v1: the API key. v3: an OAuth client-credentials token shared by every task of this JVM that uses the same
     * client id, secret, token URL and user id (fetched on first use); validate() borrows it and shares nothing.
     */
    @Override
    public Credentials credentials(CredentialsContext context) {
        if (!"v3".equals(apiVersion())) {
            return new ApiKeyCredentials(apiKey().value(), API_KEY, HarvestAccess::apiKeyHint);
        }
        return OAuthCredentials.of(new OAuthClient(oauthTokenUrl(), oauthClientId(), oauthClientSecret().value(),
                oauthUserId().orElse(null), HarvestAccess.OAUTH), context);
    }

    /** v1: the key itself is the only identity it has. v3: the client id, not the secret, which rotates. */
    @Override
    public Optional<String> credentialFingerprint() {
        if ("v3".equals(apiVersion())) {
            String clientId = oauthClientId();
            return isSet(clientId) ? Optional.of(fingerprint("v3", clientId, oauthTokenUrl().toString()))
                    : Optional.empty();
        }
        return isSet(apiKey()) ? Optional.of(fingerprint("v1", apiKey().value())) : Optional.empty();
    }

    /** The settings that hold the credentials of the chosen API version, for messages. */
    @Override
    public String credentialSettings() {
        return "v3".equals(apiVersion()) ? OAUTH_CLIENT_ID + ", " + OAUTH_CLIENT_SECRET + ", " + OAUTH_USER_ID
                : API_KEY;
    }
}
