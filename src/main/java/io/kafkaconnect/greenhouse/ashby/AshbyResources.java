package io.kafkaconnect.greenhouse.ashby;

import static io.kafkaconnect.greenhouse.ashby.AshbySchemas.NAMESPACE;

import io.kafkaconnect.greenhouse.dialect.OmittedEndpoint;
import io.kafkaconnect.greenhouse.dialect.Paging;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.StructSpec;
import java.util.List;

/**
 * The Ashby resources: list endpoints with sync tokens read incrementally, the unpaged reference lists as
 * snapshots, lists that take one parent (history, notes, stages, events) per changed parent, and survey submissions
 * as one sync-token list per survey type. Record shapes are in {@link AshbySchemas}.
 */
final class AshbyResources {
    /** Every status of a job: {@code job.list} without {@code status} leaves drafts out. */
    static final List<String> JOB_STATUSES = List.of("Draft", "Open", "Closed", "Archived");

    /** What the sync-token definition lists have in common. */
    private static final String DEFINITION_NOTE = "Definitions have no change time: record timestamps are the time "
            + "they were read. Archived ones are asked for (`includeArchived`; UNCERTAIN: the reference says the "
            + "flag's name varies between these lists, so one named otherwise leaves archived ones out).";

    private AshbyResources() {
    }

    /**
     * The survey types {@code surveySubmission.list} requires one of (UNCERTAIN: the reference says a type is
     * required but does not list the types; these five are not confirmed by it).
     */
    static final List<String> SURVEY_TYPES = List.of("CandidateDataConsent", "CandidateExperience", "Diversity",
            "EEOC", "Questionnaire");

    static final List<Resource> ALL = List.of(
            token("candidates", "candidate.list", "updatedAt", "Candidate", AshbySchemas.CANDIDATE),
            token("applications", "application.list", "updatedAt", "Application", AshbySchemas.APPLICATION),
            token("jobs", "job.list", "updatedAt", "Job", AshbySchemas.JOB)
                    .withFixedParam("status", "[" + String.join(",", JOB_STATUSES) + "]")
                    .withNotes("Every status is asked for (`status: [Draft, Open, Closed, Archived]`): without "
                            + "`status` Ashby leaves draft jobs out. The reference names only `Draft` as left out "
                            + "and does not list the statuses (UNCERTAIN: the four are Ashby's job statuses as its "
                            + "API shows them; a status added later would be missed). Connectors that read `jobs` "
                            + "before this version kept a sync token that never lists the drafts created before it: "
                            + "reset the `jobs` offset once (docs/offsets.md) to read them."),
            token("users", "user.list", "updatedAt", "User", AshbySchemas.USER)
                    .withFixedParam("includeDeactivated", "true"),
            token("departments", "department.list", "updatedAt", "Department", AshbySchemas.DEPARTMENT)
                    .withFixedParam("includeArchived", "true"),
            token("locations", "location.list", null, "Location", AshbySchemas.LOCATION)
                    .withFixedParam("includeArchived", "true")
                    .withNotes("Locations have no change time: record timestamps are the time they were read."),
            snapshot("sources", "source.list", "Source", AshbySchemas.SOURCE),
            snapshot("archive_reasons", "archiveReason.list", "ArchiveReason", AshbySchemas.ARCHIVE_REASON),
            token("interview_schedules", "interviewSchedule.list", "updatedAt", "InterviewSchedule",
                    AshbySchemas.INTERVIEW_SCHEDULE)
                    .withNotes("Each schedule carries its interview events (interviewEvents)."),
            token("offers", "offer.list", null, "Offer", AshbySchemas.OFFER)
                    .withNotes("Offers have no top-level change time (the latest version's createdAt is nested): "
                            + "record timestamps are the time they were read."),
            token("application_feedback", "applicationFeedback.list", "submittedAt", "ApplicationFeedback",
                    AshbySchemas.APPLICATION_FEEDBACK),
            perParent("application_history", "application.listHistory", "application.list", "applicationId",
                    "enteredStageAt", "ApplicationHistory", AshbySchemas.APPLICATION_HISTORY)
                    .withNotes("application.listHistory has no sync token and takes one application: the connector "
                            + "keeps its own sync token on application.list and lists the history of each "
                            + "application in its delta (every application on the first pass, one request each; "
                            + "later only the changed ones). Each entry gets the applicationId it belongs to."),
            token("openings", "opening.list", null, "Opening", AshbySchemas.OPENING)
                    .withNotes("Openings have no top-level change time (the latest version's createdAt is "
                            + "nested): record timestamps are the time they were read."),
            unpaged("job_postings", "jobPosting.list", "JobPosting", AshbySchemas.JOB_POSTING)
                    .withNotes("Read without filters. UNCERTAIN: the reference calls these \"published postings of "
                            + "one board\" and documents `listedOnly` and `jobBoardId` filters without saying what "
                            + "the list holds without them (all boards' postings, or the default board's)."),
            token("job_templates", "jobTemplate.list", "updatedAt", "JobTemplate", AshbySchemas.JOB_TEMPLATE),
            token("projects", "project.list", null, "Project", AshbySchemas.PROJECT)
                    .withNotes("Projects have no documented change time: record timestamps are the time they were "
                            + "read. Until 2026-08-17 Ashby's deltas of project.list held only created projects; "
                            + "the reference does not confirm what they hold since (UNCERTAIN): reset the offset to "
                            + "re-read every project (unchanged ones are not re-sent by a running task)."),
            token("approvals", "approval.list", null, "Approval", AshbySchemas.APPROVAL)
                    .withNotes("Needs the Approvals module. Approvals have createdAt and completedAt but no change "
                            + "time: record timestamps are the time they were read. Field list UNCERTAIN (the "
                            + "reference gives only the timestamps; undeclared fields are kept in "
                            + "`_undeclared`)."),
            token("interviews", "interview.list", null, "Interview", AshbySchemas.INTERVIEW)
                    .withFixedParam("includeArchived", "true")
                    .withFixedParam("includeNonSharedInterviews", "true")
                    .withNotes("Interview definitions have no change time: record timestamps are the time they "
                            + "were read. Archived and non-shared (job-specific) interviews are asked for."),
            token("interview_plans", "interviewPlan.list", "updatedAt", "InterviewPlan",
                    AshbySchemas.INTERVIEW_PLAN),
            perParent("interview_stages", "interviewStage.list", "interviewPlan.list", "interviewPlanId", null,
                    "InterviewStage", AshbySchemas.INTERVIEW_STAGE).withPaging(Paging.UNPAGED)
                    .withNotes("interviewStage.list is unpaged, has no sync token and takes one plan: the connector "
                            + "keeps a sync token on interviewPlan.list and lists the stages of each plan in its delta "
                            + "(UNCERTAIN: that a change of a plan's stages changes the plan's updatedAt and so "
                            + "puts it in the delta; a stage edit that does not would be read with the plan's next "
                            + "change, or after a reset). Stages have no change time: record timestamps are the "
                            + "time they were read."),
            perParent("interview_events", "interviewEvent.list", "interviewSchedule.list", "interviewScheduleId",
                    "updatedAt", "InterviewEvent", AshbySchemas.INTERVIEW_EVENT)
                    .withNotes("interviewEvent.list takes one schedule: the connector keeps a sync token on "
                            + "interviewSchedule.list and lists the events of each schedule in its delta (one "
                            + "request per changed schedule). The same events are nested in interview_schedules; "
                            + "this topic has them one record each, keyed by event id."),
            token("interviewer_pools", "interviewerPool.list", null, "InterviewerPool",
                    AshbySchemas.INTERVIEWER_POOL)
                    .withFixedParam("includeArchived", "true")
                    .withNotes(DEFINITION_NOTE),
            token("custom_fields", "customField.list", null, "CustomField", AshbySchemas.CUSTOM_FIELD)
                    .withFixedParam("includeArchived", "true")
                    .withNotes("The definitions of the custom field values that records carry (customFields[].id). "
                            + DEFINITION_NOTE),
            token("candidate_tags", "candidateTag.list", null, "CandidateTag", AshbySchemas.CANDIDATE_TAG)
                    .withFixedParam("includeArchived", "true")
                    .withNotes(DEFINITION_NOTE),
            snapshot("close_reasons", "closeReason.list", "CloseReason", AshbySchemas.CLOSE_REASON)
                    .withNotes("Why openings and jobs were closed (closeReasonId); archive reasons, why applications "
                            + "were archived, are archive_reasons."),
            unpaged("hiring_team_roles", "hiringTeamRole.list", "HiringTeamRole", AshbySchemas.HIRING_TEAM_ROLE)
                    .withNotes("Module and field list UNCERTAIN (the reference lists the endpoint as unpaged only)."),
            unpaged("job_boards", "jobBoard.list", "JobBoard", AshbySchemas.JOB_BOARD)
                    .withNotes("Module and field list UNCERTAIN (the reference lists the endpoint as unpaged only)."),
            unpaged("source_tracking_links", "sourceTrackingLink.list", "SourceTrackingLink",
                    AshbySchemas.SOURCE_TRACKING_LINK)
                    .withNotes("Module and field list UNCERTAIN (the reference lists the endpoint as unpaged only; "
                            + "whether disabled links are listed is not documented)."),
            token("feedback_form_definitions", "feedbackFormDefinition.list", null, "FeedbackFormDefinition",
                    AshbySchemas.FEEDBACK_FORM_DEFINITION)
                    .withFixedParam("includeArchived", "true")
                    .withNotes("The forms of application_feedback (feedbackFormDefinitionId). " + DEFINITION_NOTE),
            token("survey_form_definitions", "surveyFormDefinition.list", null, "SurveyFormDefinition",
                    AshbySchemas.SURVEY_FORM_DEFINITION)
                    .withFixedParam("includeArchived", "true")
                    .withNotes(DEFINITION_NOTE),
            surveySubmissions(),
            perParent("candidate_notes", "candidate.listNotes", "candidate.list", "candidateId", "createdAt",
                    "CandidateNote", AshbySchemas.CANDIDATE_NOTE)
                    .withNotes("candidate.listNotes takes one candidate: the connector keeps a sync token on "
                            + "candidate.list and lists the notes of each candidate in its delta (every candidate "
                            + "on the first pass, one request each; later only the changed ones). UNCERTAIN: the "
                            + "reference does not cover candidate.listNotes (its paging and fields are coded "
                            + "defensively: cursor paging, undeclared fields kept), nor whether a new note changes "
                            + "the candidate's updatedAt, which puts it in the delta. "
                            + "Private notes need the key's access to private fields. Each note gets the "
                            + "candidateId it belongs to."));

    static final List<OmittedEndpoint> OMITTED = List.of(
            omitted("candidate.listProjects", "a candidate's projects, one request per candidate, paged only (no "
                    + "sync token): its records are the project records `projects` holds, and keyed by project id "
                    + "they would replace each other across candidates; the link has no id of its own"),
            omitted("report.generate, report.synchronous", "reports, not lists: 15 starts per minute per "
                    + "organisation"),
            omitted("apiKey.info", "the key's own permissions, not data; validate() reports what the key may not "
                    + "read"),
            omitted("webhook.list and the *.info methods", "configuration and single records, not lists of data"));

    private static Resource token(String name, String method, String changeField, String type, StructSpec schema) {
        return Resource.syncToken(name, method, changeField, NAMESPACE + "." + type, schema);
    }

    /** An unpaged list read whole, archived entries included. */
    private static Resource snapshot(String name, String method, String type, StructSpec schema) {
        return unpaged(name, method, type, schema).withFixedParam("includeArchived", "true");
    }

    /** An unpaged list read whole, with no flag (none is documented). */
    private static Resource unpaged(String name, String method, String type, StructSpec schema) {
        return Resource.snapshot(name, method, NAMESPACE + "." + type, schema).withPaging(Paging.UNPAGED);
    }

    private static Resource perParent(String name, String method, String parentMethod, String idParam,
                                      String changeField, String type, StructSpec schema) {
        return Resource.perChangedParent(name, method, new Resource.Parent(parentMethod, idParam), changeField,
                NAMESPACE + "." + type, schema);
    }

    /** One sync-token list per survey type, read in turn into one topic. */
    private static Resource surveySubmissions() {
        Resource r = token("survey_submissions", "surveySubmission.list", "submittedAt", "SurveySubmission",
                AshbySchemas.SURVEY_SUBMISSION).withFixedParam("surveyType", SURVEY_TYPES.get(0));
        for (String type : SURVEY_TYPES.subList(1, SURVEY_TYPES.size())) {
            r = r.withAlsoListed("surveyType", type);
        }
        return r.withNotes("surveySubmission.list requires a `surveyType`: the resource reads one list per type ("
                + String.join(", ", SURVEY_TYPES) + "), each with its own sync token, in turn into one topic; the "
                + "offset holds the others' positions under `more_lists`. UNCERTAIN: the reference does not list "
                + "the survey types, so these five are unconfirmed; a type they miss is not read, and one Ashby "
                + "refuses is reported with its invalid_input error.");
    }

    private static OmittedEndpoint omitted(String endpoint, String reason) {
        return new OmittedEndpoint(endpoint, reason);
    }
}
