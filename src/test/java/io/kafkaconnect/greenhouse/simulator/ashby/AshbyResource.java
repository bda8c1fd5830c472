package io.kafkaconnect.greenhouse.simulator.ashby;

import java.util.List;
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
    APPLICATION_HISTORY(12, "application.listHistory", "application_history", "candidatesRead", "enteredStageAt",
            APPLICATIONS, "applicationId"),
    /** Like offers: an edit shows as a new {@code latestVersion}. */
    OPENINGS(13, "opening.list", "openings", "jobsRead", Kind.PAGED, Flag.NONE, null),
    JOB_POSTINGS(14, "jobPosting.list", "job_postings", "jobsRead", Kind.UNPAGED, Flag.NONE, "updatedAt"),
    JOB_TEMPLATES(15, "jobTemplate.list", "job_templates", "jobsRead", Kind.PAGED, Flag.NONE, "updatedAt"),
    PROJECTS(16, "project.list", "projects", "candidatesRead", Kind.PAGED, Flag.NONE, null),
    APPROVALS(17, "approval.list", "approvals", "approvalsRead", Kind.PAGED, Flag.NONE, null),
    INTERVIEWS(18, "interview.list", "interviews", "interviewsRead", Kind.PAGED, Flag.INCLUDE_ARCHIVED, null),
    INTERVIEW_PLANS(19, "interviewPlan.list", "interview_plans", "interviewsRead", Kind.PAGED, Flag.NONE,
            "updatedAt"),
    /** Per plan: six stages, renamed when their plan is edited; applications are in the first plan's. */
    INTERVIEW_STAGES(20, "interviewStage.list", "interview_stages", "interviewsRead", null, INTERVIEW_PLANS,
            "interviewPlanId"),
    /** Per schedule: the events the schedule nests. */
    INTERVIEW_EVENTS(21, "interviewEvent.list", "interview_events", "interviewsRead", "updatedAt",
            INTERVIEW_SCHEDULES, "interviewScheduleId"),
    INTERVIEWER_POOLS(22, "interviewerPool.list", "interviewer_pools", "hiringProcessMetadataRead", Kind.PAGED,
            Flag.INCLUDE_ARCHIVED, null),
    CUSTOM_FIELDS(23, "customField.list", "custom_fields", "hiringProcessMetadataRead", Kind.PAGED,
            Flag.INCLUDE_ARCHIVED, null),
    CANDIDATE_TAGS(24, "candidateTag.list", "candidate_tags", "hiringProcessMetadataRead", Kind.PAGED,
            Flag.INCLUDE_ARCHIVED, null),
    CLOSE_REASONS(25, "closeReason.list", "close_reasons", "hiringProcessMetadataRead", Kind.UNPAGED,
            Flag.INCLUDE_ARCHIVED, null),
    HIRING_TEAM_ROLES(26, "hiringTeamRole.list", "hiring_team_roles", "organizationRead", Kind.UNPAGED, Flag.NONE,
            null),
    JOB_BOARDS(27, "jobBoard.list", "job_boards", "jobsRead", Kind.UNPAGED, Flag.NONE, null),
    SOURCE_TRACKING_LINKS(28, "sourceTrackingLink.list", "source_tracking_links", "hiringProcessMetadataRead",
            Kind.UNPAGED, Flag.NONE, null),
    FEEDBACK_FORM_DEFINITIONS(29, "feedbackFormDefinition.list", "feedback_form_definitions",
            "hiringProcessMetadataRead", Kind.PAGED, Flag.INCLUDE_ARCHIVED, null),
    SURVEY_FORM_DEFINITIONS(30, "surveyFormDefinition.list", "survey_form_definitions", "hiringProcessMetadataRead",
            Kind.PAGED, Flag.INCLUDE_ARCHIVED, null),
    /** Listed per {@code surveyType}, which the method requires. */
    SURVEY_SUBMISSIONS(31, "surveySubmission.list", "survey_submissions", "candidatesRead", Kind.PAGED,
            Flag.SURVEY_TYPE, "submittedAt"),
    /** Per candidate: 0 to 2 seeded notes, and one more with about half of the candidate's edits. */
    CANDIDATE_NOTES(32, "candidate.listNotes", "candidate_notes", "candidatesRead", "createdAt", CANDIDATES,
            "candidateId");

    /** The survey types {@code surveySubmission.list} takes; submission i has type i mod their number. */
    static final List<String> SURVEY_TYPES = List.of("CandidateDataConsent", "CandidateExperience", "Diversity",
            "EEOC", "Questionnaire");

    /** How a method answers. */
    enum Kind {
        /** cursor + limit + syncToken. */
        PAGED,
        /** One response with every record, no paging fields. */
        UNPAGED,
        /**
         * Listed per parent record ({@code application.listHistory}, {@code candidate.listNotes}, ...): cursor +
         * limit, one parent at a time, named by {@link #idParam}; derived from the parent, not stored.
         */
        CHILD
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
        STATUS_WITH_DRAFT("status"),
        /** {@code surveySubmission.list}'s required {@code surveyType}: only submissions of that type are listed. */
        SURVEY_TYPE("surveyType");

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
    /** For {@link Kind#CHILD}: the resource whose records are the parents, and the body field naming one. */
    final AshbyResource parent;
    final String idParam;

    AshbyResource(int code, String method, String resourceName, String permission, Kind kind, Flag flag,
            String changeField) {
        this(code, method, resourceName, permission, kind, flag, changeField, null, null);
    }

    /** A list per parent record. */
    AshbyResource(int code, String method, String resourceName, String permission, String changeField,
            AshbyResource parent, String idParam) {
        this(code, method, resourceName, permission, Kind.CHILD, Flag.NONE, changeField, parent, idParam);
    }

    private AshbyResource(int code, String method, String resourceName, String permission, Kind kind, Flag flag,
            String changeField, AshbyResource parent, String idParam) {
        this.code = code;
        this.method = method;
        this.resourceName = resourceName;
        this.permission = permission;
        this.kind = kind;
        this.flag = flag;
        this.changeField = changeField;
        this.parent = parent;
        this.idParam = idParam;
    }

    /** Whether the method takes and returns a syncToken. */
    boolean tokenCapable() {
        return kind == Kind.PAGED;
    }

    /** The error code for a parent id that names no record: {@code interviewPlan.list} → interview_plan_not_found. */
    String parentNotFoundCode() {
        String object = parent.method.substring(0, parent.method.indexOf('.'));
        return object.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT) + "_not_found";
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
