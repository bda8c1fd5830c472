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
            Map.entry("archive_reasons", "Hiring Process"));

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
