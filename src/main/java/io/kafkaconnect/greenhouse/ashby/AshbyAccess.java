package io.kafkaconnect.greenhouse.ashby;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Which permission of an Ashby API key each resource needs (keys get read/write per module). */
public final class AshbyAccess {
    private static final Map<String, String> MODULE = Map.ofEntries(
            Map.entry("candidates", "Candidates"),
            Map.entry("applications", "Candidates"),
            Map.entry("application_feedback", "Candidates"),
            Map.entry("application_history", "Candidates"),
            Map.entry("jobs", "Jobs"),
            Map.entry("interview_schedules", "Interviews"),
            Map.entry("offers", "Offers"),
            Map.entry("users", "Organization"),
            Map.entry("departments", "Organization"),
            Map.entry("locations", "Organization"),
            Map.entry("sources", "Hiring Process"),
            Map.entry("archive_reasons", "Hiring Process"),
            Map.entry("openings", "Jobs"),
            Map.entry("job_postings", "Jobs"),
            Map.entry("job_templates", "Jobs"),
            Map.entry("projects", "Candidates"),
            Map.entry("approvals", "Approvals"),
            Map.entry("interviews", "Interviews"),
            Map.entry("interview_plans", "Interviews"),
            Map.entry("interview_stages", "Interviews"),
            Map.entry("interview_events", "Interviews"),
            Map.entry("interviewer_pools", "Hiring Process"),
            Map.entry("custom_fields", "Hiring Process"),
            Map.entry("candidate_tags", "Hiring Process"),
            Map.entry("close_reasons", "Hiring Process"),
            // not in the reference's table (UNCERTAIN): the module of the records they describe
            Map.entry("hiring_team_roles", "Organization"),
            Map.entry("job_boards", "Jobs"),
            Map.entry("source_tracking_links", "Hiring Process"),
            Map.entry("feedback_form_definitions", "Hiring Process"),
            Map.entry("survey_form_definitions", "Hiring Process"),
            Map.entry("survey_submissions", "Candidates"),
            Map.entry("candidate_notes", "Candidates"));

    private AshbyAccess() {
    }

    /** The module whose read permission {@code resource} needs, or null for an unknown resource. */
    public static String module(String resource) {
        return MODULE.get(resource);
    }

    /** What to grant so that the key may read {@code resource}. */
    public static String hint(String resource) {
        return hint(List.of(resource));
    }

    /** What to grant so that the key may read all of {@code resources}: each module's read permission, named once. */
    public static String hint(Collection<String> resources) {
        List<String> modules = resources.stream().map(r -> module(r) == null ? "matching" : module(r)).distinct()
                .sorted().toList();
        return "give the API key the read permission of Ashby's " + String.join(", ", modules) + " module"
                + (modules.size() == 1 ? "" : "s") + " (Admin → Integrations → API Keys → edit the key)";
    }
}
