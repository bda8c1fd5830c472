package io.kafkaconnect.greenhouse.simulator;

import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.F;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.between;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.idName;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.putCustomFieldsV1;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.putCustomFieldsV3;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.putKeyedCustomFields;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.putTimestamps;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.rev;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.userRef;
import static io.kafkaconnect.greenhouse.simulator.Vocabulary.date;
import static io.kafkaconnect.greenhouse.simulator.Vocabulary.mix;
import static io.kafkaconnect.greenhouse.simulator.Vocabulary.pick;
import static io.kafkaconnect.greenhouse.simulator.Vocabulary.ts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.simulator.RecordRenderer.CustomField;
import io.kafkaconnect.greenhouse.simulator.RecordRenderer.User;
import io.kafkaconnect.greenhouse.simulator.ResourceStore.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Candidate-side records: openings and offers, interviews and interviewers, scorecards and their details, EEOC
 * and demographic answers, and the v3-only children of candidates and applications (stage history, notes,
 * rejection and prospect details, attachments, educations, employments, applied tags) and approvals.
 * {@link #render} answers null for resources it does not render.
 */
final class HiringRenderer {
    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;

    private final RecordRenderer r;

    HiringRenderer(RecordRenderer r) {
        this.r = r;
    }

    ObjectNode render(Resource resource, Dialect d, Row row) {
        boolean v1 = d == Dialect.V1;
        switch (resource) {
            case OFFERS: return v1 ? v1Offer(row) : v3Offer(row);
            case OPENINGS: return v3Opening(row);
            case SCHEDULED_INTERVIEWS: return v1 ? v1Interview(row) : v3Interview(row);
            case INTERVIEWERS: return v3Interviewer(row);
            case SCORECARDS: return v1 ? v1Scorecard(row) : v3Scorecard(row);
            case SCORECARD_CANDIDATE_ATTRIBUTES: return v3ScorecardAttribute(row);
            case SCORECARD_QUESTION_ANSWERS: return v3ScorecardAnswer(row);
            case EEOC: return v1 ? v1Eeoc(row) : v3Eeoc(row);
            case DEMOGRAPHIC_ANSWERS: return demographicAnswer(row);
            case APPLICATION_STAGES: return v3ApplicationStage(row);
            case NOTES: return v3Note(row);
            case REJECTION_DETAILS: return v3RejectionDetail(row);
            case PROSPECT_DETAILS: return v3ProspectDetail(row);
            case ATTACHMENTS: return v3Attachment(row);
            case CANDIDATE_EDUCATIONS: return v3Education(row);
            case CANDIDATE_EMPLOYMENTS: return v3Employment(row);
            case APPLIED_CANDIDATE_TAGS: return v3AppliedTag(row);
            case APPROVAL_FLOWS: return v3ApprovalFlow(row);
            case APPROVER_GROUPS: return v3ApproverGroup(row);
            case APPROVERS: return v3Approver(row);
            default: return null;
        }
    }

    private OrganizationRenderer org() {
        return r.organization();
    }

    private static SplittableRandom more(RecordRenderer r, Resource res, long id) {
        return new SplittableRandom(mix(r.seed(), res.ordinal(), id, 0x0DD));
    }

    /** The first job of a (seeded) application, or null for jobless prospects. */
    private Long jobOf(Row application) {
        if (application == null) {
            return null;
        }
        List<Long> jobs = r.appFacts(application).jobIds();
        return jobs.isEmpty() ? null : jobs.get(0);
    }

    Long candidateOf(Row application) {
        return application == null ? null : r.candidateIdOf(application);
    }

    private static long roundTo(long ms, long unit) {
        return ms - Math.floorMod(ms, unit);
    }

    // ------------------------------------------------------------------ openings

    /** What an opening is at a version; v1 embeds it (in jobs and offers) as seeded. */
    private record Opening(Long jobId, int position, String openingId, boolean closed, long openedAt, Long closedAt,
            Long applicationId, Row closeReason, String targetStart) {
    }

    private Opening opening(Row row) {
        SplittableRandom s = r.stable(Resource.OPENINGS, row.id());
        SplittableRandom v = r.versioned(Resource.OPENINGS, row.id(), row.version());
        Row job = r.parent(Resource.JOBS, Resource.OPENINGS, row);
        int pos = r.childPosition(Resource.JOBS, Resource.OPENINGS, row);
        String openingId = s.nextInt(4) == 0 ? null : (job == null ? 1 : 1 + job.index() % 9) + "-" + (pos + 1);
        long openedAt = between(s, row.created(), r.baselineUpdated(Resource.OPENINGS, row));
        boolean closed = v.nextInt(4) == 0;
        Long closedAt = closed ? between(v, openedAt, Math.max(openedAt, row.updated())) : null;
        Long app = closed && v.nextBoolean() ? r.refId(Resource.APPLICATIONS, row.id()) : null;
        Row reason = closed ? r.ref(Resource.CLOSE_REASONS, mix(row.id(), row.version())) : null;
        String target = s.nextInt(3) == 0 ? null : date(openedAt + (30 + s.nextInt(60)) * DAY);
        return new Opening(job == null ? null : job.id(), pos, openingId, closed, openedAt, closedAt, app, reason, target);
    }

    /** An opening as v1 embeds it in jobs and offers (as seeded). */
    ObjectNode v1Opening(Row row) {
        Opening o = opening(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("opening_id", o.openingId());
        n.put("status", o.closed() ? "closed" : "open");
        n.put("opened_at", ts(o.openedAt()));
        n.put("closed_at", o.closedAt() == null ? null : ts(o.closedAt()));
        n.put("application_id", o.applicationId());
        if (o.closeReason() != null) {
            n.set("close_reason", idName(o.closeReason().id(), org().closeReasonName(o.closeReason())));
        } else if (o.closed() || Math.floorMod(row.id(), 3L) != 0) {
            n.putNull("close_reason"); // sometimes the key is absent, as in the docs' example
        }
        return n;
    }

    private ObjectNode v3Opening(Row row) {
        Opening o = opening(row);
        SplittableRandom v = r.versioned(Resource.OPENINGS, row.id(), -row.version());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("application_id", o.applicationId());
        n.put("close_reason_id", o.closeReason() == null ? null : o.closeReason().id());
        n.put("closed_at", o.closedAt() == null ? null : ts(o.closedAt()));
        List<CustomField> cf = new ArrayList<>();
        cf.add(new CustomField("cost_center", "cost_center", "Cost Center", "single_select",
                F.textNode("CC-" + (100 + v.nextInt(20)))));
        cf.add(new CustomField("notes", "notes", "Notes", "long_text",
                v.nextBoolean() ? NullNode.getInstance() : F.textNode("Budget approved (rev " + row.version() + ")")));
        putCustomFieldsV3(n, cf);
        n.put("job_id", o.jobId());
        n.put("open", !o.closed());
        n.put("opened_at", ts(o.openedAt()));
        n.put("opening_id", o.openingId());
        n.put("sort_order", o.position());
        n.put("target_start_on", o.targetStart());
        putTimestamps(n, row);
        return n;
    }

    // ------------------------------------------------------------------ offers

    private static final String[] OFFER_STATUSES = {"unresolved", "accepted", "rejected", "deprecated"};

    /** The application an offer is for (its {@code application_id}), or null: fixed by its id, so edits keep it. */
    Row offerApplication(Row offer) {
        return r.ref(Resource.APPLICATIONS, offer.id());
    }

    private ObjectNode v1Offer(Row row) {
        SplittableRandom s = r.stable(Resource.OFFERS, row.id());
        SplittableRandom v = r.versioned(Resource.OFFERS, row.id(), row.version());
        Row app = offerApplication(row);
        int roll = v.nextInt(10);
        String status = OFFER_STATUSES[roll < 3 ? 0 : roll < 7 ? 1 : roll < 8 ? 2 : 3];
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("version", 1 + s.nextInt(3));
        n.put("application_id", app == null ? null : app.id());
        n.put("job_id", jobOf(app));
        n.put("candidate_id", candidateOf(app));
        Row opening = s.nextInt(10) < 7 ? r.ref(Resource.OPENINGS, row.id()) : null;
        n.set("opening", opening == null ? NullNode.getInstance() : v1Opening(opening));
        n.put("created_at", ts(row.created()));
        n.put("updated_at", ts(row.updated()));
        boolean sent = !status.equals("unresolved") || v.nextBoolean();
        long sentAt = between(v, row.created(), row.updated());
        n.put("sent_at", sent ? date(sentAt) : null);
        n.put("resolved_at", status.equals("unresolved") ? null
                : ts(Math.max(row.created(), row.updated() - v.nextInt(60_000))));
        n.put("starts_at", v.nextInt(6) == 0 ? null : date(Math.max(sentAt, row.updated()) + (14 + v.nextInt(60)) * DAY));
        n.put("status", status);
        putCustomFieldsV1(n, offerCustomFields(v));
        return n;
    }

    private static List<CustomField> offerCustomFields(SplittableRandom v) {
        List<CustomField> f = new ArrayList<>();
        f.add(new CustomField("employment_type", "time_type", "Employment Type", "single_select",
                F.textNode(new String[] {"Full-Time", "Part-Time", "Contractor"}[v.nextInt(3)])));
        JsonNode salary;
        if (v.nextBoolean()) {
            ObjectNode c = F.objectNode();
            c.put("value", 40_000 + v.nextInt(120) * 1000);
            c.put("currency", new String[] {"USD", "EUR", "GBP"}[v.nextInt(3)]);
            salary = c;
        } else {
            salary = F.textNode("Around $" + (80 + v.nextInt(80)) + "k");
        }
        f.add(new CustomField("salary", "salary", "Salary", salary.isObject() ? "currency" : "short_text", salary));
        ArrayNode seasons = F.arrayNode();
        for (int i = 1; i <= 4; i++) {
            if (v.nextInt(3) == 0) {
                seasons.add("Season " + i);
            }
        }
        f.add(new CustomField("best_seasons", "best_seasons", "Best seasons", "multi_select",
                seasons.isEmpty() ? NullNode.getInstance() : seasons));
        f.add(new CustomField("start_date", "start_date", "Start Date", "date",
                F.textNode(String.format(Locale.ROOT, "20%02d-%02d-%02d", 20 + v.nextInt(7), 1 + v.nextInt(12),
                        1 + v.nextInt(28)))));
        int negotiate = v.nextInt(3);
        f.add(new CustomField("willing_to_negotiate", "will_negotiate", "Willing to negotiate", "yes_no",
                negotiate == 2 ? NullNode.getInstance() : F.booleanNode(negotiate == 1)));
        f.add(new CustomField("notes", "notes", "Notes", "long_text",
                v.nextInt(3) == 0 ? NullNode.getInstance() : F.textNode("Very excited to start working with this candidate")));
        return f;
    }

    private ObjectNode v3Offer(Row row) {
        ObjectNode v1 = v1Offer(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.set("application_id", v1.get("application_id"));
        n.set("candidate_id", v1.get("candidate_id"));
        n.set("custom_fields", v1.get("keyed_custom_fields"));
        n.set("job_id", v1.get("job_id"));
        JsonNode opening = v1.get("opening");
        n.set("opening_id", opening.isNull() ? NullNode.getInstance() : opening.get("id"));
        n.set("resolved_at", v1.get("resolved_at"));
        n.set("sent_on", v1.get("sent_at"));
        n.set("starts_on", v1.get("starts_at"));
        String status = v1.get("status").asText();
        n.put("status", status.equals("unresolved") ? "Created"
                : status.substring(0, 1).toUpperCase(Locale.ROOT) + status.substring(1));
        n.set("version", v1.get("version"));
        putTimestamps(n, row);
        return n;
    }

    // ------------------------------------------------------------------ interviews

    private static final String[] INTERVIEW_STATUSES = {"scheduled", "awaiting_feedback", "complete"};

    private record Interview(Row application, boolean allDay, long start, long end, String location, String videoUrl,
            String status, Row jobInterview, User organizer, String externalEventId, Long availabilityReceivedAt) {
    }

    private Interview interview(Row row) {
        SplittableRandom s = r.stable(Resource.SCHEDULED_INTERVIEWS, row.id());
        SplittableRandom v = r.versioned(Resource.SCHEDULED_INTERVIEWS, row.id(), row.version());
        boolean allDay = s.nextInt(10) == 0;
        long start = roundTo(row.created() + s.nextInt(14) * DAY + s.nextInt(96) * 15 * MINUTE, 15 * MINUTE);
        long end = start + (30 + 15 * s.nextInt(4)) * MINUTE;
        if (allDay) {
            start = roundTo(start, DAY);
            end = start + DAY;
        }
        String location = s.nextInt(4) == 0 ? null : pick(s, Vocabulary.ROOMS);
        String video = s.nextInt(3) == 0 ? null : "https://meet.example.com/" + Long.toString(Math.abs(mix(row.id())), 36);
        String status = INTERVIEW_STATUSES[v.nextInt(3)];
        Long availability = s.nextInt(3) == 0 ? between(s, row.created() - 2 * DAY, row.created()) : null;
        return new Interview(r.ref(Resource.APPLICATIONS, row.id()), allDay, start, end, location, video, status,
                r.ref(Resource.JOB_INTERVIEWS, row.id()), r.user(s), "event" + Math.floorMod(mix(row.id(), 17), 1_000_000L),
                availability);
    }

    private ObjectNode v1Interview(Row row) {
        Interview f = interview(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("application_id", f.application() == null ? null : f.application().id());
        n.put("external_event_id", f.externalEventId());
        if (f.allDay()) {
            n.putObject("start").put("date", date(f.start()));
            n.putObject("end").put("date", date(f.end()));
        } else {
            n.putObject("start").put("date_time", ts(f.start()));
            n.putObject("end").put("date_time", ts(f.end()));
        }
        n.put("location", f.location());
        n.put("video_conferencing_url", f.videoUrl());
        n.put("status", f.status());
        n.put("created_at", ts(row.created()));
        n.put("updated_at", ts(row.updated()));
        n.set("interview", f.jobInterview() == null ? NullNode.getInstance()
                : idName(f.jobInterview().id(), org().jobInterviewName(f.jobInterview())));
        n.set("organizer", userRef(f.organizer()));
        ArrayNode interviewers = n.putArray("interviewers");
        for (Row i : r.children(Resource.SCHEDULED_INTERVIEWS, Resource.INTERVIEWERS, row)) {
            interviewers.add(v1Interviewer(i));
        }
        return n;
    }

    private ObjectNode v3Interview(Row row) {
        Interview f = interview(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("all_day_end_on", f.allDay() ? date(f.end()) : null);
        n.put("all_day_start_on", f.allDay() ? date(f.start()) : null);
        n.put("application_id", f.application() == null ? null : f.application().id());
        n.put("availability_received_at", f.availabilityReceivedAt() == null ? null : ts(f.availabilityReceivedAt()));
        n.put("ends_at", f.allDay() ? null : ts(f.end()));
        n.put("external_event_id", f.externalEventId());
        n.put("job_id", jobOf(f.application()));
        n.put("job_interview_id", f.jobInterview() == null ? null : f.jobInterview().id());
        n.put("location", f.location());
        n.put("organizer_id", f.organizer().id());
        n.put("scheduled_at", ts(row.created()));
        n.put("starts_at", f.allDay() ? null : ts(f.start()));
        n.put("status", f.status());
        n.put("video_conferencing_url", f.videoUrl());
        putTimestamps(n, row);
        return n;
    }

    private static final String[] RESPONSES = {"needs_action", "accepted", "tentative", "declined"};

    private record Interviewer(User user, String email, String response, Long scorecardId) {
    }

    private Interviewer interviewer(Row row) {
        SplittableRandom s = r.stable(Resource.INTERVIEWERS, row.id());
        SplittableRandom v = r.versioned(Resource.INTERVIEWERS, row.id(), row.version());
        User u = s.nextInt(12) == 0 ? null : r.user(s);
        String email = u != null ? u.email() : "guest" + Math.floorMod(row.id(), 1000L) + "@external.example.com";
        return new Interviewer(u, email, RESPONSES[v.nextInt(4)],
                v.nextInt(3) == 0 ? null : r.refId(Resource.SCORECARDS, row.id()));
    }

    private ObjectNode v1Interviewer(Row row) {
        Interviewer f = interviewer(row);
        ObjectNode n = F.objectNode();
        n.put("id", f.user() == null ? null : f.user().id());
        n.put("employee_id", f.user() == null ? null : f.user().employeeId());
        n.put("name", f.user() == null ? null : f.user().name());
        n.put("email", f.email());
        n.put("response_status", f.response());
        n.put("scorecard_id", f.scorecardId());
        return n;
    }

    private ObjectNode v3Interviewer(Row row) {
        Interviewer f = interviewer(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("email", f.email());
        n.put("interview_id", r.parentId(Resource.SCHEDULED_INTERVIEWS, Resource.INTERVIEWERS, row));
        n.put("response_status", f.response());
        n.put("scorecard_id", f.scorecardId());
        n.put("user_id", f.user() == null ? null : f.user().id());
        putTimestamps(n, row);
        return n;
    }

    // ------------------------------------------------------------------ scorecards

    private static final String[] RECOMMENDATIONS = {"definitely_not", "no", "yes", "strong_yes", "no_decision"};
    private static final Map<String, String> V3_RATING = Map.of("definitely_not", "strong_no", "no", "no",
            "yes", "yes", "strong_yes", "strong_yes", "no_decision", "no_decision");
    private static final String[] ATTRIBUTE_RATINGS = {"definitely_not", "no", "mixed", "yes", "strong_yes"};

    private record Scorecard(Row application, Row jobInterview, long interviewedAt, User submittedBy, User interviewer,
            long submittedAt, String recommendation, String notes, String privateNotes, String publicNotes) {
    }

    /** The application a scorecard is for (its {@code application_id}), or null: fixed by its id, so edits keep it. */
    Row scorecardApplication(Row scorecard) {
        return r.ref(Resource.APPLICATIONS, scorecard.id());
    }

    private Scorecard scorecard(Row row) {
        SplittableRandom s = r.stable(Resource.SCORECARDS, row.id());
        SplittableRandom v = r.versioned(Resource.SCORECARDS, row.id(), row.version());
        User interviewer = r.user(s);
        User submitter = s.nextInt(4) == 0 ? r.user(s) : interviewer;
        long interviewed = roundTo(row.created() - s.nextInt(48) * 60 * MINUTE, 15 * MINUTE);
        return new Scorecard(scorecardApplication(row), r.ref(Resource.JOB_INTERVIEWS, row.id() * 3),
                interviewed, submitter, interviewer, between(s, row.created(), r.baselineUpdated(Resource.SCORECARDS, row)),
                RECOMMENDATIONS[v.nextInt(RECOMMENDATIONS.length)],
                rev(pick(v, Vocabulary.SCORECARD_ANSWERS), row.version()),
                v.nextInt(3) == 0 ? null : "Seems like a decent candidate.",
                v.nextInt(2) == 0 ? null : "Good energy, " + pick(v, Vocabulary.SKILLS) + " background.");
    }

    private ObjectNode v1Scorecard(Row row) {
        Scorecard f = scorecard(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("updated_at", ts(row.updated()));
        n.put("created_at", ts(row.created()));
        String interviewName = f.jobInterview() == null ? "Application Review" : org().jobInterviewName(f.jobInterview());
        n.put("interview", interviewName);
        n.set("interview_step", f.jobInterview() == null ? NullNode.getInstance()
                : idName(f.jobInterview().id(), interviewName));
        n.put("candidate_id", candidateOf(f.application()));
        n.put("application_id", f.application() == null ? null : f.application().id());
        n.put("interviewed_at", ts(f.interviewedAt()));
        n.set("submitted_by", userRef(f.submittedBy()));
        n.set("interviewer", userRef(f.interviewer()));
        n.put("submitted_at", ts(f.submittedAt()));
        n.put("overall_recommendation", f.recommendation());
        ArrayNode attributes = n.putArray("attributes");
        Map<String, ArrayNode> ratings = new LinkedHashMap<>();
        ObjectNode ratingsNode = F.objectNode();
        for (String rating : ATTRIBUTE_RATINGS) {
            ratings.put(rating, ratingsNode.putArray(rating));
        }
        for (Row a : r.children(Resource.SCORECARDS, Resource.SCORECARD_CANDIDATE_ATTRIBUTES, row)) {
            Attribute at = attribute(a);
            ObjectNode o = attributes.addObject();
            o.put("name", at.name());
            o.put("type", at.type());
            o.put("note", at.note());
            o.put("rating", at.rating());
            ratings.get(at.rating()).add(at.name());
        }
        n.set("ratings", ratingsNode);
        ArrayNode questions = n.putArray("questions");
        questions.addObject().putNull("id").put("question", "Key Take-Aways").put("answer", f.notes());
        questions.addObject().putNull("id").put("question", "Private Notes").put("answer", f.privateNotes());
        for (Row a : r.children(Resource.SCORECARDS, Resource.SCORECARD_QUESTION_ANSWERS, row)) {
            Answer an = answer(a);
            ObjectNode o = questions.addObject();
            o.put("id", an.questionId());
            o.put("question", an.questionId() == null ? "Additional notes" : org().scorecardQuestionText(an.questionId()));
            o.put("answer", an.answer());
        }
        return n;
    }

    private ObjectNode v3Scorecard(Row row) {
        Scorecard f = scorecard(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("application_id", f.application() == null ? null : f.application().id());
        n.put("candidate_rating", V3_RATING.get(f.recommendation()));
        n.put("interview_kit_id", r.refId(Resource.INTERVIEW_KITS, row.id()));
        n.put("interviewed_at", ts(f.interviewedAt()));
        n.put("interviewer_id", f.interviewer().id());
        n.put("notes", f.notes());
        n.put("notes_with_tags", f.notes());
        n.put("private_notes", f.privateNotes());
        n.put("private_notes_with_tags", f.privateNotes());
        n.put("public_notes", f.publicNotes());
        n.put("public_notes_with_tags", f.publicNotes() == null ? null : f.publicNotes() + " @" + f.interviewer().first());
        n.put("status", "complete");
        n.put("submitted_at", ts(f.submittedAt()));
        n.put("submitter_id", f.submittedBy().id());
        putTimestamps(n, row);
        return n;
    }

    private record Attribute(long jobAttributeId, String name, String type, String rating, String note) {
    }

    private Attribute attribute(Row row) {
        SplittableRandom v = r.versioned(Resource.SCORECARD_CANDIDATE_ATTRIBUTES, row.id(), row.version());
        int a = (int) Math.floorMod(mix(r.seed(), row.id(), 9), 40L);
        return new Attribute(5_000_000L + a, Vocabulary.ATTRIBUTE_NAMES[a % Vocabulary.ATTRIBUTE_NAMES.length],
                Vocabulary.ATTRIBUTE_TYPES[a % Vocabulary.ATTRIBUTE_TYPES.length],
                ATTRIBUTE_RATINGS[v.nextInt(ATTRIBUTE_RATINGS.length)],
                v.nextInt(3) == 0 ? "What a great communicator!" : null);
    }

    private ObjectNode v3ScorecardAttribute(Row row) {
        Attribute a = attribute(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("candidate_attribute_rating", a.rating());
        n.put("job_candidate_attribute_id", a.jobAttributeId());
        n.put("note", a.note());
        n.put("scorecard_id", r.parentId(Resource.SCORECARDS, Resource.SCORECARD_CANDIDATE_ATTRIBUTES, row));
        putTimestamps(n, row);
        return n;
    }

    private record Answer(Long questionId, String answer, Boolean booleanValue) {
    }

    private Answer answer(Row row) {
        SplittableRandom v = r.versioned(Resource.SCORECARD_QUESTION_ANSWERS, row.id(), row.version());
        Long question = r.refId(Resource.SCORECARD_QUESTIONS, row.id());
        int kind = v.nextInt(3);
        return new Answer(question, kind == 0 ? (v.nextBoolean() ? "Yes" : "No") : pick(v, Vocabulary.SCORECARD_ANSWERS),
                kind == 0 ? Boolean.valueOf(v.nextBoolean()) : null);
    }

    private ObjectNode v3ScorecardAnswer(Row row) {
        Answer a = answer(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("answer", a.answer());
        n.put("boolean_value", a.booleanValue());
        n.put("scorecard_id", r.parentId(Resource.SCORECARDS, Resource.SCORECARD_QUESTION_ANSWERS, row));
        n.put("scorecard_question_id", a.questionId());
        putTimestamps(n, row);
        return n;
    }

    // ------------------------------------------------------------------ EEOC

    private static final String[] RACES = {"American Indian or Alaskan Native", "Asian", "Black or African American",
        "Hispanic or Latino", "White", "Native Hawaiian or Other Pacific Islander", "Two or More Races",
        "Decline To Self Identify"};
    private static final String[] GENDERS = {"Male", "Female", "Decline To Self Identify"};
    private static final String[] VETERAN = {"I am not a protected veteran",
        "I identify as one or more of the classifications of protected veteran", "I don't wish to answer"};
    private static final String[] DISABILITY = {
        "Yes, I have a disability, or have a history/record of having a disability",
        "No, I don't have a disability, or a history/record of having a disability", "I don't wish to answer"};

    /** Answer index per question (-1 = skipped), drawn per version. */
    private int[] eeocAnswers(Row row) {
        SplittableRandom v = r.versioned(Resource.EEOC, row.id(), row.version());
        int[] a = new int[4];
        String[][] lists = {RACES, GENDERS, VETERAN, DISABILITY};
        for (int i = 0; i < 4; i++) {
            a[i] = v.nextInt(8) == 0 ? -1 : v.nextInt(lists[i].length);
        }
        return a;
    }

    /** The application this EEOC record belongs to: its id is the application's id. */
    private Long eeocCandidate(Row row) {
        Row app = r.store(Resource.APPLICATIONS).get(row.id());
        return app == null ? null : r.candidateIdOf(app);
    }

    private static JsonNode eeocAnswer(String[] list, int index, String textField) {
        if (index < 0) {
            return NullNode.getInstance();
        }
        ObjectNode n = F.objectNode();
        n.put("id", index + 1);
        n.put(textField, list[index]);
        return n;
    }

    private ObjectNode v1Eeoc(Row row) {
        int[] a = eeocAnswers(row);
        ObjectNode n = F.objectNode();
        n.put("application_id", row.id());
        n.put("candidate_id", eeocCandidate(row));
        n.set("race", eeocAnswer(RACES, a[0], "description"));
        n.set("gender", eeocAnswer(GENDERS, a[1], "description"));
        n.set("veteran_status", eeocAnswer(VETERAN, a[2], "message"));
        n.set("disability_status", eeocAnswer(DISABILITY, a[3], "description"));
        n.put("submitted_at", ts(row.updated()));
        return n;
    }

    private ObjectNode v3Eeoc(Row row) {
        int[] a = eeocAnswers(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("application_id", row.id());
        n.put("candidate_id", eeocCandidate(row));
        String[][] lists = {RACES, GENDERS, VETERAN, DISABILITY};
        String[] names = {"race", "gender", "veteran_status", "disability_status"};
        for (int i = 0; i < 4; i++) {
            JsonNode answer = eeocAnswer(lists[i], a[i], "description");
            if (answer.isNull()) {
                ObjectNode skipped = F.objectNode();
                skipped.putNull("id");
                skipped.putNull("description");
                answer = skipped;
            }
            n.set(names[i], answer);
        }
        n.put("submitted_at", ts(row.updated()));
        putTimestamps(n, row);
        return n;
    }

    // ------------------------------------------------------------------ demographic answers

    private ObjectNode demographicAnswer(Row row) {
        SplittableRandom v = r.versioned(Resource.DEMOGRAPHIC_ANSWERS, row.id(), row.version());
        Row option = r.ref(Resource.DEMOGRAPHIC_ANSWER_OPTIONS, row.id());
        boolean freeForm = option != null && org().answerOptionFreeForm(option.id());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("free_form_text", freeForm ? rev(new String[] {"12am", "Teal", "Prefer to self-describe"}[v.nextInt(3)],
                row.version()) : null);
        n.put("application_id", r.refId(Resource.APPLICATIONS, row.id()));
        n.put("demographic_question_id", option == null ? null
                : r.parentId(Resource.DEMOGRAPHIC_QUESTIONS, Resource.DEMOGRAPHIC_ANSWER_OPTIONS, option));
        n.put("demographic_answer_option_id", option == null ? null : option.id());
        n.put("created_at", ts(row.created()));
        n.put("updated_at", ts(row.updated()));
        return n;
    }

    // ------------------------------------------------------------------ v3-only children of candidates/applications

    private ObjectNode v3ApplicationStage(Row row) {
        SplittableRandom s = r.stable(Resource.APPLICATION_STAGES, row.id());
        SplittableRandom v = r.versioned(Resource.APPLICATION_STAGES, row.id(), row.version());
        boolean current = v.nextInt(3) == 0;
        Long entered = s.nextInt(10) == 0 ? null : row.created();
        Long exited = current ? null : between(v, row.created(), row.updated());
        long from = entered == null ? row.created() : entered;
        long to = exited == null ? row.updated() : exited;
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("application_id", r.refId(Resource.APPLICATIONS, row.id()));
        n.put("current", current);
        n.put("days_in_stage", (int) Math.max(0, (to - from) / DAY));
        n.put("entered_at", entered == null ? null : ts(entered));
        n.put("exited_at", exited == null ? null : ts(exited));
        n.put("job_interview_stage_id", r.refId(Resource.JOB_STAGES, row.id()));
        putTimestamps(n, row);
        return n;
    }

    /** One of the candidate's applications, or null. */
    private Long applicationOf(Row candidate, SplittableRandom s) {
        if (candidate == null) {
            return null;
        }
        List<Long> apps = r.applicationIdsOf(candidate);
        return apps.isEmpty() || s.nextInt(3) == 0 ? null : apps.get(s.nextInt(apps.size()));
    }

    private ObjectNode v3Note(Row row) {
        SplittableRandom s = r.stable(Resource.NOTES, row.id());
        SplittableRandom v = r.versioned(Resource.NOTES, row.id(), row.version());
        Row candidate = r.ref(Resource.CANDIDATES, row.id());
        User author = r.user(s);
        String type = new String[] {"NOTE", "NOTE", "EMAIL", "ACTIVITY"}[s.nextInt(4)];
        boolean email = type.equals("EMAIL");
        String body = rev(pick(v, Vocabulary.NOTE_BODIES), row.version());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("application_id", applicationOf(candidate, s));
        n.put("body", body);
        n.put("body_with_tags", s.nextInt(4) == 0 ? body + " @" + author.first() : body);
        n.put("candidate_id", candidate == null ? null : candidate.id());
        n.put("email_attachment_file_names", email && s.nextInt(3) == 0 ? "offer.pdf, benefits.pdf" : null);
        ArrayNode cc = n.putArray("email_cc");
        if (email && s.nextBoolean()) {
            cc.add(r.user(s).email());
        }
        n.put("email_from", email ? author.email() : null);
        n.put("email_to", email ? "candidate" + Math.floorMod(row.id(), 1000L) + "@example.com" : null);
        n.putNull("import_hash");
        n.put("subject", email ? "Following up" : null);
        n.put("type", type);
        n.put("user_id", author.id());
        n.put("visibility", new String[] {"publicly_visible", "privately_visible", "admin_only_visible"}[s.nextInt(3)]);
        putTimestamps(n, row);
        return n;
    }

    private ObjectNode v3RejectionDetail(Row row) {
        SplittableRandom s = r.stable(Resource.REJECTION_DETAILS, row.id());
        SplittableRandom v = r.versioned(Resource.REJECTION_DETAILS, row.id(), row.version());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("application_id", r.refId(Resource.APPLICATIONS, row.id()));
        List<CustomField> q = new ArrayList<>();
        q.add(new CustomField("custom_rejection_question_field", "custom_rejection_question_field",
                "Custom Rejection Question Field", "short_text",
                v.nextBoolean() ? NullNode.getInstance() : F.textNode(rev("Not a good fit", row.version()))));
        putKeyedCustomFields(n, "question_custom_fields", q);
        n.put("rejected_at", ts(between(s, row.created(), r.baselineUpdated(Resource.REJECTION_DETAILS, row))));
        n.put("rejected_by_id", r.user(s).id());
        n.put("rejection_note_id", s.nextInt(3) == 0 ? r.refId(Resource.NOTES, row.id()) : null);
        n.put("rejection_reason_id", r.refId(Resource.REJECTION_REASONS, row.id()));
        putTimestamps(n, row);
        return n;
    }

    private ObjectNode v3ProspectDetail(Row row) {
        SplittableRandom s = r.stable(Resource.PROSPECT_DETAILS, row.id());
        SplittableRandom v = r.versioned(Resource.PROSPECT_DETAILS, row.id(), row.version());
        Row pool = r.ref(Resource.PROSPECT_POOLS, row.id());
        List<Row> stages = pool == null ? List.of() : r.children(Resource.PROSPECT_POOLS, Resource.PROSPECT_POOL_STAGES, pool);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("application_id", r.refId(Resource.APPLICATIONS, row.id()));
        n.put("department_id", s.nextBoolean() ? r.refId(Resource.DEPARTMENTS, row.id()) : null);
        n.put("office_id", s.nextBoolean() ? r.refId(Resource.OFFICES, row.id()) : null);
        n.put("pool_id", pool == null ? null : pool.id());
        n.put("pool_stage_id", stages.isEmpty() ? null : stages.get(v.nextInt(stages.size())).id());
        n.put("prospect_owner_id", s.nextInt(4) == 0 ? null : r.user(s).id());
        putTimestamps(n, row);
        return n;
    }

    private static final String[] ATTACHMENT_TYPES = {"resume", "cover_letter", "take_home_test", "offer_packet",
        "offer_letter", "signed_offer_letter", "other"};

    private ObjectNode v3Attachment(Row row) {
        SplittableRandom s = r.stable(Resource.ATTACHMENTS, row.id());
        Row candidate = r.ref(Resource.CANDIDATES, row.id());
        String type = s.nextInt(2) == 0 ? "resume" : pick(s, ATTACHMENT_TYPES);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("application_id", applicationOf(candidate, s));
        n.put("candidate_id", candidate == null ? null : candidate.id());
        n.put("filename", type + "_" + row.id() + (row.version() > 1 ? "_v" + row.version() : "") + ".pdf");
        n.put("type", type);
        n.put("url", "https://prod-heroku.s3.amazonaws.com/harvest-sim/attachments/" + row.id() + "?X-Amz-Expires=604800");
        putTimestamps(n, row);
        return n;
    }

    private ObjectNode v3Education(Row row) {
        SplittableRandom s = r.stable(Resource.CANDIDATE_EDUCATIONS, row.id());
        SplittableRandom v = r.versioned(Resource.CANDIDATE_EDUCATIONS, row.id(), row.version());
        LocalDate start = Instant.ofEpochMilli(row.created()).atZone(ZoneOffset.UTC).toLocalDate()
                .minusYears(3 + s.nextInt(15)).withDayOfMonth(1);
        LocalDate end = start.plusYears(2 + s.nextInt(4)).withMonth(1 + s.nextInt(12));
        boolean ongoing = v.nextInt(8) == 0;
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("candidate_id", r.refId(Resource.CANDIDATES, row.id()));
        n.put("degree_custom_field_option_id", s.nextInt(5) == 0 ? null : r.refId(Resource.DEGREES, row.id()));
        n.put("discipline_custom_field_option_id", s.nextInt(5) == 0 ? null : r.refId(Resource.DISCIPLINES, row.id()));
        n.put("end_at", ongoing ? null : ts(end.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()));
        if (ongoing) {
            n.putNull("end_date_month");
            n.putNull("end_date_year");
        } else {
            n.put("end_date_month", end.getMonthValue());
            n.put("end_date_year", end.getYear());
        }
        n.put("latest", v.nextInt(3) == 0);
        n.put("school_name_custom_field_option_id", r.refId(Resource.SCHOOLS, row.id()));
        n.put("start_at", ts(start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()));
        n.put("start_date_month", start.getMonthValue());
        n.put("start_date_year", start.getYear());
        putTimestamps(n, row);
        return n;
    }

    private ObjectNode v3Employment(Row row) {
        SplittableRandom s = r.stable(Resource.CANDIDATE_EMPLOYMENTS, row.id());
        SplittableRandom v = r.versioned(Resource.CANDIDATE_EMPLOYMENTS, row.id(), row.version());
        long start = row.created() - (long) (1 + s.nextInt(10)) * 365 * DAY;
        boolean current = v.nextInt(4) == 0;
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("candidate_id", r.refId(Resource.CANDIDATES, row.id()));
        n.put("company_name", pick(s, Vocabulary.COMPANIES));
        n.put("end_date", current ? null : date(start + (long) (1 + s.nextInt(3)) * 365 * DAY));
        n.put("latest", current);
        n.put("start_date", date(start));
        n.put("title", pick(v, Vocabulary.TITLES));
        putTimestamps(n, row);
        return n;
    }

    private ObjectNode v3AppliedTag(Row row) {
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("candidate_id", r.refId(Resource.CANDIDATES, row.id()));
        n.put("candidate_tag_id", r.refId(Resource.CANDIDATE_TAGS, row.id()));
        putTimestamps(n, row);
        return n;
    }

    // ------------------------------------------------------------------ approvals

    private static final String[] APPROVAL_TYPES = {"open_job", "offer_job", "offer_candidate"};
    private static final String[] APPROVAL_STATUSES = {"pending", "approved", "rejected"};
    private static final String[] APPROVER_STATUSES = {"waiting", "due", "approved", "rejected"};

    private ObjectNode v3ApprovalFlow(Row row) {
        SplittableRandom s = r.stable(Resource.APPROVAL_FLOWS, row.id());
        SplittableRandom v = r.versioned(Resource.APPROVAL_FLOWS, row.id(), row.version());
        String type = pick(s, APPROVAL_TYPES);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("approval_status", APPROVAL_STATUSES[v.nextInt(3)]);
        n.put("approval_type", type);
        n.put("job_id", r.refId(Resource.JOBS, row.id()));
        n.put("offer_id", type.startsWith("offer") ? r.refId(Resource.OFFERS, row.id()) : null);
        n.put("requested_by_id", r.user(s).id());
        n.put("sequential", s.nextBoolean());
        n.put("version", row.version());
        putTimestamps(n, row);
        return n;
    }

    private ObjectNode v3ApproverGroup(Row row) {
        SplittableRandom s = r.stable(Resource.APPROVER_GROUPS, row.id());
        SplittableRandom v = r.versioned(Resource.APPROVER_GROUPS, row.id(), row.version());
        boolean resolved = v.nextBoolean();
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("approval_flow_id", r.parentId(Resource.APPROVAL_FLOWS, Resource.APPROVER_GROUPS, row));
        n.put("approvals_required", 1 + s.nextInt(2));
        n.put("required_for_exception", s.nextInt(5) == 0);
        n.put("resolved_at", resolved ? ts(between(v, row.created(), row.updated())) : null);
        n.put("sort_order", r.childPosition(Resource.APPROVAL_FLOWS, Resource.APPROVER_GROUPS, row));
        putTimestamps(n, row);
        return n;
    }

    private ObjectNode v3Approver(Row row) {
        SplittableRandom s = r.stable(Resource.APPROVERS, row.id());
        SplittableRandom v = r.versioned(Resource.APPROVERS, row.id(), row.version());
        String status = APPROVER_STATUSES[v.nextInt(4)];
        boolean resolved = status.equals("approved") || status.equals("rejected");
        int reminders = v.nextInt(3);
        long requested = between(s, row.created(), r.baselineUpdated(Resource.APPROVERS, row));
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("added_by_custom_field_id", s.nextInt(5) == 0 ? r.refId(Resource.CUSTOM_FIELDS, row.id()) : null);
        n.put("approver_group_id", r.parentId(Resource.APPROVER_GROUPS, Resource.APPROVERS, row));
        n.put("auto_reminders_sent", v.nextInt(2));
        n.put("reminder_sent_at", reminders == 0 ? null : ts(between(v, requested, Math.max(requested, row.updated()))));
        n.put("reminder_sent_by_id", reminders == 0 ? null : r.user(v).id());
        n.put("reminders_sent", reminders);
        n.put("request_sent_at", status.equals("waiting") ? null : ts(requested));
        n.put("resolved_at", resolved ? ts(Math.max(requested, row.updated() - v.nextInt(60_000))) : null);
        n.put("resolved_by_id", resolved ? r.user(v).id() : null);
        n.put("send_auto_reminder_at", status.equals("due") ? date(requested + 3 * DAY) : null);
        n.put("sort_order", r.childPosition(Resource.APPROVER_GROUPS, Resource.APPROVERS, row));
        n.put("status", status);
        n.put("user_id", r.user(s).id());
        n.put("version_sent", status.equals("waiting") ? null : 1 + s.nextInt(2));
        putTimestamps(n, row);
        return n;
    }
}
