package io.kafkaconnect.greenhouse.dialect.ashby;

import com.fasterxml.jackson.databind.JsonNode;
import io.kafkaconnect.greenhouse.dialect.ExampleRecords;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.schema.StructSpec;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Ashby resources whose schemas {@link AshbySchemas} declares, with their hand-written examples from
 * {@code src/test/resources/ashby-examples/<resource>.json}.
 */
final class AshbyExamples {
    private AshbyExamples() {
    }

    /**
     * One resource: its name (file and topic name), schema, record name and change-time field (null if none).
     * Kept apart from the dialect's {@link Resource} so these tests do not depend on how the engine wires them.
     */
    record Shape(String name, String recordName, StructSpec schema, String changeField) {
        String schemaName() {
            return AshbySchemas.NAMESPACE + "." + recordName;
        }

        /** The only place these tests build a {@link Resource} (for helpers that take one). */
        Resource resource() {
            return Resource.snapshot(name, "x", schemaName(), schema);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Shape> shapes() {
        return Stream.of(
                new Shape("candidates", "Candidate", AshbySchemas.CANDIDATE, "updatedAt"),
                new Shape("applications", "Application", AshbySchemas.APPLICATION, "updatedAt"),
                new Shape("jobs", "Job", AshbySchemas.JOB, "updatedAt"),
                new Shape("users", "User", AshbySchemas.USER, "updatedAt"),
                new Shape("departments", "Department", AshbySchemas.DEPARTMENT, "updatedAt"),
                new Shape("locations", "Location", AshbySchemas.LOCATION, null),
                new Shape("sources", "Source", AshbySchemas.SOURCE, null),
                new Shape("archive_reasons", "ArchiveReason", AshbySchemas.ARCHIVE_REASON, null),
                new Shape("interview_schedules", "InterviewSchedule", AshbySchemas.INTERVIEW_SCHEDULE, "updatedAt"),
                new Shape("offers", "Offer", AshbySchemas.OFFER, null),
                new Shape("application_feedback", "ApplicationFeedback", AshbySchemas.APPLICATION_FEEDBACK,
                        "submittedAt"),
                new Shape("application_history", "ApplicationHistory", AshbySchemas.APPLICATION_HISTORY,
                        "enteredStageAt"));
    }

    static Shape shape(String name) {
        return shapes().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static List<JsonNode> of(String resource) {
        return ExampleRecords.of("ashby", resource);
    }
}
