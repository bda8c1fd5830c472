package io.kafkaconnect.greenhouse.simulator.ashby;

import java.util.Locale;

/**
 * The Ashby list methods the simulator serves, with the resource name the connector uses, the module permission a
 * key needs, how the method pages and which list flag it honours.
 */
enum AshbyResource {
    CANDIDATES(1, "candidate.list", "candidates", "candidatesRead", Kind.PAGED, Flag.NONE, "updatedAt"),
    APPLICATIONS(2, "application.list", "applications", "candidatesRead", Kind.PAGED, Flag.NONE, "updatedAt"),
    JOBS(3, "job.list", "jobs", "jobsRead", Kind.PAGED, Flag.STATUS_WITH_DRAFT, "updatedAt"),
    USERS(4, "user.list", "users", "organizationRead", Kind.PAGED, Flag.INCLUDE_DEACTIVATED, "updatedAt"),
    DEPARTMENTS(5, "department.list", "departments", "organizationRead", Kind.PAGED, Flag.INCLUDE_ARCHIVED,
            "updatedAt"),
    LOCATIONS(6, "location.list", "locations", "organizationRead", Kind.PAGED, Flag.INCLUDE_ARCHIVED, null),
    SOURCES(7, "source.list", "sources", "hiringProcessMetadataRead", Kind.UNPAGED, Flag.INCLUDE_ARCHIVED, null),
    ARCHIVE_REASONS(8, "archiveReason.list", "archive_reasons", "hiringProcessMetadataRead", Kind.UNPAGED,
            Flag.INCLUDE_ARCHIVED, null),
    INTERVIEW_SCHEDULES(9, "interviewSchedule.list", "interview_schedules", "interviewsRead", Kind.PAGED, Flag.NONE,
            "updatedAt"),
    /** No updatedAt in Ashby: an edit shows as a new {@code latestVersion} (id, createdAt). */
    OFFERS(10, "offer.list", "offers", "offersRead", Kind.PAGED, Flag.NONE, null),
    APPLICATION_FEEDBACK(11, "applicationFeedback.list", "application_feedback", "candidatesRead", Kind.PAGED,
            Flag.NONE, "submittedAt"),
    /** Per application; entries are derived from the applications, not stored as records of their own. */
    APPLICATION_HISTORY(12, "application.listHistory", "application_history", "candidatesRead", Kind.HISTORY,
            Flag.NONE, "enteredStageAt");

    /** How a method answers. */
    enum Kind {
        /** cursor + limit + syncToken. */
        PAGED,
        /** One response with every record, no paging fields. */
        UNPAGED,
        /** application.listHistory: cursor + limit, no syncToken, one application at a time. */
        HISTORY
    }

    /** The list flag a method honours (records it hides when the flag is false or absent). */
    enum Flag {
        NONE(null),
        INCLUDE_DEACTIVATED("includeDeactivated"),
        INCLUDE_ARCHIVED("includeArchived"),
        /**
         * {@code job.list}'s {@code status} array: draft jobs are listed only if it includes {@code Draft} (the
         * reference: "Drafts only if status includes Draft"). The other statuses are not filtered here.
         */
        STATUS_WITH_DRAFT("status");

        final String field;

        Flag(String field) {
            this.field = field;
        }
    }

    /** Stable small number used inside generated ids (not the ordinal, so reordering changes nothing). */
    final int code;
    final String method;
    final String resourceName;
    final String permission;
    final Kind kind;
    final Flag flag;
    /** The record field carrying the change time (null: the record shows none at the top level). */
    final String changeField;

    AshbyResource(int code, String method, String resourceName, String permission, Kind kind, Flag flag,
            String changeField) {
        this.code = code;
        this.method = method;
        this.resourceName = resourceName;
        this.permission = permission;
        this.kind = kind;
        this.flag = flag;
        this.changeField = changeField;
    }

    /** Whether the method takes and returns a syncToken. */
    boolean tokenCapable() {
        return kind == Kind.PAGED;
    }

    /** By resource name ({@code candidates}) or method ({@code candidate.list}). */
    static AshbyResource byName(String name) {
        AshbyResource r = find(name);
        if (r == null) {
            throw new IllegalArgumentException("unknown Ashby resource or method: " + name);
        }
        return r;
    }

    /** By resource name or method, or null. */
    static AshbyResource find(String name) {
        if (name == null) {
            return null;
        }
        for (AshbyResource r : values()) {
            if (r.resourceName.equals(name.toLowerCase(Locale.ROOT)) || r.method.equals(name)) {
                return r;
            }
        }
        return null;
    }

    static AshbyResource byMethod(String method) {
        for (AshbyResource r : values()) {
            if (r.method.equals(method)) {
                return r;
            }
        }
        return null;
    }
}
