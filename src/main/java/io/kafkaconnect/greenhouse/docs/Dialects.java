package io.kafkaconnect.greenhouse.docs;

import io.kafkaconnect.greenhouse.ashby.AshbyDialect;
import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.harvest.HarvestDialects;
import java.util.List;
import java.util.stream.Stream;

/** Every dialect the plugin ships: Harvest's by version, then Ashby's (for what is written about all of them). */
public final class Dialects {
    private Dialects() {
    }

    public static List<Dialect> all() {
        return Stream.concat(HarvestDialects.all().stream(), Stream.of(AshbyDialect.INSTANCE)).toList();
    }
}
