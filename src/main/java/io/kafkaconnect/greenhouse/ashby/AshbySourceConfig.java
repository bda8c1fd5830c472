package io.kafkaconnect.greenhouse.ashby;

import io.kafkaconnect.greenhouse.api.ApiKeyCredentials;
import io.kafkaconnect.greenhouse.api.Credentials;
import io.kafkaconnect.greenhouse.api.CredentialsContext;
import io.kafkaconnect.greenhouse.config.BaseUrlValidator;
import io.kafkaconnect.greenhouse.config.EngineConfig;
import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.dialect.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The Ashby connector's configuration: its own {@code ashby.*} keys and the engine's shared ones. */
public class AshbySourceConfig extends EngineConfig {

    public static final String API_KEY = "ashby.api.key";
    public static final String BASE_URL = "ashby.base.url";
    public static final String RESOURCES = "ashby.resources";
    public static final String DEFAULT_BASE_URL = "https://api.ashbyhq.com";

    public static final ConfigDef CONFIG_DEF = configDef();

    /** @throws ConfigException naming the first key that is wrong */
    public AshbySourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props, true, BASE_URL, RESOURCES);
    }

    private AshbySourceConfig(Map<String, String> props, boolean checkAcrossFields) {
        super(CONFIG_DEF, props, checkAcrossFields, BASE_URL, RESOURCES);
    }

    /** Parses field by field only, for validate(), which reports cross-field problems per key itself. */
    public static AshbySourceConfig withoutCrossFieldChecks(Map<String, String> props) {
        return new AshbySourceConfig(props, false);
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        def.define(BASE_URL, Type.STRING, DEFAULT_BASE_URL, new BaseUrlValidator(DEFAULT_BASE_URL), Importance.MEDIUM,
                "The Ashby API origin. The API key is only ever sent to this origin. http:// is accepted only for "
                        + "loopback hosts.",
                GROUP_CONNECTION, 1, Width.LONG, "Base URL");
        def.define(API_KEY, Type.PASSWORD, null, Importance.HIGH,
                "Ashby API key (Admin → Integrations → API Keys), sent as the Basic auth user name with an empty "
                        + "password. Give it read permission for the module of every selected resource (Candidates, "
                        + "Jobs, Interviews, Hiring Process, Organization, Offers, Approvals; see docs/resources.md), and "
                        + "confidential job access if confidential jobs and their candidates should be included. "
                        + "Use a ConfigProvider such as ${file:...} or ${env:...} to keep it out of the connector "
                        + "config.",
                GROUP_AUTH, 1, Width.LONG, "API key");
        def.define(RESOURCES, Type.LIST, "", Importance.HIGH,
                "Comma-separated resources to read (e.g. candidates,applications). Empty means every resource. "
                        + "The lists read per changed parent cost one request per parent that changed (every parent "
                        + "on the first pass): application_history per application, candidate_notes per candidate, "
                        + "interview_events per interview schedule, interview_stages per interview plan. "
                        + "See docs/resources.md.",
                GROUP_RESOURCES, 1, Width.LONG, "Resources", new Recommender());
        defineShared(def, new SharedKeys("Ashby", 100, "limit", "documented as 1,000 requests per minute per key",
                "a worker paces at the share of the connector's tasks it runs. Ashby sends no rate-limit headers, so "
                        + "other integrations using the key are not seen: lower the share to leave room for them.",
                "ashby",
                "the API key (a rotated key counts as another credential)",
                new DefaultConcurrency(16, "The default, 16, lets the per-parent lists (one request per parent) "
                        + "spend the 1,000 requests a minute next to the cursor chains when an answer takes about "
                        + "0.6 s; with 8 a task used about 69 % of the budget in the benchmark (docs/performance.md).")));
        return def;
    }

    @Override
    public Map<String, String> crossFieldProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!isSet(apiKey())) {
            problems.put(API_KEY, "is required: create an API key in Ashby under Admin → Integrations → API Keys");
        }
        List<String> unknown = unknownResources();
        if (!unknown.isEmpty()) {
            problems.put(RESOURCES, "unknown resource(s) " + unknown + "; known: "
                    + dialect().resources().stream().map(Resource::name).toList());
        }
        addSharedProblems(problems);
        return problems;
    }

    public Password apiKey() {
        return getPassword(API_KEY);
    }

    @Override
    public Dialect dialect() {
        return AshbyDialect.INSTANCE;
    }

    /** The API key, with the advice on which module's permission each resource needs. */
    @Override
    public Credentials credentials(CredentialsContext context) {
        return new ApiKeyCredentials(apiKey().value(), API_KEY, AshbyAccess::hint);
    }

    @Override
    public Optional<String> credentialFingerprint() {
        return isSet(apiKey()) ? Optional.of(fingerprint("ashby", apiKey().value())) : Optional.empty();
    }

    @Override
    public String credentialSettings() {
        return API_KEY;
    }

    /** Offers Ashby's resource names. */
    private static final class Recommender implements ConfigDef.Recommender {
        @Override
        public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
            return AshbyDialect.INSTANCE.resources().stream().map(r -> (Object) r.name()).toList();
        }

        @Override
        public boolean visible(String name, Map<String, Object> parsedConfig) {
            return true;
        }
    }
}
