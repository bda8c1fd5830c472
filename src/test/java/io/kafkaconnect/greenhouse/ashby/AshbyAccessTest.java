package io.kafkaconnect.greenhouse.ashby;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafkaconnect.greenhouse.dialect.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every Ashby resource names the module whose read permission it needs (docs/resources.md and messages show it). */
class AshbyAccessTest {
    /** The modules an Ashby key gets permissions for, as the reference lists them (API Keys and Reports aside). */
    private static final List<String> MODULES = List.of("Jobs", "Candidates", "Interviews", "Hiring Process",
            "Organization", "Offers", "Approvals");

    @Test
    void everyResourceNeedsAModuleAKeyCanBeGiven() {
        for (Resource r : AshbyDialect.INSTANCE.resources()) {
            assertThat(AshbyAccess.module(r.name())).as(r.name()).isIn(MODULES);
            assertThat(AshbyAccess.hint(r.name())).as(r.name()).contains(AshbyAccess.module(r.name()) + " module");
        }
        assertThat(AshbyAccess.module("nope")).isNull();
    }
}
