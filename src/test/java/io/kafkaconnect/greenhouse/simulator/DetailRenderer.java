package io.kafkaconnect.greenhouse.simulator;

import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.F;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.nth;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.putTimestamps;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.rev;
import static io.kafkaconnect.greenhouse.simulator.Vocabulary.pick;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.simulator.ResourceStore.Row;
import java.util.SplittableRandom;

/**
 * v3 records of the lists beyond the reference's suggested stream set (the scorecard plan's attributes and options,
 * default interviewers, job notes, job-post locations, pay transparency, tracking links, custom fields' departments
 * and offices), with the fields the reference's snapshot lists. Children of a resource the simulator serves are its
 * seeded records spread over the parents ({@link RecordRenderer#children}); other references point at a seeded
 * record chosen by id.
 */
final class DetailRenderer {
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "CAD"};
    private static final String[] PAY_INPUTS = {"Base salary", "On-target earnings", "Hourly rate", "Equity"};
    private static final String[] OPTIONS = {"Strong yes", "Yes", "No", "Definitely not", "Alpha Team", "Beta Team"};

    private final RecordRenderer r;

    DetailRenderer(RecordRenderer r) {
        this.r = r;
    }

    /** The record, or null if {@code resource} is not one of these lists. */
    ObjectNode render(Resource resource, Row row) {
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        SplittableRandom s = r.stable(resource, row.id());
        SplittableRandom v = r.versioned(resource, row.id(), row.version());
        switch (resource) {
            case CANDIDATE_ATTRIBUTE_TYPES -> {
                n.put("job_id", r.refId(Resource.JOBS, row.id()));
                n.put("name", rev(nth(Vocabulary.ATTRIBUTE_TYPES, row.index()), row.version()));
                n.put("active", s.nextInt(8) != 0);
                n.put("is_draft", s.nextInt(10) == 0);
                n.put("sort_order", row.index() % Vocabulary.ATTRIBUTE_TYPES.length);
            }
            case JOB_CANDIDATE_ATTRIBUTES -> {
                n.put("job_id", r.refId(Resource.JOBS, row.id()));
                n.put("candidate_attribute_type_id",
                        r.parentId(Resource.CANDIDATE_ATTRIBUTE_TYPES, Resource.JOB_CANDIDATE_ATTRIBUTES, row));
                n.put("name", rev(pick(s, Vocabulary.ATTRIBUTE_NAMES), row.version()));
                n.put("active", v.nextInt(8) != 0);
                n.put("sort_order",
                        r.childPosition(Resource.CANDIDATE_ATTRIBUTE_TYPES, Resource.JOB_CANDIDATE_ATTRIBUTES, row));
            }
            case FOCUS_CANDIDATE_ATTRIBUTES -> {
                n.put("interview_kit_id", r.parentId(Resource.INTERVIEW_KITS, Resource.FOCUS_CANDIDATE_ATTRIBUTES, row));
                n.put("job_candidate_attribute_id", r.refId(Resource.JOB_CANDIDATE_ATTRIBUTES, row.id()));
            }
            case SCORECARD_QUESTION_OPTIONS -> {
                n.put("scorecard_question_id",
                        r.parentId(Resource.SCORECARD_QUESTIONS, Resource.SCORECARD_QUESTION_OPTIONS, row));
                n.put("name", rev(pick(s, OPTIONS), row.version()));
                n.put("active", v.nextInt(10) != 0);
                n.put("sort_order",
                        r.childPosition(Resource.SCORECARD_QUESTIONS, Resource.SCORECARD_QUESTION_OPTIONS, row));
            }
            case SCORECARD_QUESTION_ANSWER_OPTIONS -> {
                n.put("scorecard_question_answer_id", r.parentId(Resource.SCORECARD_QUESTION_ANSWERS,
                        Resource.SCORECARD_QUESTION_ANSWER_OPTIONS, row));
                n.put("scorecard_question_option_id", r.refId(Resource.SCORECARD_QUESTION_OPTIONS, row.id()));
            }
            case SCORECARD_QUESTION_CANDIDATE_ATTRIBUTES -> {
                n.put("scorecard_question_id", r.parentId(Resource.SCORECARD_QUESTIONS,
                        Resource.SCORECARD_QUESTION_CANDIDATE_ATTRIBUTES, row));
                n.put("focus_candidate_attribute_id", r.refId(Resource.FOCUS_CANDIDATE_ATTRIBUTES, row.id()));
            }
            case DEFAULT_INTERVIEWERS -> {
                n.put("interview_kit_id", r.parentId(Resource.INTERVIEW_KITS, Resource.DEFAULT_INTERVIEWERS, row));
                n.put("user_id", r.user(s).id());
            }
            case JOB_NOTES -> {
                n.put("job_id", r.parentId(Resource.JOBS, Resource.JOB_NOTES, row));
                n.put("user_id", r.user(s).id());
                n.put("body", rev(pick(s, Vocabulary.NOTE_BODIES), row.version()));
                n.put("visibility", v.nextInt(4) == 0 ? "admin_only_visible" : "privately_visible");
            }
            case JOB_POST_LOCATIONS -> jobPostLocation(n, row, s);
            case JOB_POST_SEARCHABLE_LOCATIONS -> searchableLocation(n, row, s);
            case JOB_BOARD_CUSTOM_LOCATIONS -> {
                n.put("greenhouse_job_board_id",
                        r.parentId(Resource.JOB_BOARDS, Resource.JOB_BOARD_CUSTOM_LOCATIONS, row));
                n.put("value", rev(pick(s, Vocabulary.CITIES) + " (hybrid)", row.version()));
                n.put("active", v.nextInt(6) != 0);
            }
            case PAY_INPUTS -> {
                n.put("title", rev(nth(PAY_INPUTS, row.index()), row.version()));
                n.put("blurb", s.nextInt(3) == 0 ? null : "The range shown is the expected pay for this role.");
                n.put("linked_custom_field_id", s.nextBoolean() ? r.refId(Resource.CUSTOM_FIELDS, row.id()) : null);
                n.put("locked", v.nextInt(5) == 0);
                n.put("priority", row.index());
            }
            case PAY_INPUT_RANGES -> {
                long min = (40_000L + s.nextInt(160_000)) * 100;
                n.put("pay_input_id", r.refId(Resource.PAY_INPUTS, row.id()));
                n.put("job_post_id", r.parentId(Resource.JOB_POSTS, Resource.PAY_INPUT_RANGES, row));
                n.put("currency_type", pick(s, CURRENCIES));
                n.put("min_cents", min);
                n.put("max_cents", min + (10_000L + v.nextInt(90_000)) * 100);
            }
            case TRACKING_LINKS -> trackingLink(n, row, s);
            case CUSTOM_FIELD_DEPARTMENTS -> {
                n.put("custom_field_id", r.parentId(Resource.CUSTOM_FIELDS, Resource.CUSTOM_FIELD_DEPARTMENTS, row));
                n.put("department_id", r.refId(Resource.DEPARTMENTS, row.id()));
            }
            case CUSTOM_FIELD_OFFICES -> {
                n.put("custom_field_id", r.parentId(Resource.CUSTOM_FIELDS, Resource.CUSTOM_FIELD_OFFICES, row));
                n.put("office_id", r.refId(Resource.OFFICES, row.id()));
            }
            default -> {
                return null;
            }
        }
        putTimestamps(n, row);
        return n;
    }

    private void jobPostLocation(ObjectNode n, Row row, SplittableRandom s) {
        String type = new String[] {"office", "custom_list", "free_text"}[s.nextInt(3)];
        n.put("job_post_id", r.parentId(Resource.JOB_POSTS, Resource.JOB_POST_LOCATIONS, row));
        n.put("type", type);
        n.put("office_id", type.equals("office") ? r.refId(Resource.OFFICES, row.id()) : null);
        n.put("custom_location_id", type.equals("custom_list")
                ? r.refId(Resource.JOB_BOARD_CUSTOM_LOCATIONS, row.id()) : null);
        n.put("plain_text_location", type.equals("free_text")
                ? rev(pick(s, Vocabulary.CITIES) + " or remote", row.version()) : null);
    }

    private void searchableLocation(ObjectNode n, Row row, SplittableRandom s) {
        String city = pick(s, Vocabulary.CITIES);
        boolean geocoded = s.nextInt(6) != 0;
        n.put("job_post_id", r.parentId(Resource.JOB_POSTS, Resource.JOB_POST_SEARCHABLE_LOCATIONS, row));
        n.put("location", rev(city, row.version()));
        n.put("city", city);
        n.put("county", s.nextBoolean() ? null : city + " County");
        n.put("region_long_name", geocoded ? "Region of " + city : null);
        n.put("region_short_name", geocoded ? city.substring(0, 2).toUpperCase(java.util.Locale.ROOT) : null);
        n.put("country_long_name", geocoded ? "Country of " + city : null);
        n.put("country_short_name", geocoded ? "C" + city.charAt(0) : null);
        n.put("postal_code", geocoded ? String.valueOf(10_000 + s.nextInt(89_999)) : null);
        if (geocoded) {
            n.put("latitude", -60 + s.nextInt(120_000_000) / 1_000_000.0);
            n.put("longitude", -180 + s.nextInt(360_000_000) / 1_000_000.0);
        } else {
            n.putNull("latitude");
            n.putNull("longitude");
        }
    }

    private void trackingLink(ObjectNode n, Row row, SplittableRandom s) {
        boolean forPost = s.nextInt(4) != 0;
        Long post = forPost ? r.refId(Resource.JOB_POSTS, row.id()) : null;
        n.put("token", String.format("%016x", row.id() * 0x9E3779B97F4A7C15L).substring(0, 10));
        n.put("job_id", r.refId(Resource.JOBS, row.id()));
        n.put("job_post_id", post);
        n.put("job_board_id", r.refId(Resource.JOB_BOARDS, row.id()));
        n.put("source_id", r.refId(Resource.SOURCES, row.id()));
        n.put("referrer_id", s.nextInt(3) == 0 ? r.refId(Resource.REFERRERS, row.id()) : null);
        n.put("related_post_id", post);
        n.put("related_post_type", forPost ? "JobPost" : null);
    }
}
