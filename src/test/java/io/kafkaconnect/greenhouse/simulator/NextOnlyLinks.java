package io.kafkaconnect.greenhouse.simulator;

/** The {@code next} links of v1's next-only endpoints, whose format the docs do not show (UNCERTAIN). */
public enum NextOnlyLinks {
    /** {@code page=N}: the n-th chunk of the filtered list as it is when asked, across which records shift. */
    PAGE_NUMBERS,
    /** {@code since_id=<last id sent>}: a keyset on id, stable however the list changes. */
    SINCE_ID
}
