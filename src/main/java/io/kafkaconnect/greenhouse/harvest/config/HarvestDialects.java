package io.kafkaconnect.greenhouse.harvest.config;

import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.harvest.v1.HarvestV1Dialect;
import io.kafkaconnect.greenhouse.harvest.v3.HarvestV3Dialect;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The Harvest dialects, one per API version. */
public final class HarvestDialects {
    private static final Map<String, Dialect> BY_VERSION = Map.of("v1", new HarvestV1Dialect(), "v3",
            new HarvestV3Dialect());

    private HarvestDialects() {
    }

    /** The Harvest dialects, by version. */
    public static List<Dialect> all() {
        return BY_VERSION.values().stream().sorted(Comparator.comparing(Dialect::version)).toList();
    }

    /** Whether {@code version} is a Harvest API version this connector reads. */
    public static boolean isKnown(String version) {
        return BY_VERSION.containsKey(version);
    }

    /**
     * The Harvest dialect of {@code version} ({@code greenhouse.api.version}).
     *
     * @throws IllegalArgumentException for an unsupported version
     */
    public static Dialect forVersion(String version) {
        Dialect dialect = BY_VERSION.get(version);
        if (dialect == null) {
            throw new IllegalArgumentException("unsupported API version " + version);
        }
        return dialect;
    }
}
