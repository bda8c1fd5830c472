package io.kafkaconnect.greenhouse.harvest.v3;

import io.kafkaconnect.greenhouse.dialect.Paging;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.StructSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Harvest v3 resources: every list endpoint a Site Admin's credential can read. First the stream set the
 * reference suggests (README §11.1), in its order (core facts, plan/detail, dictionaries), then the other lists
 * (the scorecard plan's detail, job notes, posting detail, custom fields' scope), then the sensitive ones. Every endpoint pages with an opaque cursor in {@code Link: rel="next"}
 * and, except the two demographic dictionaries, filters on {@code updated_at}, so all but those two are read in
 * two-sided windows {@code updated_at=gte|<from>|lt|<to>}. The two list endpoints that hold no recruiting data are
 * in {@link V3OmittedEndpoints}.
 */
final class V3Resources {
    private static final String NS = V3Schemas.NAMESPACE + ".";

    /** Sensitive data (EEOC and demographics): read only when named in greenhouse.resources. */
    static final Set<String> OPT_IN = Set.of("eeoc", "demographic_answers", "demographic_question_sets",
            "demographic_questions", "demographic_answer_options");

    /** For resources whose fields only one third-party source lists. */
    private static final String SNAPSHOT_FIELDS = "Fields as a snapshot of Greenhouse's reference pages lists them "
            + "(no second source, UNCERTAIN); the `updated_at` filter is documented there.";

    private static final String OPT_IN_NOTE = "Sensitive, opt-in: read only when named in `greenhouse.resources` "
            + "(an empty list leaves it out).";

    /** Names earlier versions offered, with what replaces them. */
    static final Map<String, String> RETIRED = Map.of("inactive_job_posts", "job_posts now holds inactive (deleted) "
            + "posts too, with active=false: remove inactive_job_posts from greenhouse.resources (its topic gets no "
            + "more records; see docs/migrating-from-v1.md)");

    private V3Resources() {
    }

    static final List<Resource> ALL = List.of(
            // ---- core facts
            byUpdatedAt("candidates", "Candidate", V3CandidateSchemas.CANDIDATE)
                    .withNotes("Flat: applications, educations, employments, attachments and tag links are "
                            + "resources of their own (`applications`, `candidate_educations`, ...). `custom_fields` "
                            + "is keyed by the field's `name_key`, each value `{name, type, value}`. Private "
                            + "candidates are listed only if the acting user may see them."),
            byUpdatedAt("applications", "Application", V3CandidateSchemas.APPLICATION)
                    .withNotes("v3 applications have `updated_at`, so they are read in two-sided windows like the "
                            + "other resources (v1 could only use `last_activity_after`). `status` is `in_process` "
                            + "for active applications. `stage_id` is an application-stage id, not a "
                            + "`job_interview_stages` id; the stage history is `application_stages`."),
            byUpdatedAt("application_stages", "ApplicationStage", V3CandidateSchemas.APPLICATION_STAGE)
                    .withNotes("One row per stage an application entered; `current=true` marks the current one."),
            byUpdatedAt("jobs", "Job", V3JobSchemas.JOB)
                    .withNotes("Confidential jobs may be hidden even from a Site Admin who is not on the hiring team "
                            + "(third-party reading of the reference; not confirmed)."),
            byUpdatedAt("openings", "Opening", V3JobSchemas.OPENING),
            byUpdatedAt("offers", "Offer", V3CandidateSchemas.OFFER)
                    .withNotes("Every offer version is listed (`version`); statuses are capitalised (`Created`, "
                            + "`Accepted`, `Rejected`, `Deprecated`). `sent_on` and `starts_on` are dates."),
            byUpdatedAt("scorecards", "Scorecard", V3CandidateSchemas.SCORECARD),
            byUpdatedAt("interviews", "Interview", V3CandidateSchemas.INTERVIEW)
                    .withNotes("All-day interviews have `all_day_start_on`/`all_day_end_on` (dates) instead of "
                            + "`starts_at`/`ends_at`. The panel is `interviewers`."),
            byUpdatedAt("notes", "Note", V3CandidateSchemas.NOTE)
                    .withNotes("The candidate activity feed: notes, e-mails and activities, one row each (`type`)."),
            byUpdatedAt("users", "User", V3OrganizationSchemas.USER)
                    .withFixedParam("show_service_accounts", "true")
                    .withNotes("`show_service_accounts=true` is sent so that integration service users are listed "
                            + "too (their `primary_email` is empty). Deactivated users are listed with "
                            + "`deactivated=true`."),
            // ---- plan and detail
            byUpdatedAt("job_posts", "JobPost", V3JobSchemas.JOB_POST)
                    .withFixedParam("active", "true")
                    .withAlsoListed("active", "false")
                    .withNotes("Active and inactive (deleted) posts, told apart by `active`. Greenhouse lists only "
                            + "active posts unless asked for `active=false`, and no value lists both, so the "
                            + "connector reads two lists in turn into this one topic: `active=true`, then "
                            + "`active=false`, each in its own windows (offset: the second list's position is under "
                            + "`more_lists`). A post deactivated after it was sent arrives again with `active=false` "
                            + "once its `updated_at` moves on, which the docs do not promise (UNCERTAIN: a "
                            + "deactivation that left `updated_at` unchanged would not be seen). Replaces "
                            + "`inactive_job_posts` of earlier versions (see docs/migrating-from-v1.md)."),
            byUpdatedAt("job_interview_stages", "JobInterviewStage", V3JobSchemas.JOB_INTERVIEW_STAGE)
                    .withNotes("The interview plan's stages (v1 `job_stages`)."),
            byUpdatedAt("job_interviews", "JobInterview", V3JobSchemas.JOB_INTERVIEW),
            byUpdatedAt("interview_kits", "InterviewKit", V3JobSchemas.INTERVIEW_KIT),
            byUpdatedAt("interviewers", "Interviewer", V3CandidateSchemas.INTERVIEWER)
                    .withNotes("One row per panel member per interview; `user_id` is null for external attendees."),
            byUpdatedAt("scorecard_candidate_attributes", "ScorecardCandidateAttribute",
                    V3CandidateSchemas.SCORECARD_CANDIDATE_ATTRIBUTE),
            byUpdatedAt("scorecard_questions", "ScorecardQuestion", V3JobSchemas.SCORECARD_QUESTION),
            byUpdatedAt("scorecard_question_answers", "ScorecardQuestionAnswer",
                    V3CandidateSchemas.SCORECARD_QUESTION_ANSWER),
            byUpdatedAt("rejection_details", "RejectionDetail", V3CandidateSchemas.REJECTION_DETAIL),
            byUpdatedAt("prospect_details", "ProspectDetail", V3CandidateSchemas.PROSPECT_DETAIL),
            byUpdatedAt("attachments", "Attachment", V3CandidateSchemas.ATTACHMENT)
                    .withNotes("`url` expires after about 7 days: it is a download link, not stable data."),
            byUpdatedAt("candidate_educations", "CandidateEducation", V3CandidateSchemas.CANDIDATE_EDUCATION),
            byUpdatedAt("candidate_employments", "CandidateEmployment", V3CandidateSchemas.CANDIDATE_EMPLOYMENT),
            byUpdatedAt("applied_candidate_tags", "AppliedCandidateTag", V3CandidateSchemas.APPLIED_CANDIDATE_TAG),
            byUpdatedAt("job_owners", "JobOwner", V3JobSchemas.JOB_OWNER)
                    .withNotes("Recruiters, coordinators and sourcers of a job (`type`); hiring managers are "
                            + "`job_hiring_managers`."),
            byUpdatedAt("job_hiring_managers", "JobHiringManager", V3JobSchemas.JOB_HIRING_MANAGER),
            byUpdatedAt("approval_flows", "ApprovalFlow", V3JobSchemas.APPROVAL_FLOW),
            byUpdatedAt("approver_groups", "ApproverGroup", V3JobSchemas.APPROVER_GROUP),
            byUpdatedAt("approvers", "Approver", V3JobSchemas.APPROVER)
                    .withNotes("`send_auto_reminder_at` is a date despite its name."),
            // ---- dictionaries
            byUpdatedAt("departments", "Department", V3OrganizationSchemas.DEPARTMENT)
                    .withNotes("Flat; the hierarchy is in `parent_id` (v1's child lists are gone)."),
            byUpdatedAt("offices", "Office", V3OrganizationSchemas.OFFICE)
                    .withNotes("Flat; the hierarchy is in `parent_id`. `location` is a string."),
            byUpdatedAt("sources", "Source", V3OrganizationSchemas.SOURCE),
            byUpdatedAt("referrers", "Referrer", V3OrganizationSchemas.REFERRER)
                    .withNotes("`applications.referrer_id` refers to these ids (not to users)."),
            byUpdatedAt("rejection_reasons", "RejectionReason", V3OrganizationSchemas.REJECTION_REASON)
                    .withFixedParam("include_defaults", "true")
                    .withNotes("`include_defaults=true` is sent so that Greenhouse's built-in reasons, which "
                            + "applications can refer to, are listed too."),
            byUpdatedAt("close_reasons", "CloseReason", V3Schemas.NAMED),
            byUpdatedAt("custom_fields", "CustomField", V3OrganizationSchemas.CUSTOM_FIELD)
                    .withNotes("Fields of every type, archived ones included (`active=false`). `default_value` can "
                            + "be of any JSON shape and is kept exactly in `default_value.json`."),
            byUpdatedAt("custom_field_options", "CustomFieldOption", V3OrganizationSchemas.CUSTOM_FIELD_OPTION)
                    .withNotes("Also the v1 degrees, disciplines and schools: the options of the custom fields whose "
                            + "`internal_type` is `degree`, `discipline` or `school_name`. Deleted options stay "
                            + "with `active=false`."),
            byUpdatedAt("candidate_tags", "CandidateTag", V3Schemas.NAMED),
            byUpdatedAt("user_roles", "UserRole", V3OrganizationSchemas.USER_ROLE),
            byUpdatedAt("user_job_permissions", "UserJobPermission", V3OrganizationSchemas.USER_JOB_PERMISSION)
                    .withNotes("Site admins are never listed (they may access every job)."),
            byUpdatedAt("future_job_permissions", "FutureJobPermission", V3OrganizationSchemas.FUTURE_JOB_PERMISSION),
            byUpdatedAt("user_emails", "UserEmail", V3OrganizationSchemas.USER_EMAIL),
            byUpdatedAt("email_templates", "EmailTemplate", V3OrganizationSchemas.EMAIL_TEMPLATE),
            byUpdatedAt("prospect_pools", "ProspectPool", V3OrganizationSchemas.PROSPECT_POOL),
            byUpdatedAt("prospect_pool_stages", "ProspectPoolStage", V3OrganizationSchemas.PROSPECT_POOL_STAGE),
            byUpdatedAt("interviewer_tags", "InterviewerTag", V3Schemas.NAMED),
            byUpdatedAt("job_boards", "JobBoard", V3JobSchemas.JOB_BOARD),
            // ---- beyond the suggested set: the scorecard plan's detail, job notes, posting detail, custom fields' scope
            byUpdatedAt("candidate_attribute_types", "CandidateAttributeType", V3DetailSchemas.CANDIDATE_ATTRIBUTE_TYPE)
                    .withNotes("The categories of a job's scorecard attributes (e.g. Skills, Personality). "
                            + SNAPSHOT_FIELDS),
            byUpdatedAt("job_candidate_attributes", "JobCandidateAttribute", V3DetailSchemas.JOB_CANDIDATE_ATTRIBUTE)
                    .withNotes("The attributes a job's scorecards rate: `scorecard_candidate_attributes."
                            + "job_candidate_attribute_id` refers to these ids. " + SNAPSHOT_FIELDS),
            byUpdatedAt("focus_candidate_attributes", "FocusCandidateAttribute",
                    V3DetailSchemas.FOCUS_CANDIDATE_ATTRIBUTE)
                    .withNotes("The attributes an interview kit focuses on. " + SNAPSHOT_FIELDS),
            byUpdatedAt("scorecard_question_options", "ScorecardQuestionOption",
                    V3DetailSchemas.SCORECARD_QUESTION_OPTION)
                    .withNotes("The choices of single- and multi-select scorecard questions. " + SNAPSHOT_FIELDS),
            byUpdatedAt("scorecard_question_answer_options", "ScorecardQuestionAnswerOption",
                    V3DetailSchemas.SCORECARD_QUESTION_ANSWER_OPTION)
                    .withNotes("The options a select answer chose, one row each (joins `scorecard_question_answers` "
                            + "to `scorecard_question_options`). " + SNAPSHOT_FIELDS),
            byUpdatedAt("scorecard_question_candidate_attributes", "ScorecardQuestionCandidateAttribute",
                    V3DetailSchemas.SCORECARD_QUESTION_CANDIDATE_ATTRIBUTE)
                    .withNotes("Which focus attribute a scorecard question assesses. " + SNAPSHOT_FIELDS),
            byUpdatedAt("default_interviewers", "DefaultInterviewer", V3DetailSchemas.DEFAULT_INTERVIEWER)
                    .withNotes("The interviewers an interview kit proposes by default. " + SNAPSHOT_FIELDS),
            byUpdatedAt("job_notes", "JobNote", V3DetailSchemas.JOB_NOTE)
                    .withNotes("Notes on jobs (candidate notes are `notes`); `visibility` is `admin_only_visible` or "
                            + "`privately_visible`."),
            byUpdatedAt("job_post_locations", "JobPostLocation", V3DetailSchemas.JOB_POST_LOCATION)
                    .withNotes("Where a job post is located: an office, a job board's custom location, or free text "
                            + "(`type`). " + SNAPSHOT_FIELDS),
            byUpdatedAt("job_post_searchable_locations", "JobPostSearchableLocation",
                    V3DetailSchemas.JOB_POST_SEARCHABLE_LOCATION)
                    .withNotes("Geocoded job-post locations (`latitude`, `longitude` as numbers). " + SNAPSHOT_FIELDS),
            byUpdatedAt("job_board_custom_locations", "JobBoardCustomLocation",
                    V3DetailSchemas.JOB_BOARD_CUSTOM_LOCATION)
                    .withNotes("A job board's list of custom locations; `job_post_locations.custom_location_id` "
                            + "refers to these ids. " + SNAPSHOT_FIELDS),
            byUpdatedAt("pay_inputs", "PayInput", V3DetailSchemas.PAY_INPUT)
                    .withNotes("Pay-transparency inputs (the pay ranges a job post can show). " + SNAPSHOT_FIELDS),
            byUpdatedAt("pay_input_ranges", "PayInputRange", V3DetailSchemas.PAY_INPUT_RANGE)
                    .withNotes("The pay range a job post shows for a pay input, in cents of `currency_type` (ISO "
                            + "4217). " + SNAPSHOT_FIELDS),
            byUpdatedAt("tracking_links", "TrackingLink", V3DetailSchemas.TRACKING_LINK)
                    .withNotes("Tracking links of job posts and boards, with the source and referrer they credit. "
                            + SNAPSHOT_FIELDS),
            byUpdatedAt("custom_field_departments", "CustomFieldDepartment", V3DetailSchemas.CUSTOM_FIELD_DEPARTMENT)
                    .withNotes("Which departments a custom field applies to. " + SNAPSHOT_FIELDS),
            byUpdatedAt("custom_field_offices", "CustomFieldOffice", V3DetailSchemas.CUSTOM_FIELD_OFFICE)
                    .withNotes("Which offices a custom field applies to. " + SNAPSHOT_FIELDS),
            // ---- sensitive (opt-in)
            byUpdatedAt("eeoc", "Eeoc", V3CandidateSchemas.EEOC)
                    .withNotes(OPT_IN_NOTE + " Windows on `updated_at` (which the endpoint filters on), so edits "
                            + "after submission are seen; whether Greenhouse honours the filter on this endpoint is "
                            + "not confirmed (third-party clients window on `submitted_at`). Keyed by `id`; there "
                            + "is at most one row per `application_id`."),
            byUpdatedAt("demographic_answers", "DemographicAnswer", V3OrganizationSchemas.DEMOGRAPHIC_ANSWER)
                    .withNotes(OPT_IN_NOTE + " One row per selected option; `free_form_text` is highly sensitive."),
            byUpdatedAt("demographic_question_sets", "DemographicQuestionSet",
                    V3OrganizationSchemas.DEMOGRAPHIC_QUESTION_SET)
                    .withNotes(OPT_IN_NOTE),
            snapshot("demographic_questions", "DemographicQuestion", V3OrganizationSchemas.DEMOGRAPHIC_QUESTION)
                    .withNotes(OPT_IN_NOTE + " The endpoint has no time filter, so it is re-read whole; its records "
                            + "may or may not carry `created_at`/`updated_at`."),
            snapshot("demographic_answer_options", "DemographicAnswerOption",
                    V3OrganizationSchemas.DEMOGRAPHIC_ANSWER_OPTION)
                    .withNotes(OPT_IN_NOTE + " The endpoint has no time filter, so it is re-read whole; its records "
                            + "may or may not carry `created_at`/`updated_at`."));

    /**
     * Two-sided windows on {@code updated_at}: one parameter carries both bounds, {@code updated_at=gte|<from>|lt|<to>}
     * (so lower and upper parameter are both {@code updated_at}; the dialect builds the value).
     */
    private static Resource byUpdatedAt(String name, String schema, StructSpec spec) {
        return Resource.incremental(name, name, "updated_at", "updated_at", "updated_at", NS + schema, spec)
                .withPaging(Paging.NEXT_ONLY);
    }

    private static Resource snapshot(String name, String schema, StructSpec spec) {
        return Resource.snapshot(name, name, NS + schema, spec).withPaging(Paging.NEXT_ONLY);
    }
}
