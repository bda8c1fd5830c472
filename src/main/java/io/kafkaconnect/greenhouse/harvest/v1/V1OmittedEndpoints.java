package io.kafkaconnect.greenhouse.harvest.v1;

import io.kafkaconnect.greenhouse.dialect.OmittedEndpoint;
import java.util.List;

/**
 * Harvest v1 list endpoints that are not resources. Almost all of them hang below a parent record
 * ({@code /v1/jobs/{id}/...}); reading them would take one request per parent on every pass (Harvest has no change
 * feed of parents to limit the fan-out to changed ones). Most of their data is embedded in, or duplicated by, a top-level resource.
 */
final class V1OmittedEndpoints {
    private V1OmittedEndpoints() {
    }

    private static final String FAN_OUT = "Per parent. ";

    static final List<OmittedEndpoint> ALL = List.of(
            new OmittedEndpoint("GET /v1/applications/{id}/offers",
                    FAN_OUT + "The same objects, every version, are in `offers`."),
            new OmittedEndpoint("GET /v1/applications/{id}/scorecards",
                    FAN_OUT + "The same objects are in `scorecards`."),
            new OmittedEndpoint("GET /v1/applications/{id}/scheduled_interviews",
                    FAN_OUT + "The same objects are in `scheduled_interviews`."),
            new OmittedEndpoint("GET /v1/applications/{id}/demographics/answers",
                    FAN_OUT + "The same objects are in `demographic_answers`."),
            new OmittedEndpoint("GET /v1/candidates/{id}/tags",
                    FAN_OUT + "A candidate's tag names are embedded in `candidates.tags[]`; the tag list is "
                            + "`candidate_tags`."),
            new OmittedEndpoint("GET /v1/candidates/{id}/activity_feed",
                    FAN_OUT + "Returns one object (notes, emails, activities) per candidate; v1 has no top-level "
                            + "equivalent, so this data is not available."),
            new OmittedEndpoint("GET /v1/jobs/{job_id}/openings",
                    FAN_OUT + "Openings are embedded in `jobs.openings[]` (without opening custom fields)."),
            new OmittedEndpoint("GET /v1/jobs/{id}/hiring_team",
                    FAN_OUT + "The hiring team is embedded in `jobs.hiring_team`."),
            new OmittedEndpoint("GET /v1/jobs/{id}/job_posts",
                    FAN_OUT + "The same objects are in `job_posts`."),
            new OmittedEndpoint("GET /v1/jobs/{id}/stages",
                    FAN_OUT + "The same objects are in `job_stages`."),
            new OmittedEndpoint("GET /v1/jobs/{id}/approval_flows",
                    FAN_OUT + "v1 has no top-level list of approval flows, so they are not available."),
            new OmittedEndpoint("GET /v1/users/{user_id}/pending_approvals",
                    FAN_OUT + "Not available otherwise."),
            new OmittedEndpoint("GET /v1/users/{id}/permissions/jobs",
                    FAN_OUT + "Not available otherwise."),
            new OmittedEndpoint("GET /v1/users/{id}/permissions/future_jobs",
                    FAN_OUT + "Not available otherwise."),
            new OmittedEndpoint("GET /v1/custom_field/{id}/custom_field_options",
                    FAN_OUT + "Options are embedded in `custom_fields.custom_field_options[]` (whether inactive "
                            + "options are included there is not documented)."),
            new OmittedEndpoint("GET /v1/job_posts/{id}/custom_locations",
                    FAN_OUT + "A post's location is embedded in `job_posts.location`."),
            new OmittedEndpoint("GET /v1/demographics/question_sets/{id}/questions",
                    FAN_OUT + "The same objects are in `demographic_questions`."),
            new OmittedEndpoint("GET /v1/demographics/questions/{id}/answer_options",
                    FAN_OUT + "The same objects are in `demographic_answer_options`."),
            new OmittedEndpoint("GET /v1/tracking_links/{token}",
                    "Looks up one tracking link by its token; there is no list of tracking links."));
}
