package io.kafkaconnect.greenhouse.simulator;

import java.util.Locale;

/**
 * The resources the simulator serves, with their id ranges and how each dialect exposes them.
 *
 * <p>Every record has internal {@code created}/{@code updated} timestamps. v1 shows them as
 * {@code created_at}/{@code updated_at} (candidates, jobs) or as {@code applied_at}/{@code last_activity_at}
 * (applications), or not at all (departments, user roles, demographic questions); v3 always shows
 * {@code created_at}/{@code updated_at}.
 */
enum Resource {
    CANDIDATES("candidates", 40_000_000L, 9, "/v1/candidates", V1Paging.CLASSIC, V1Filters.CREATED_UPDATED),
    APPLICATIONS("applications", 60_000_000L, 7, "/v1/applications", V1Paging.CLASSIC, V1Filters.APPLICATIONS),
    JOBS("jobs", 4_000_000L, 13, "/v1/jobs", V1Paging.CLASSIC, V1Filters.CREATED_UPDATED),
    DEPARTMENTS("departments", 20_000L, 5, "/v1/departments", V1Paging.CLASSIC, V1Filters.NONE),
    USER_ROLES("user_roles", 4_700L, 3, "/v1/user_roles", V1Paging.NEXT_ONLY, V1Filters.NONE),
    DEMOGRAPHIC_QUESTIONS("demographic_questions", 1_000L, 4, "/v1/demographics/questions", V1Paging.NEXT_ONLY,
            V1Filters.NONE);

    /** v1 paging style. */
    enum V1Paging { CLASSIC, NEXT_ONLY }

    /** Which v1 time filters an endpoint honours (anything else is ignored, as Harvest does). */
    enum V1Filters { NONE, CREATED_UPDATED, APPLICATIONS }

    final String resourceName;
    final long firstId;
    final int maxIdGap;
    final String v1Path;
    final V1Paging v1Paging;
    final V1Filters v1Filters;

    Resource(String resourceName, long firstId, int maxIdGap, String v1Path, V1Paging v1Paging, V1Filters v1Filters) {
        this.resourceName = resourceName;
        this.firstId = firstId;
        this.maxIdGap = maxIdGap;
        this.v1Path = v1Path;
        this.v1Paging = v1Paging;
        this.v1Filters = v1Filters;
    }

    String v3Path() {
        return "/v3/" + resourceName;
    }

    /** v3 accepts created_at/updated_at filters on every resource except demographic questions. */
    boolean v3TimeFilters() {
        return this != DEMOGRAPHIC_QUESTIONS;
    }

    static Resource byName(String name) {
        for (Resource r : values()) {
            if (r.resourceName.equals(name.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown resource '" + name + "'; known: candidates, applications, "
                + "jobs, departments, user_roles, demographic_questions");
    }

    static Resource byV1Path(String path) {
        for (Resource r : values()) {
            if (r.v1Path.equals(path)) {
                return r;
            }
        }
        return null;
    }

    static Resource byV3Path(String path) {
        for (Resource r : values()) {
            if (r.v3Path().equals(path)) {
                return r;
            }
        }
        return null;
    }
}
