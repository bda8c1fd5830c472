package io.kafkaconnect.greenhouse.harvest.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The advice Harvest messages give on what to grant: for several resources, said once. */
class HarvestAccessTest {

    @Test
    void oauthAdviceNamesEachScopeAndTheSiteAdminOnce() {
        assertThat(HarvestAccess.OAUTH.accessHint(List.of("jobs", "pay_inputs"))).isEqualTo("grant the credential the "
                + "harvest:jobs:list, harvest:pay_inputs:list scopes in Greenhouse's Dev Center, and make "
                + "greenhouse.oauth.user.id a Site Admin");
        assertThat(HarvestAccess.OAUTH.accessHint("jobs")).isEqualTo("grant the credential the harvest:jobs:list "
                + "scope in Greenhouse's Dev Center, and make greenhouse.oauth.user.id a Site Admin");
    }

    @Test
    void apiKeyAdviceSpeaksOfOneEndpointOrOfSeveral() {
        assertThat(HarvestAccess.apiKeyHint(List.of("jobs"))).startsWith("grant the API key access to this endpoint");
        assertThat(HarvestAccess.apiKeyHint(List.of("jobs", "offers")))
                .startsWith("grant the API key access to the endpoints of these resources");
    }
}
