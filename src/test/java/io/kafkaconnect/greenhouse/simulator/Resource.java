package io.kafkaconnect.greenhouse.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The resources the simulator serves, with their id ranges and how each dialect exposes them.
 *
 * <p>Every record has internal {@code created}/{@code updated} timestamps. v1 shows them as
 * {@code created_at}/{@code updated_at} on most incremental resources, as {@code applied_at}/{@code last_activity_at}
 * on applications, as {@code submitted_at} (the change) on EEOC data, or not at all (snapshot resources such as
 * departments, user roles, demographic questions); v3 always shows {@code created_at}/{@code updated_at}.
 *
 * <p>A resource has a v1 path, a v3 name, or both. Where both exist they are two views of the same records
 * (same ids, same facts). Its {@link #resourceName} is the v1 name where there is one (e.g.
 * {@code scheduled_interviews}, {@code job_stages}); {@link #byName} also accepts the v3 name
 * ({@code interviews}, {@code job_interview_stages}).
 *
 * <p>The order of the constants is part of the generated data (seeds mix the ordinal): append, never reorder.
 */
enum Resource {
    // ---- served since the first version (v1 + v3)
    CANDIDATES("candidates", "candidates", 40_000_000L, 9, "/v1/candidates", V1Paging.CLASSIC, V1Filters.CREATED_UPDATED),
    APPLICATIONS("applications", "applications", 60_000_000L, 7, "/v1/applications", V1Paging.CLASSIC,
            V1Filters.APPLICATIONS),
    JOBS("jobs", "jobs", 4_000_000L, 13, "/v1/jobs", V1Paging.CLASSIC, V1Filters.CREATED_UPDATED),
    DEPARTMENTS("departments", "departments", 20_000L, 5, "/v1/departments", V1Paging.CLASSIC, V1Filters.NONE),
    USER_ROLES("user_roles", "user_roles", 4_700L, 3, "/v1/user_roles", V1Paging.NEXT_ONLY, V1Filters.NONE),
    DEMOGRAPHIC_QUESTIONS("demographic_questions", "demographic_questions", 1_000L, 4, "/v1/demographics/questions",
            V1Paging.NEXT_ONLY, V1Filters.NONE),

    // ---- v1 and v3
    OFFERS("offers", "offers", 2_500_000L, 11, "/v1/offers", V1Paging.CLASSIC, V1Filters.OFFERS),
    SCHEDULED_INTERVIEWS("scheduled_interviews", "interviews", 9_100_000L, 9, "/v1/scheduled_interviews",
            V1Paging.CLASSIC, V1Filters.CREATED_UPDATED),
    SCORECARDS("scorecards", "scorecards", 3_400_000L, 9, "/v1/scorecards", V1Paging.CLASSIC,
            V1Filters.CREATED_UPDATED),
    /** Keyed by application id: a record's id is the id of the application it belongs to (see DataSet). */
    EEOC("eeoc", "eeoc", 0L, 1, "/v1/eeoc", V1Paging.NEXT_ONLY, V1Filters.SUBMITTED),
    JOB_POSTS("job_posts", "job_posts", 120_000L, 7, "/v1/job_posts", V1Paging.CLASSIC, V1Filters.CREATED_UPDATED),
    JOB_STAGES("job_stages", "job_interview_stages", 72_000L, 5, "/v1/job_stages", V1Paging.CLASSIC,
            V1Filters.CREATED_UPDATED),
    USERS("users", "users", 84_000L, 97, "/v1/users", V1Paging.CLASSIC, V1Filters.CREATED_UPDATED),
    OFFICES("offices", "offices", 47_000L, 60, "/v1/offices", V1Paging.CLASSIC, V1Filters.NONE),
    CUSTOM_FIELDS("custom_fields", "custom_fields", 123_000L, 17, "/v1/custom_fields", V1Paging.NEXT_ONLY,
            V1Filters.NONE),
    EMAIL_TEMPLATES("email_templates", "email_templates", 48_000L, 23, "/v1/email_templates", V1Paging.CLASSIC,
            V1Filters.CREATED_UPDATED),
    SOURCES("sources", "sources", 600L, 9, "/v1/sources", V1Paging.CLASSIC, V1Filters.NONE),
    REJECTION_REASONS("rejection_reasons", "rejection_reasons", 200L, 7, "/v1/rejection_reasons", V1Paging.CLASSIC,
            V1Filters.NONE),
    CLOSE_REASONS("close_reasons", "close_reasons", 640L, 5, "/v1/close_reasons", V1Paging.UNPAGED, V1Filters.NONE),
    PROSPECT_POOLS("prospect_pools", "prospect_pools", 20L, 3, "/v1/prospect_pools", V1Paging.CLASSIC,
            V1Filters.NONE),
    CANDIDATE_TAGS("candidate_tags", "candidate_tags", 230L, 40, "/v1/tags/candidate", V1Paging.CLASSIC,
            V1Filters.NONE),
    DEMOGRAPHIC_QUESTION_SETS("demographic_question_sets", "demographic_question_sets", 1_990L, 2,
            "/v1/demographics/question_sets", V1Paging.NEXT_ONLY, V1Filters.NONE),
    DEMOGRAPHIC_ANSWER_OPTIONS("demographic_answer_options", "demographic_answer_options", 450L, 3,
            "/v1/demographics/answer_options", V1Paging.NEXT_ONLY, V1Filters.NONE),
    DEMOGRAPHIC_ANSWERS("demographic_answers", "demographic_answers", 50L, 9, "/v1/demographics/answers",
            V1Paging.NEXT_ONLY, V1Filters.CREATED_UPDATED),

    // ---- v1 only (v3 lists them as custom field options)
    DEGREES("degrees", null, 123L, 111, "/v1/degrees", V1Paging.UNPAGED, V1Filters.NONE),
    DISCIPLINES("disciplines", null, 1_230L, 111, "/v1/disciplines", V1Paging.UNPAGED, V1Filters.NONE),
    SCHOOLS("schools", null, 12_300L, 111, "/v1/schools", V1Paging.UNPAGED, V1Filters.NONE),

    // ---- v3 only
    APPLICATION_STAGES("application_stages", 310_000_000L, 5),
    OPENINGS("openings", 2_580_000L, 7),
    NOTES("notes", 500_000_000L, 9),
    JOB_INTERVIEWS("job_interviews", 6_000L, 5),
    INTERVIEW_KITS("interview_kits", 9_100L, 5),
    INTERVIEWERS("interviewers", 77_000_000L, 7),
    SCORECARD_CANDIDATE_ATTRIBUTES("scorecard_candidate_attributes", 88_000_000L, 5),
    SCORECARD_QUESTIONS("scorecard_questions", 11_000L, 3),
    SCORECARD_QUESTION_ANSWERS("scorecard_question_answers", 99_000_000L, 5),
    REJECTION_DETAILS("rejection_details", 5_500_000L, 7),
    PROSPECT_DETAILS("prospect_details", 6_600_000L, 7),
    ATTACHMENTS("attachments", 330_000_000L, 9),
    CANDIDATE_EDUCATIONS("candidate_educations", 561_000L, 9),
    CANDIDATE_EMPLOYMENTS("candidate_employments", 8_485_000L, 9),
    APPLIED_CANDIDATE_TAGS("applied_candidate_tags", 2_200_000L, 7),
    JOB_OWNERS("job_owners", 7_700_000L, 5),
    JOB_HIRING_MANAGERS("job_hiring_managers", 8_800_000L, 5),
    APPROVAL_FLOWS("approval_flows", 3_300_000L, 7),
    APPROVER_GROUPS("approver_groups", 4_400_000L, 5),
    APPROVERS("approvers", 5_100_000L, 5),
    REFERRERS("referrers", 7_000L, 11),
    CUSTOM_FIELD_OPTIONS("custom_field_options", 1_000_000L, 9),
    USER_JOB_PERMISSIONS("user_job_permissions", 13_000_000L, 7),
    FUTURE_JOB_PERMISSIONS("future_job_permissions", 14_000_000L, 7),
    USER_EMAILS("user_emails", 15_000_000L, 7),
    PROSPECT_POOL_STAGES("prospect_pool_stages", 80L, 3),
    INTERVIEWER_TAGS("interviewer_tags", 900L, 5),
    JOB_BOARDS("job_boards", 3_900L, 13),

    // ---- v3 only, beyond the suggested stream set (rendered by DetailRenderer)
    CANDIDATE_ATTRIBUTE_TYPES("candidate_attribute_types", 16_000L, 5),
    JOB_CANDIDATE_ATTRIBUTES("job_candidate_attributes", 17_000_000L, 5),
    FOCUS_CANDIDATE_ATTRIBUTES("focus_candidate_attributes", 18_000_000L, 5),
    SCORECARD_QUESTION_OPTIONS("scorecard_question_options", 19_000_000L, 3),
    SCORECARD_QUESTION_ANSWER_OPTIONS("scorecard_question_answer_options", 21_000_000L, 5),
    SCORECARD_QUESTION_CANDIDATE_ATTRIBUTES("scorecard_question_candidate_attributes", 22_000_000L, 5),
    DEFAULT_INTERVIEWERS("default_interviewers", 23_000_000L, 5),
    JOB_NOTES("job_notes", 24_000_000L, 9),
    JOB_POST_LOCATIONS("job_post_locations", 25_000_000L, 5),
    JOB_POST_SEARCHABLE_LOCATIONS("job_post_searchable_locations", 26_000_000L, 5),
    JOB_BOARD_CUSTOM_LOCATIONS("job_board_custom_locations", 27_000L, 3),
    PAY_INPUTS("pay_inputs", 28_000L, 3),
    PAY_INPUT_RANGES("pay_input_ranges", 29_000_000L, 5),
    TRACKING_LINKS("tracking_links", 30_000_000L, 7),
    CUSTOM_FIELD_DEPARTMENTS("custom_field_departments", 31_000_000L, 5),
    CUSTOM_FIELD_OFFICES("custom_field_offices", 32_000_000L, 5);

    /** v1 paging style: page numbers with next/prev/last, a next link only, or no paging (all in one answer). */
    enum V1Paging { CLASSIC, NEXT_ONLY, UNPAGED }

    /** Which v1 time filters an endpoint honours (anything else is ignored, as Harvest does). */
    enum V1Filters {
        NONE,
        /** created_after/created_before on created_at, updated_after/updated_before on updated_at. */
        CREATED_UPDATED,
        /** created_* on applied_at, last_activity_after (no upper bound) on last_activity_at. */
        APPLICATIONS,
        /** As {@link #CREATED_UPDATED}, but updated_before is inclusive (the docs say "at or before"). */
        OFFERS,
        /** submitted_after (inclusive) and submitted_before (exclusive) on submitted_at. */
        SUBMITTED
    }

    final String resourceName;
    /** The v3 path segment, or null if v3 does not serve this resource. */
    final String v3Name;
    final long firstId;
    final int maxIdGap;
    /** The v1 list path, or null if v1 does not serve this resource. */
    final String v1Path;
    final V1Paging v1Paging;
    final V1Filters v1Filters;

    Resource(String resourceName, String v3Name, long firstId, int maxIdGap, String v1Path, V1Paging v1Paging,
            V1Filters v1Filters) {
        this.resourceName = resourceName;
        this.v3Name = v3Name;
        this.firstId = firstId;
        this.maxIdGap = maxIdGap;
        this.v1Path = v1Path;
        this.v1Paging = v1Paging;
        this.v1Filters = v1Filters;
    }

    /** A v3-only resource. */
    Resource(String v3Name, long firstId, int maxIdGap) {
        this(v3Name, v3Name, firstId, maxIdGap, null, null, V1Filters.NONE);
    }

    boolean inV1() {
        return v1Path != null;
    }

    boolean inV3() {
        return v3Name != null;
    }

    boolean in(Dialect dialect) {
        return dialect == Dialect.V1 ? inV1() : inV3();
    }

    /** The name this resource has in a dialect (null if that dialect does not serve it). */
    String nameIn(Dialect dialect) {
        return dialect == Dialect.V1 ? (inV1() ? resourceName : null) : v3Name;
    }

    String v3Path() {
        return v3Name == null ? null : "/v3/" + v3Name;
    }

    /** v3 accepts created_at/updated_at filters on every resource except demographic questions and answer options. */
    boolean v3TimeFilters() {
        return this != DEMOGRAPHIC_QUESTIONS && this != DEMOGRAPHIC_ANSWER_OPTIONS;
    }

    static Resource byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Resource r : values()) {
            if (r.resourceName.equals(n) || n.equals(r.v3Name)) {
                return r;
            }
        }
        List<String> known = new ArrayList<>();
        for (Resource r : values()) {
            known.add(r.resourceName);
        }
        throw new IllegalArgumentException("unknown resource '" + name + "'; known: " + String.join(", ", known));
    }

    static Resource byV1Path(String path) {
        for (Resource r : values()) {
            if (path.equals(r.v1Path)) {
                return r;
            }
        }
        return null;
    }

    static Resource byV3Path(String path) {
        for (Resource r : values()) {
            if (r.v3Name != null && path.equals(r.v3Path())) {
                return r;
            }
        }
        return null;
    }
}
