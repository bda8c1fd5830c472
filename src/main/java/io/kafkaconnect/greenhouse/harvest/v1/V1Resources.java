package io.kafkaconnect.greenhouse.harvest.v1;

import io.kafkaconnect.greenhouse.dialect.Paging;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.StructSpec;
import java.util.List;

/**
 * Every top-level Harvest v1 GET list endpoint, each with the best sync mode its filters allow (NOTES §5): two-sided
 * windows where the endpoint has {@code *_after} and {@code *_before}, a lower bound where it only has
 * {@code *_after}, snapshots where it has no time filter. Per-parent endpoints are in {@link V1OmittedEndpoints}.
 */
final class V1Resources {
    private static final String NS = V1Schemas.NAMESPACE + ".";

    private V1Resources() {
    }

    static final List<Resource> ALL = List.of(
            // ---- candidates and their hiring process
            byUpdatedAt("candidates", "candidates", "Candidate", V1CandidateSchemas.CANDIDATE),
            Resource.lowerBoundOnly("applications", "applications", "last_activity_at", "last_activity_after",
                            NS + "Application", V1CandidateSchemas.APPLICATION)
                    .withNotes("v1 applications have no `updated_at`: `last_activity_after` is the only change "
                            + "filter and it has no upper bound: a pass reads forward from it and sends what changed "
                            + "before the pass began, leaving later activity to the next pass. Whether every edit "
                            + "(custom fields, rejection details) moves `last_activity_at` is not documented."),
            // The docs say offers' updated_before means "at or before" (<=), unlike every other endpoint's "before".
            // Consecutive windows [a, b] and [b, c] therefore both return an offer updated exactly at b: it is
            // emitted twice (allowed: at-least-once), and no offer can fall between two windows (no loss).
            byUpdatedAt("offers", "offers", "Offer", V1CandidateSchemas.OFFER)
                    .withNotes("`updated_before` is inclusive (≤) on this endpoint only, so an offer updated "
                            + "exactly at a window bound is read by both adjacent windows (a duplicate, never a "
                            + "loss). Every offer version is listed; superseded versions have status `deprecated`. "
                            + "`sent_at` and `starts_at` are dates."),
            byUpdatedAt("scheduled_interviews", "scheduled_interviews", "ScheduledInterview",
                    V1CandidateSchemas.SCHEDULED_INTERVIEW)
                    .withNotes("`start` and `end` hold `date_time` for timed interviews or `date` for all-day "
                            + "ones."),
            byUpdatedAt("scorecards", "scorecards", "Scorecard", V1CandidateSchemas.SCORECARD)
                    .withNotes("Submitted scorecards only (the docs list \"all submitted scorecards\")."),
            Resource.incremental("eeoc", "eeoc", "submitted_at", "submitted_after", "submitted_before",
                            NS + "Eeoc", V1CandidateSchemas.EEOC)
                    .withKeyField("application_id")
                    .withPaging(Paging.NEXT_ONLY)
                    .withNotes("EEOC objects have no `id`: the key is `application_id` (at most one object per "
                            + "application). Only `submitted_at` can be filtered, so changes after submission may "
                            + "not be seen."),
            // ---- jobs
            byUpdatedAt("jobs", "jobs", "Job", V1JobSchemas.JOB)
                    .withNotes("Openings (`openings[]`) and the hiring team (`hiring_team`) are embedded; they have "
                            + "no top-level list of their own in v1."),
            byUpdatedAt("job_posts", "job_posts", "JobPost", V1JobSchemas.JOB_POST)
                    .withNotes("`active` is not sent, so deleted posts (`active=false`) are read too. "
                            + "`full_content` is not sent, so `content` is the post's editable description only."),
            byUpdatedAt("job_stages", "job_stages", "JobStage", V1JobSchemas.JOB_STAGE),
            // ---- users and organization
            byUpdatedAt("users", "users", "User", V1OrganizationSchemas.USER)
                    .withFixedParam("user_attributes", "true")
                    .withNotes("`user_attributes=true` is sent so that user attributes (`custom_fields`, "
                            + "`keyed_custom_fields`) are included; without it they are left out. Disabled users "
                            + "are listed with `disabled=true`."),
            snapshot("user_roles", "user_roles", "UserRole", V1OrganizationSchemas.USER_ROLE)
                    .withPaging(Paging.NEXT_ONLY),
            snapshot("departments", "departments", "Department", V1Schemas.DEPARTMENT)
                    .withNotes("Flat list (`render_as=list`, the default); the hierarchy is in `parent_id` and "
                            + "`child_ids`."),
            snapshot("offices", "offices", "Office", V1Schemas.OFFICE)
                    .withNotes("Flat list (`render_as=list`, the default); the hierarchy is in `parent_id` and "
                            + "`child_ids`."),
            // The docs write the path as custom_fields/{field_type} but describe the type as a filter ("will return
            // only custom fields that match the given type") and mark it with the '*' they also put on optional
            // parameters; long-running third-party v1 clients read the bare path. So the bare path lists all types.
            snapshot("custom_fields", "custom_fields", "CustomField", V1OrganizationSchemas.CUSTOM_FIELD)
                    .withPaging(Paging.NEXT_ONLY)
                    .withFixedParam("include_inactive", "true")
                    .withNotes("Read from `/v1/custom_fields` without the `{field_type}` segment, which the docs "
                            + "describe as a filter, so fields of every type are listed (the docs do not say so "
                            + "outright). `include_inactive=true` adds deleted fields (`active=false`), which older "
                            + "records may still refer to. Options are embedded in `custom_field_options[]`."),
            byUpdatedAt("email_templates", "email_templates", "EmailTemplate", V1OrganizationSchemas.EMAIL_TEMPLATE),
            snapshot("sources", "sources", "Source", V1OrganizationSchemas.NAMED_WITH_TYPE),
            snapshot("rejection_reasons", "rejection_reasons", "RejectionReason",
                    V1OrganizationSchemas.NAMED_WITH_TYPE)
                    .withFixedParam("include_defaults", "true")
                    .withNotes("`include_defaults=true` is sent so that Greenhouse's built-in reasons, which "
                            + "applications can refer to, are listed too."),
            snapshot("close_reasons", "close_reasons", "CloseReason", V1Schemas.ID_NAME)
                    .withPaging(Paging.UNDOCUMENTED),
            snapshot("prospect_pools", "prospect_pools", "ProspectPool", V1OrganizationSchemas.PROSPECT_POOL),
            snapshot("candidate_tags", "tags/candidate", "CandidateTag", V1Schemas.ID_NAME)
                    .withNotes("The organization's candidate tags (`GET /v1/tags/candidate`); named `candidate_tags` "
                            + "because only candidates can be tagged. A candidate's own tags are the names in "
                            + "`candidates.tags[]`."),
            education("degrees", "Degree"),
            education("disciplines", "Discipline"),
            education("schools", "School"),
            // ---- demographic data
            snapshot("demographic_question_sets", "demographics/question_sets", "DemographicQuestionSet",
                    V1DemographicSchemas.QUESTION_SET)
                    .withPaging(Paging.UNDOCUMENTED)
                    .withNotes("The docs say this endpoint pages but not in which style. `active=false` means "
                            + "deleted."),
            snapshot("demographic_questions", "demographics/questions", "DemographicQuestion",
                    V1DemographicSchemas.QUESTION)
                    .withPaging(Paging.NEXT_ONLY)
                    .withNotes("`active=false` means deleted."),
            snapshot("demographic_answer_options", "demographics/answer_options", "DemographicAnswerOption",
                    V1DemographicSchemas.ANSWER_OPTION)
                    .withPaging(Paging.NEXT_ONLY)
                    .withNotes("`active=false` means deleted."),
            byUpdatedAt("demographic_answers", "demographics/answers", "DemographicAnswer",
                    V1DemographicSchemas.ANSWER)
                    .withPaging(Paging.NEXT_ONLY));

    /** Two-sided windows on {@code updated_at}: {@code updated_after} (≥) and {@code updated_before} (<). */
    private static Resource byUpdatedAt(String name, String path, String schema, StructSpec spec) {
        return Resource.incremental(name, path, "updated_at", "updated_after", "updated_before", NS + schema, spec);
    }

    private static Resource snapshot(String name, String path, String schema, StructSpec spec) {
        return Resource.snapshot(name, path, NS + schema, spec);
    }

    /** Degrees, disciplines and schools: no paging documented, "sorted by priority". */
    private static Resource education(String name, String schema) {
        return snapshot(name, name, schema, V1OrganizationSchemas.EDUCATION_OPTION)
                .withPaging(Paging.UNDOCUMENTED)
                .withNotes("Sorted by priority.");
    }
}
