package io.kafkaconnect.greenhouse.simulator;

/** The two Harvest API dialects the simulator speaks. */
public enum Dialect {
    /** Harvest v1: Basic auth, page-number paging, nested objects. */
    V1,
    /** Harvest v3: OAuth bearer tokens, id-descending cursor paging, flat objects. */
    V3
}
