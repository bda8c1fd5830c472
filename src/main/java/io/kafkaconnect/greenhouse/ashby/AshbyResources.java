package io.kafkaconnect.greenhouse.ashby;

import static io.kafkaconnect.greenhouse.ashby.AshbySchemas.NAMESPACE;

import io.kafkaconnect.greenhouse.dialect.OmittedEndpoint;
import io.kafkaconnect.greenhouse.dialect.Paging;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.StructSpec;
import java.util.List;

/**
 * The Ashby resources: list endpoints with sync tokens read incrementally, the two unpaged reference lists as
 * snapshots, and application history per changed application. Record shapes are in {@link AshbySchemas}.
 */
final class AshbyResources {
    /** Every status of a job: {@code job.list} without {@code status} leaves drafts out. */
    static final List<String> JOB_STATUSES = List.of("Draft", "Open", "Closed", "Archived");

    private AshbyResources() {
    }

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
            Resource.perChangedParent("application_history", "application.listHistory",
                            new Resource.Parent("application.list", "applicationId"), "enteredStageAt",
                            NAMESPACE + ".ApplicationHistory", AshbySchemas.APPLICATION_HISTORY)
                    .withNotes("application.listHistory has no sync token and takes one application: the connector "
                            + "keeps its own sync token on application.list and lists the history of each "
                            + "application in its delta (every application on the first pass, one request each; "
                            + "later only the changed ones). Each entry gets the applicationId it belongs to."));

    static final List<OmittedEndpoint> OMITTED = List.of(
            omitted("interviewEvent.list", "needs an interview schedule id; the events are nested in "
                    + "interview_schedules (interviewEvents)"),
            omitted("opening.list, jobTemplate.list, project.list, approval.list, interview.list, "
                    + "interviewPlan.list", "sync-token lists not offered yet; each is one resource declaration "
                    + "away (a schema and a line here)"),
            omitted("customField.list, candidateTag.list, feedbackFormDefinition.list, interviewerPool.list, "
                    + "surveyFormDefinition.list", "definitions; not offered yet (custom field values are kept "
                    + "on each record with their id and title)"),
            omitted("closeReason.list, jobPosting.list, interviewStage.list, hiringTeamRole.list, jobBoard.list, "
                    + "sourceTrackingLink.list", "unpaged reference lists; not offered yet (would be snapshots "
                    + "like sources)"),
            omitted("surveySubmission.list", "needs a survey type per request; not offered yet"),
            omitted("candidate.listProjects", "the projects of one candidate: a request per candidate on every "
                    + "pass (no sync token: \"pagination only\")"),
            omitted("report.generate, report.synchronous", "reports, not lists: 15 starts per minute per "
                    + "organisation"));

    private static Resource token(String name, String method, String changeField, String type, StructSpec schema) {
        return Resource.syncToken(name, method, changeField, NAMESPACE + "." + type, schema);
    }

    private static Resource snapshot(String name, String method, String type, StructSpec schema) {
        return Resource.snapshot(name, method, NAMESPACE + "." + type, schema).withPaging(Paging.UNPAGED)
                .withFixedParam("includeArchived", "true");
    }

    private static OmittedEndpoint omitted(String endpoint, String reason) {
        return new OmittedEndpoint(endpoint, reason);
    }
}
