package io.kafkaconnect.greenhouse.harvest.config;

import io.kafkaconnect.greenhouse.api.OAuthSettings;
import java.util.List;
import java.util.stream.Collectors;

/** What Harvest credentials need to read a resource, and where users make them (Greenhouse's Dev Center). */
public final class HarvestAccess {
    /** The OAuth settings of Harvest v3, with Greenhouse's advice on them. */
    public static final OAuthSettings OAUTH = new OAuthSettings() {
        @Override
        public String apiName() {
            return "Greenhouse";
        }

        @Override
        public String clientIdKey() {
            return GreenhouseSourceConfig.OAUTH_CLIENT_ID;
        }

        @Override
        public String clientSecretKey() {
            return GreenhouseSourceConfig.OAUTH_CLIENT_SECRET;
        }

        @Override
        public String userIdKey() {
            return GreenhouseSourceConfig.OAUTH_USER_ID;
        }

        @Override
        public String tokenUrlKey() {
            return GreenhouseSourceConfig.OAUTH_TOKEN_URL;
        }

        @Override
        public String whereClientsAreMade() {
            return "(Configure > Dev Center > API Credentials, a credential of type Harvest V3 (OAuth))";
        }

        @Override
        public String clientIdForm() {
            return "(Greenhouse client ids end in -<number>)";
        }

        @Override
        public String userIdForm() {
            return "(a numeric Greenhouse user id, or empty)";
        }

        @Override
        public String requirements() {
            return "(the token acts as that user, who must be a Site Admin, and the credential needs the "
                    + "harvest:<resource>:list scope of each resource)";
        }

        @Override
        public String accessHint(String resource) {
            return accessHint(List.of(resource));
        }

        @Override
        public String accessHint(List<String> resources) {
            return "grant the credential the " + resources.stream().map(r -> "harvest:" + r + ":list")
                    .collect(Collectors.joining(", ")) + " scope" + (resources.size() == 1 ? "" : "s")
                    + " in Greenhouse's Dev Center, and make " + GreenhouseSourceConfig.OAUTH_USER_ID + " a Site Admin";
        }
    };

    private HarvestAccess() {
    }

    /** What to grant so that a Harvest v1 API key may read these resources. */
    public static String apiKeyHint(List<String> resources) {
        return "grant the API key access to " + (resources.size() == 1 ? "this endpoint" : "the endpoints of these "
                + "resources") + " in Greenhouse's Dev Center (API Credential Management)";
    }
}
