package io.kafkaconnect.greenhouse.dialect;

import io.kafkaconnect.greenhouse.ashby.AshbyDialect;
import io.kafkaconnect.greenhouse.harvest.config.HarvestDialects;
import java.util.List;
import java.util.stream.Stream;

/** Every dialect of the plugin, for tests that hold all of them to the same rule: Harvest's by version, then Ashby's. */
public final class AllDialects {
    private AllDialects() {
    }

    public static List<Dialect> list() {
        return Stream.concat(HarvestDialects.all().stream(), Stream.of(AshbyDialect.INSTANCE)).toList();
    }
}
