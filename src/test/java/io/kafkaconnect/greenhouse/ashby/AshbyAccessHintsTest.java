package io.kafkaconnect.greenhouse.ashby;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What Ashby messages advise to grant: each module's read permission, named once. */
class AshbyAccessHintsTest {

    @Test
    void severalResourcesNameEachModuleOnce() {
        assertThat(AshbyAccess.hint(List.of("offers", "candidates", "applications"))).isEqualTo("give the API key "
                + "the read permission of Ashby's Candidates, Offers modules (Admin → Integrations → API Keys → edit "
                + "the key)");
        assertThat(AshbyAccess.hint("offers")).isEqualTo("give the API key the read permission of Ashby's Offers "
                + "module (Admin → Integrations → API Keys → edit the key)");
    }
}
