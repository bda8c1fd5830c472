package io.kafkaconnect.greenhouse.simulator;

import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.F;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.between;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.idName;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.nth;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.putCustomFieldsV1;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.putCustomFieldsV3;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.putTimestamps;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.rev;
import static io.kafkaconnect.greenhouse.simulator.RecordRenderer.userRef;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

/**
 * Records of the hiring plan (job posts, job stages and their interviews, kits and questions, job owners) and of
 * the organization's configuration (users, custom fields, templates, sources, reasons, pools, tags, education
 * lists, demographic question sets and answer options, job boards).
 */
final class OrganizationRenderer {
    private final RecordRenderer r;

    /** Job posts whose seeded active state a mutation inverted. */
    private final Set<Long> switchedPosts = ConcurrentHashMap.newKeySet();

    OrganizationRenderer(RecordRenderer r) {
        this.r = r;
    }

    ObjectNode render(Resource resource, Dialect d, Row row) {
        boolean v1 = d == Dialect.V1;
        switch (resource) {
            case JOB_POSTS: return v1 ? v1JobPost(row) : v3JobPost(row);
            case JOB_STAGES: return v1 ? v1JobStage(row) : v3JobStage(row);
            case JOB_INTERVIEWS: return v3JobInterview(row);
            case INTERVIEW_KITS: return v3InterviewKit(row);
            case SCORECARD_QUESTIONS: return v3ScorecardQuestion(row);
            case JOB_OWNERS: return v3JobOwner(row);
            case JOB_HIRING_MANAGERS: return v3JobHiringManager(row);
            case USERS: return v1 ? v1User(row) : v3User(row);
            case USER_EMAILS: return v3UserEmail(row);
            case USER_JOB_PERMISSIONS: return v3UserJobPermission(row);
            case FUTURE_JOB_PERMISSIONS: return v3FutureJobPermission(row);
            case CUSTOM_FIELDS: return v1 ? v1CustomField(row) : v3CustomField(row);
            case CUSTOM_FIELD_OPTIONS: return v3CustomFieldOption(row);
            case EMAIL_TEMPLATES: return v1 ? v1EmailTemplate(row) : v3EmailTemplate(row);
            case SOURCES: return v1 ? v1Source(row) : withTimestamps(v1Source(row), row);
            case REFERRERS: return v3Referrer(row);
            case REJECTION_REASONS: return v1 ? v1RejectionReason(row) : v3RejectionReason(row);
            case CLOSE_REASONS: return v1 ? v1CloseReason(row) : withTimestamps(v1CloseReason(row), row);
            case PROSPECT_POOLS: return v1 ? v1ProspectPool(row) : v3ProspectPool(row);
            case PROSPECT_POOL_STAGES: return v3ProspectPoolStage(row);
            case CANDIDATE_TAGS: return withTimestampsIf(!v1, idName(row.id(), rev(candidateTagName(row), row.version())), row);
            case DEGREES: return educationOption(row, Vocabulary.DEGREES);
            case DISCIPLINES: return educationOption(row, Vocabulary.DISCIPLINES);
            case SCHOOLS: return educationOption(row, Vocabulary.SCHOOLS);
            case DEMOGRAPHIC_QUESTION_SETS: return v1 ? v1QuestionSet(row) : v3QuestionSet(row);
            case DEMOGRAPHIC_ANSWER_OPTIONS: return v1 ? v1AnswerOption(row) : v3AnswerOption(row);
            case INTERVIEWER_TAGS: return withTimestamps(idName(row.id(), rev(nth(Vocabulary.INTERVIEWER_TAGS,
                    row.index()), row.version())), row);
            case JOB_BOARDS: return v3JobBoard(row);
            default: throw new IllegalArgumentException(resource.name());
        }
    }

    private static ObjectNode withTimestamps(ObjectNode n, Row row) {
        putTimestamps(n, row);
        return n;
    }

    private static ObjectNode withTimestampsIf(boolean on, ObjectNode n, Row row) {
        return on ? withTimestamps(n, row) : n;
    }

    private static SplittableRandom more(RecordRenderer r, Resource res, long id) {
        return new SplittableRandom(mix(r.seed(), res.ordinal(), id, 0x0DD));
    }

    private boolean hashed(Resource res, long id, int salt, int oneIn) {
        return Math.floorMod(mix(r.seed(), res.ordinal(), id, salt), (long) oneIn) == 0;
    }

    // ------------------------------------------------------------------ filters on fixed facts

    boolean jobPostActive(long id) {
        return hashed(Resource.JOB_POSTS, id, 0xAC, 7) == switchedPosts.contains(id);
    }

    /** Deletes (deactivates) or restores a job post; the caller edits it (its change time moves on). */
    void setJobPostActive(long id, boolean active) {
        if (jobPostActive(id) != active && !switchedPosts.remove(id)) {
            switchedPosts.add(id);
        }
    }

    boolean customFieldActive(long id) {
        return !hashed(Resource.CUSTOM_FIELDS, id, 0xAC, 8);
    }

    boolean defaultRejectionReason(long id) {
        return hashed(Resource.REJECTION_REASONS, id, 0xDEF, 4);
    }

    boolean serviceAccount(long id) {
        return hashed(Resource.USERS, id, 0x5E, 13);
    }

    /**
     * The id test behind a resource's flag parameters: job posts' {@code active}, custom fields'
     * {@code include_inactive} (v1) or {@code active} (v3), rejection reasons' {@code include_defaults}, and users'
     * {@code show_service_accounts} (v3). Null when nothing is filtered.
     */
    LongPredicate keep(Resource resource, Dialect d, Map<String, String> query) {
        boolean v1 = d == Dialect.V1;
        switch (resource) {
            case JOB_POSTS: {
                String active = query.get("active");
                if (active == null) {
                    return v1 ? null : this::jobPostActive; // v3 leaves deleted posts out unless asked
                }
                boolean want = !"false".equalsIgnoreCase(active);
                return id -> jobPostActive(id) == want;
            }
            case CUSTOM_FIELDS: {
                if (v1) {
                    return "true".equalsIgnoreCase(query.get("include_inactive")) ? null : this::customFieldActive;
                }
                String active = query.get("active");
                if (active == null) {
                    return null; // v3 lists archived fields by default
                }
                boolean want = !"false".equalsIgnoreCase(active);
                return id -> customFieldActive(id) == want;
            }
            case REJECTION_REASONS:
                return "true".equalsIgnoreCase(query.get("include_defaults")) ? null : id -> !defaultRejectionReason(id);
            case USERS:
                return v1 || "true".equalsIgnoreCase(query.get("show_service_accounts")) ? null : id -> !serviceAccount(id);
            default:
                return null;
        }
    }

    /** The query parameters {@link #keep} reads (a v3 cursor remembers them). */
    static final List<String> FLAG_PARAMS = List.of("active", "include_inactive", "include_defaults",
            "show_service_accounts");

    // ------------------------------------------------------------------ job posts

    private ObjectNode v1JobPost(Row row) {
        SplittableRandom s = r.stable(Resource.JOB_POSTS, row.id());
        SplittableRandom v = r.versioned(Resource.JOB_POSTS, row.id(), row.version());
        Row job = s.nextInt(10) == 0 ? null : r.ref(Resource.JOBS, row.id());
        String title = job == null ? "Future Opportunities: " + pick(s, Vocabulary.JOB_NAMES)
                : r.jobName(job.id()).split(" - ")[0];
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("title", title);
        ObjectNode loc = n.putObject("location");
        Row office = r.ref(Resource.OFFICES, row.id() * 7);
        boolean atOffice = office != null && s.nextBoolean();
        loc.put("id", 123_000 + Math.floorMod(mix(row.id(), 1), 900_000L));
        String city = office != null ? Vocabulary.CITIES[office.index() % Vocabulary.CITIES.length] : pick(s, Vocabulary.CITIES);
        loc.put("name", atOffice ? city : pick(s, Vocabulary.CITIES) + ", Earth");
        loc.put("office_id", atOffice ? office.id() : null);
        loc.put("job_post_custom_location_id", atOffice ? null : 303_000 + Math.floorMod(mix(row.id(), 2), 9_000L));
        loc.set("job_post_location_type", atOffice ? idName(2, "Office") : idName(1, "Free Text"));
        boolean internal = s.nextInt(4) == 0;
        n.put("internal", internal);
        n.put("external", !internal);
        boolean active = jobPostActive(row.id());
        n.put("active", active);
        boolean published = s.nextInt(5) != 0;
        n.put("live", active && published && v.nextInt(10) < 8);
        n.put("first_published_at", published ? ts(between(s, row.created(), r.baselineUpdated(Resource.JOB_POSTS, row)))
                : null);
        n.put("job_id", job == null ? null : job.id());
        n.put("content", "<p>" + rev("We're looking for a " + title + " with " + pick(s, Vocabulary.SKILLS)
                + " experience.", row.version()) + "</p>");
        n.put("internal_content", s.nextInt(3) == 0 ? "" : "<p>Internal applicants: talk to your manager first.</p>");
        n.put("updated_at", ts(row.updated()));
        n.put("created_at", ts(row.created()));
        n.put("demographic_question_set_id", s.nextInt(3) == 0 ? null
                : r.refId(Resource.DEMOGRAPHIC_QUESTION_SETS, row.id()));
        ArrayNode questions = n.putArray("questions");
        standardQuestion(questions, true, "First Name", "first_name", "short_text");
        standardQuestion(questions, true, "Last Name", "last_name", "short_text");
        standardQuestion(questions, true, "Email", "email", "short_text");
        standardQuestion(questions, false, "Phone", "phone", "short_text");
        standardQuestion(questions, s.nextBoolean(), "Resume", "resume", "attachment");
        standardQuestion(questions, false, "Cover Letter", "cover_letter", "attachment");
        for (int q = s.nextInt(4); q > 0; q--) {
            long qid = 200_000 + Math.floorMod(mix(row.id(), q, 3), 800_000L);
            ObjectNode o = questions.addObject();
            o.put("required", s.nextBoolean());
            o.put("private", s.nextInt(4) == 0);
            ArrayNode values;
            switch (s.nextInt(3)) {
                case 0:
                    o.put("label", "Have you ever worked for our organization before?");
                    o.put("name", "question_" + qid);
                    o.put("type", "boolean");
                    values = o.putArray("values");
                    values.addObject().put("value", 0).put("label", "No");
                    values.addObject().put("value", 1).put("label", "Yes");
                    o.put("description", "<p>Please select Yes or No.</p>");
                    break;
                case 1:
                    o.put("label", "Have you applied to this job before?");
                    o.put("name", "question_" + qid + "[]");
                    o.put("type", "multi_select");
                    values = o.putArray("values");
                    String[] labels = {"Yes", "No", "Maybe"};
                    for (int i = 0; i < labels.length; i++) {
                        values.addObject().put("value", qid * 10 + i).put("label", labels[i]);
                    }
                    o.putNull("description");
                    break;
                default:
                    o.put("label", "LinkedIn Profile");
                    o.put("name", "question_" + qid);
                    o.put("type", "short_text");
                    o.putArray("values");
                    o.put("description", "<p>Please enter the URL for your LinkedIn profile.</p>");
                    break;
            }
        }
        return n;
    }

    private static void standardQuestion(ArrayNode questions, boolean required, String label, String name, String type) {
        ObjectNode o = questions.addObject();
        o.put("required", required);
        o.put("private", false);
        o.put("label", label);
        o.put("name", name);
        o.put("type", type);
        o.putArray("values");
        o.putNull("description");
    }

    private ObjectNode v3JobPost(Row row) {
        ObjectNode v1 = v1JobPost(row);
        SplittableRandom m = more(r, Resource.JOB_POSTS, row.id());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.set("active", v1.get("active"));
        n.set("content", v1.get("content"));
        n.set("demographic_question_set_id", v1.get("demographic_question_set_id"));
        n.put("featured", m.nextInt(5) == 0);
        n.set("first_published_at", v1.get("first_published_at"));
        n.set("internal", v1.get("internal"));
        n.set("internal_content", v1.get("internal_content"));
        n.put("job_board_id", r.refId(Resource.JOB_BOARDS, row.id()));
        n.set("job_id", v1.get("job_id"));
        n.put("language", m.nextInt(6) == 0 ? "de" : "en");
        n.set("live", v1.get("live"));
        n.put("public_url", "https://job-boards.greenhouse.io/acme/jobs/" + row.id());
        ArrayNode questions = n.putArray("questions");
        int i = 0;
        for (JsonNode q : v1.get("questions")) {
            ObjectNode o = questions.addObject();
            o.set("answer_type", q.get("type"));
            o.set("description", q.get("description"));
            o.put("id", 400_000 + Math.floorMod(mix(row.id(), i++, 4), 9_000_000L));
            o.set("label", q.get("label"));
            o.set("name", q.get("name"));
            ArrayNode options = o.putArray("options");
            for (JsonNode value : q.get("values")) {
                options.addObject().put("id", value.get("value").asLong()).set("label", value.get("label"));
            }
            o.set("private", q.get("private"));
            o.set("required", q.get("required"));
        }
        n.set("title", v1.get("title"));
        putTimestamps(n, row);
        return n;
    }

    // ------------------------------------------------------------------ job stages, interviews, kits, questions

    private String stageName(Row row) {
        int pos = r.childPosition(Resource.JOBS, Resource.JOB_STAGES, row);
        return Vocabulary.STAGES[(pos + (int) Math.floorMod(row.id(), 2L)) % Vocabulary.STAGES.length];
    }

    private ObjectNode v1JobStage(Row row) {
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("name", stageName(row));
        n.put("created_at", ts(row.created()));
        n.put("updated_at", ts(row.updated()));
        n.put("active", !hashed(Resource.JOB_STAGES, row.id(), 0xAC, 20));
        n.put("job_id", r.parentId(Resource.JOBS, Resource.JOB_STAGES, row));
        n.put("priority", r.childPosition(Resource.JOBS, Resource.JOB_STAGES, row));
        ArrayNode interviews = n.putArray("interviews");
        for (Row ji : r.children(Resource.JOB_STAGES, Resource.JOB_INTERVIEWS, row)) {
            interviews.add(v1StageInterview(ji));
        }
        return n;
    }

    private ObjectNode v3JobStage(Row row) {
        ObjectNode v1 = v1JobStage(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.set("active", v1.get("active"));
        n.set("job_id", v1.get("job_id"));
        n.set("name", v1.get("name"));
        n.set("sort_order", v1.get("priority"));
        putTimestamps(n, row);
        return n;
    }

    /** What a job interview (a slot of a stage's plan) is, from its id and version. */
    private record JobInterview(String name, String schedulingType, int duration, List<User> interviewers,
            boolean requireScorecard, boolean active, String summary, String instructions) {
    }

    private JobInterview jobInterview(Row row) {
        SplittableRandom s = r.stable(Resource.JOB_INTERVIEWS, row.id());
        SplittableRandom v = r.versioned(Resource.JOB_INTERVIEWS, row.id(), row.version());
        String name = pick(s, Vocabulary.INTERVIEW_NAMES);
        int roll = s.nextInt(10);
        String type = roll < 7 ? "needs_scheduling" : roll == 7 ? "take_home_test" : roll == 8 ? "none" : "offer";
        int duration = 30 + 15 * s.nextInt(4);
        List<User> interviewers = new ArrayList<>();
        for (int i = type.equals("needs_scheduling") ? 1 + s.nextInt(2) : 0; i > 0; i--) {
            interviewers.add(r.user(s));
        }
        return new JobInterview(name, type, duration, interviewers, !type.equals("none"), s.nextInt(15) != 0,
                rev("Assess " + name.toLowerCase(Locale.ROOT) + ".", row.version()),
                v.nextInt(3) == 0 ? null : "Use the kit; submit your scorecard within 24 hours.");
    }

    /** A stage's interview as v1 embeds it (the docs show a few with their own timestamps and job id, so do we). */
    private ObjectNode v1StageInterview(Row ji) {
        JobInterview f = jobInterview(ji);
        ObjectNode n = F.objectNode();
        n.put("id", ji.id());
        n.put("name", f.name());
        n.put("schedulable", f.schedulingType().equals("needs_scheduling"));
        n.put("estimated_minutes", f.duration());
        ArrayNode users = n.putArray("default_interviewer_users");
        f.interviewers().forEach(u -> users.add(userRef(u)));
        List<Row> kits = r.children(Resource.JOB_INTERVIEWS, Resource.INTERVIEW_KITS, ji);
        if (kits.isEmpty()) {
            n.putNull("interview_kit");
        } else {
            Row kit = kits.get(0);
            ObjectNode k = n.putObject("interview_kit");
            k.put("id", kit.id());
            k.put("content", kitExercises(kit));
            ArrayNode qs = k.putArray("questions");
            for (Row q : r.children(Resource.INTERVIEW_KITS, Resource.SCORECARD_QUESTIONS, kit)) {
                qs.addObject().put("id", q.id()).put("question", scorecardQuestionText(q.id()));
            }
        }
        if (Math.floorMod(ji.id(), 4L) == 0) {
            n.put("created_at", ts(ji.created()));
            n.put("updated_at", ts(ji.updated()));
            n.put("job_id", jobOfJobInterview(ji));
        }
        return n;
    }

    private Long jobOfJobInterview(Row ji) {
        Row stage = r.parent(Resource.JOB_STAGES, Resource.JOB_INTERVIEWS, ji);
        return stage == null ? null : r.parentId(Resource.JOBS, Resource.JOB_STAGES, stage);
    }

    private ObjectNode v3JobInterview(Row row) {
        JobInterview f = jobInterview(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("active", f.active());
        n.put("duration", f.duration());
        n.put("instructions", f.instructions());
        n.put("job_id", jobOfJobInterview(row));
        n.put("job_interview_stage_id", r.parentId(Resource.JOB_STAGES, Resource.JOB_INTERVIEWS, row));
        n.put("name", f.name());
        n.put("require_scorecard", f.requireScorecard());
        n.put("scheduling_type", f.schedulingType());
        n.put("sort_order", r.childPosition(Resource.JOB_STAGES, Resource.JOB_INTERVIEWS, row));
        n.put("summary", f.summary());
        putTimestamps(n, row);
        return n;
    }

    /** The name of a job interview (as seeded: names do not change). */
    String jobInterviewName(Row ji) {
        return jobInterview(ji).name();
    }

    private String kitExercises(Row kit) {
        SplittableRandom v = r.versioned(Resource.INTERVIEW_KITS, kit.id(), kit.version());
        return v.nextInt(6) == 0 ? null : "<h5>Purpose</h5><span>" + rev("Determine whether or not the candidate "
                + "would be a strong fit.", kit.version()) + "</span>";
    }

    private ObjectNode v3InterviewKit(Row row) {
        SplittableRandom s = r.stable(Resource.INTERVIEW_KITS, row.id());
        Row ji = r.parent(Resource.JOB_INTERVIEWS, Resource.INTERVIEW_KITS, row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("anonymize_candidate", s.nextInt(5) == 0);
        n.put("anonymize_resumes", s.nextInt(5) == 0);
        n.put("exercises", kitExercises(row));
        n.put("job_id", ji == null ? null : jobOfJobInterview(ji));
        n.put("job_interview_id", ji == null ? null : ji.id());
        putTimestamps(n, row);
        return n;
    }

    /** A scorecard question's text depends on its id only. */
    String scorecardQuestionText(long questionId) {
        return pick(r.stable(Resource.SCORECARD_QUESTIONS, questionId), Vocabulary.SCORECARD_QUESTIONS);
    }

    private ObjectNode v3ScorecardQuestion(Row row) {
        SplittableRandom s = r.stable(Resource.SCORECARD_QUESTIONS, row.id());
        s.nextInt(); // the text's draw
        SplittableRandom v = r.versioned(Resource.SCORECARD_QUESTIONS, row.id(), row.version());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("active", s.nextInt(12) != 0);
        n.put("answer_type", new String[] {"text", "yes_no", "single_select", "multi_select", "instruction"}[s.nextInt(5)]);
        n.put("interview_kit_id", r.parentId(Resource.INTERVIEW_KITS, Resource.SCORECARD_QUESTIONS, row));
        n.put("question", scorecardQuestionText(row.id()));
        n.put("required", v.nextBoolean());
        n.put("sort_order", r.childPosition(Resource.INTERVIEW_KITS, Resource.SCORECARD_QUESTIONS, row));
        putTimestamps(n, row);
        return n;
    }

    private ObjectNode v3JobOwner(Row row) {
        SplittableRandom s = r.stable(Resource.JOB_OWNERS, row.id());
        SplittableRandom v = r.versioned(Resource.JOB_OWNERS, row.id(), row.version());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("job_id", r.refId(Resource.JOBS, row.id()));
        n.put("responsible", v.nextBoolean());
        n.put("type", new String[] {"recruiter", "coordinator", "sourcer"}[s.nextInt(3)]);
        n.put("user_id", r.user(s).id());
        putTimestamps(n, row);
        return n;
    }

    private ObjectNode v3JobHiringManager(Row row) {
        SplittableRandom s = r.stable(Resource.JOB_HIRING_MANAGERS, row.id());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("job_id", r.refId(Resource.JOBS, row.id()));
        n.put("user_id", r.user(s).id());
        putTimestamps(n, row);
        return n;
    }

    // ------------------------------------------------------------------ users

    private List<CustomField> userAttributes(SplittableRandom s, SplittableRandom v) {
        List<CustomField> f = new ArrayList<>();
        f.add(new CustomField("equipment", "equipment", "Equipment", "short_text",
                v.nextInt(4) == 0 ? NullNode.getInstance() : F.textNode(new String[] {"Laptop", "Monitor", "Headset"}[v.nextInt(3)])));
        f.add(new CustomField("shirt_size", "shirt_size", "Shirt Size", "single_select",
                F.textNode(new String[] {"S", "M", "L", "XL"}[s.nextInt(4)])));
        ArrayNode specialties = F.arrayNode();
        String[] kinds = {"Engineers", "Executives", "Sales", "Designers"};
        for (int i = 0; i < kinds.length; i++) {
            if (v.nextInt(3) == 0) {
                specialties.add(kinds[i]);
            }
        }
        f.add(new CustomField("hiring_specialties", "hiring_specialties", "Hiring Specialties", "multi_select", specialties));
        f.add(new CustomField("trained_for_interviews", "trained_for_interviews", "Trained for interviews", "boolean",
                F.booleanNode(v.nextBoolean())));
        JsonNode partner = NullNode.getInstance();
        if (s.nextInt(3) == 0) {
            User u = r.user(s);
            ObjectNode p = F.objectNode();
            p.put("name", u.name());
            p.put("email", u.email());
            p.put("user_id", u.id());
            partner = p;
        }
        f.add(new CustomField("recruiting_partner", "recruiting_partner", "Recruiting Partner", "user", partner));
        return f;
    }

    private ObjectNode v1User(Row row) {
        User u = r.userById(row.id());
        SplittableRandom s = more(r, Resource.USERS, row.id());
        SplittableRandom v = r.versioned(Resource.USERS, row.id(), row.version());
        boolean service = serviceAccount(row.id());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("name", u.name());
        n.put("first_name", u.first());
        n.put("last_name", u.last());
        n.put("primary_email_address", service ? "" : u.email());
        n.put("updated_at", ts(row.updated()));
        n.put("created_at", ts(row.created()));
        n.put("disabled", v.nextInt(15) == 0);
        n.put("site_admin", s.nextInt(8) == 0);
        ArrayNode emails = n.putArray("emails");
        if (!service) {
            emails.add(u.email());
            if (s.nextInt(3) == 0) {
                emails.add(Vocabulary.slug(u.first()) + row.id() % 100 + "@personal.example.org");
            }
        }
        n.put("employee_id", u.employeeId());
        ArrayNode linked = n.putArray("linked_candidate_ids");
        if (s.nextInt(6) == 0 && r.refId(Resource.CANDIDATES, row.id()) != null) {
            linked.add(r.refId(Resource.CANDIDATES, row.id()));
        }
        ArrayNode offices = n.putArray("offices");
        for (int o = s.nextInt(3); o > 0; o--) {
            Row office = r.ref(Resource.OFFICES, mix(row.id(), o));
            if (office != null && !containsId(offices, office.id())) {
                offices.add(r.officeV1(office));
            }
        }
        ArrayNode departments = n.putArray("departments");
        Row dept = s.nextInt(4) == 0 ? null : r.ref(Resource.DEPARTMENTS, row.id());
        if (dept != null) {
            departments.add(r.v1Department(dept));
        }
        putCustomFieldsV1(n, userAttributes(s, v));
        return n;
    }

    private static boolean containsNumber(ArrayNode array, long value) {
        for (JsonNode e : array) {
            if (e.asLong() == value) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsId(ArrayNode array, long id) {
        for (JsonNode e : array) {
            if (e.path("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode v3User(Row row) {
        ObjectNode v1 = v1User(row);
        SplittableRandom m = r.versioned(Resource.USERS, row.id(), -row.version());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.putNull("agency_id");
        n.set("custom_fields", v1.get("keyed_custom_fields"));
        n.set("deactivated", v1.get("disabled"));
        ArrayNode depts = n.putArray("department_ids");
        v1.get("departments").forEach(d -> depts.add(d.get("id").asLong()));
        n.set("emails", v1.get("emails"));
        n.set("employee_id", v1.get("employee_id"));
        n.set("first_name", v1.get("first_name"));
        ArrayNode tags = n.putArray("interviewer_tags");
        for (int t = m.nextInt(3); t > 0; t--) {
            Row tag = r.ref(Resource.INTERVIEWER_TAGS, mix(row.id(), t));
            if (tag != null && !containsId(tags, tag.id())) {
                tags.add(idName(tag.id(), nth(Vocabulary.INTERVIEWER_TAGS, tag.index())));
            }
        }
        n.put("job_title", pick(more(r, Resource.USERS, -row.id()), Vocabulary.TITLES));
        n.set("last_name", v1.get("last_name"));
        n.set("linked_candidate_ids", v1.get("linked_candidate_ids"));
        n.set("name", v1.get("name"));
        ArrayNode offices = n.putArray("office_ids");
        v1.get("offices").forEach(o -> offices.add(o.get("id").asLong()));
        n.set("primary_email", v1.get("primary_email_address"));
        n.set("site_admin", v1.get("site_admin"));
        putTimestamps(n, row);
        return n;
    }

    private ObjectNode v3UserEmail(Row row) {
        SplittableRandom v = r.versioned(Resource.USER_EMAILS, row.id(), row.version());
        Row owner = r.parent(Resource.USERS, Resource.USER_EMAILS, row);
        User u = owner == null ? r.userFor(row.id()) : r.userById(owner.id());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("email", Vocabulary.slug(u.first()) + "." + Vocabulary.slug(u.last()) + "+"
                + (1 + r.childPosition(Resource.USERS, Resource.USER_EMAILS, row)) + "@example.com");
        n.put("user_id", u.id());
        boolean verified = v.nextInt(4) != 0;
        n.put("verified", verified);
        n.put("verification_token_sent_at", ts(between(v, row.created(), Math.max(row.created(), row.updated()))));
        putTimestamps(n, row);
        return n;
    }

    private ObjectNode v3UserJobPermission(Row row) {
        SplittableRandom s = r.stable(Resource.USER_JOB_PERMISSIONS, row.id());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("automated", s.nextInt(4) == 0);
        n.put("job_id", r.refId(Resource.JOBS, row.id()));
        n.put("role_id", r.refId(Resource.USER_ROLES, row.id()));
        n.put("user_id", r.user(s).id());
        putTimestamps(n, row);
        return n;
    }

    private ObjectNode v3FutureJobPermission(Row row) {
        SplittableRandom s = r.stable(Resource.FUTURE_JOB_PERMISSIONS, row.id());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("department_id", s.nextBoolean() ? r.refId(Resource.DEPARTMENTS, row.id()) : null);
        n.put("office_id", s.nextBoolean() ? r.refId(Resource.OFFICES, row.id()) : null);
        n.put("role_id", r.refId(Resource.USER_ROLES, row.id()));
        n.put("user_id", r.user(s).id());
        putTimestamps(n, row);
        return n;
    }

    // ------------------------------------------------------------------ custom fields

    private String customFieldBaseName(Row row) {
        return nth(Vocabulary.CUSTOM_FIELD_NAMES, row.index());
    }

    private static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("(^_|_$)", "");
    }

    private ObjectNode v1CustomField(Row row) {
        SplittableRandom s = r.stable(Resource.CUSTOM_FIELDS, row.id());
        SplittableRandom v = r.versioned(Resource.CUSTOM_FIELDS, row.id(), row.version());
        String base = customFieldBaseName(row);
        String key = nameKey(base);
        List<Row> options = r.children(Resource.CUSTOM_FIELDS, Resource.CUSTOM_FIELD_OPTIONS, row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("name", rev(base, row.version()));
        n.put("active", customFieldActive(row.id()));
        n.put("field_type", pick(s, Vocabulary.FIELD_TYPES));
        n.put("priority", r.isSeeded(Resource.CUSTOM_FIELDS, row) ? row.index() : 0);
        n.put("value_type", !options.isEmpty() ? (s.nextBoolean() ? "single_select" : "multi_select")
                : pick(s, Vocabulary.VALUE_TYPES));
        n.put("private", s.nextInt(4) == 0);
        n.put("required", s.nextInt(5) == 0);
        n.put("require_approval", s.nextInt(3) == 0);
        n.put("trigger_new_version", s.nextInt(6) == 0);
        n.put("name_key", key);
        n.put("description", v.nextInt(4) == 0 ? null : rev(base + " of this record", row.version()));
        n.put("expose_in_job_board_api", s.nextInt(3) == 0);
        n.put("api_only", s.nextInt(10) == 0);
        ArrayNode offices = n.putArray("offices");
        Row office = s.nextInt(3) == 0 ? r.ref(Resource.OFFICES, row.id()) : null;
        if (office != null) {
            offices.add(r.officeV1(office));
        }
        ArrayNode departments = n.putArray("departments");
        Row dept = s.nextInt(3) == 0 ? r.ref(Resource.DEPARTMENTS, row.id()) : null;
        if (dept != null) {
            departments.add(r.v1Department(dept));
        }
        n.put("template_token_string", "{{" + key.toUpperCase(Locale.ROOT) + "}}");
        ArrayNode opts = n.putArray("custom_field_options");
        for (Row o : options) {
            if (customFieldOptionActive(o.id())) {
                ObjectNode on = opts.addObject();
                on.put("id", o.id());
                on.put("name", customFieldOptionName(o));
                on.put("priority", r.childPosition(Resource.CUSTOM_FIELDS, Resource.CUSTOM_FIELD_OPTIONS, o));
                on.put("external_id", customFieldOptionExternalId(o.id()));
            }
        }
        return n;
    }

    private ObjectNode v3CustomField(Row row) {
        ObjectNode v1 = v1CustomField(row);
        SplittableRandom m = more(r, Resource.CUSTOM_FIELDS, row.id());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.set("active", v1.get("active"));
        n.set("api_only", v1.get("api_only"));
        n.put("application_type", v1.get("field_type").asText().equals("application") ? "all" : null);
        JsonNode defaultValue = v1.get("value_type").asText().equals("short_text") && m.nextBoolean()
                ? F.textNode("n/a") : NullNode.getInstance();
        n.set("default_value", defaultValue);
        n.set("description", v1.get("description"));
        n.set("expose_in_job_board_api", v1.get("expose_in_job_board_api"));
        n.set("field_type", v1.get("field_type"));
        n.put("internal_type", m.nextInt(6) == 0 ? "employment_type" : null);
        n.set("name", v1.get("name"));
        n.set("name_key", v1.get("name_key"));
        n.put("placeholder", m.nextInt(3) == 0 ? "e.g. " + v1.get("name").asText() : null);
        n.set("private", v1.get("private"));
        n.set("require_approval", v1.get("require_approval"));
        n.set("required", v1.get("required"));
        n.set("sort_order", v1.get("priority"));
        n.set("template_token_string", v1.get("template_token_string"));
        n.set("trigger_new_version", v1.get("trigger_new_version"));
        n.set("updated_by_id", m.nextBoolean() ? F.numberNode(r.user(m).id()) : NullNode.getInstance());
        n.put("use_for_job_approvals", m.nextInt(4) == 0);
        n.put("use_for_offer_approvals", m.nextInt(4) == 0);
        n.set("value_type", v1.get("value_type"));
        putTimestamps(n, row);
        return n;
    }

    boolean customFieldOptionActive(long id) {
        return !hashed(Resource.CUSTOM_FIELD_OPTIONS, id, 0xAC, 10);
    }

    private String customFieldOptionName(Row o) {
        int pos = r.childPosition(Resource.CUSTOM_FIELDS, Resource.CUSTOM_FIELD_OPTIONS, o);
        return rev(Vocabulary.OPTION_NAMES[(pos + (int) Math.floorMod(o.id(), 5L)) % Vocabulary.OPTION_NAMES.length],
                o.version());
    }

    private String customFieldOptionExternalId(long id) {
        return hashed(Resource.CUSTOM_FIELD_OPTIONS, id, 0xE1, 2) ? null : "opt-" + id;
    }

    private ObjectNode v3CustomFieldOption(Row row) {
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("active", customFieldOptionActive(row.id()));
        n.put("custom_field_id", r.parentId(Resource.CUSTOM_FIELDS, Resource.CUSTOM_FIELD_OPTIONS, row));
        n.put("external_id", customFieldOptionExternalId(row.id()));
        n.put("name", customFieldOptionName(row));
        n.put("sort_order", r.childPosition(Resource.CUSTOM_FIELDS, Resource.CUSTOM_FIELD_OPTIONS, row));
        putTimestamps(n, row);
        return n;
    }

    // ------------------------------------------------------------------ email templates

    private ObjectNode v1EmailTemplate(Row row) {
        SplittableRandom s = r.stable(Resource.EMAIL_TEMPLATES, row.id());
        SplittableRandom v = r.versioned(Resource.EMAIL_TEMPLATES, row.id(), row.version());
        int kind = row.index() % Vocabulary.EMAIL_TEMPLATE_NAMES.length;
        User owner = s.nextInt(5) < 2 ? r.user(s) : null;
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("name", nth(Vocabulary.EMAIL_TEMPLATE_NAMES, row.index()));
        n.put("description", rev("To be sent for " + Vocabulary.EMAIL_TYPES[kind].replace('_', ' '), row.version()));
        n.put("default", row.index() < Vocabulary.EMAIL_TEMPLATE_NAMES.length && s.nextBoolean());
        n.put("updated_at", ts(row.updated()));
        n.put("created_at", ts(row.created()));
        n.put("type", Vocabulary.EMAIL_TYPES[kind]);
        n.put("from", owner != null ? "{{MY_EMAIL_ADDRESS}}" : null);
        ArrayNode cc = n.putArray("cc");
        if (v.nextInt(3) == 0) {
            cc.add(r.user(v).email());
        }
        boolean html = s.nextInt(10) < 7;
        String text = "Hi {{CANDIDATE_FIRST_NAME}}, " + rev("please let me know if you're still interested in {{JOB_NAME}}.",
                row.version());
        n.put("body", html ? null : text);
        n.put("html_body", html ? "<p>" + text + "</p><p>{{MY_SIGNATURE}}</p>" : null);
        n.set("user", owner == null ? NullNode.getInstance() : userRef(owner));
        return n;
    }

    private ObjectNode v3EmailTemplate(Row row) {
        ObjectNode v1 = v1EmailTemplate(row);
        SplittableRandom m = more(r, Resource.EMAIL_TEMPLATES, row.id());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.set("body", v1.get("body"));
        n.put("cc_coordinator", m.nextInt(4) == 0);
        n.put("cc_recruiter", m.nextInt(3) == 0);
        n.set("default", v1.get("default"));
        n.set("description", v1.get("description"));
        n.set("email_type", v1.get("type"));
        n.put("from_type", v1.get("user").isNull() ? "organization_email" : "my_email_address");
        n.set("html_body", v1.get("html_body"));
        n.set("name", v1.get("name"));
        n.put("office_anywhere", m.nextBoolean());
        n.put("recipients", m.nextInt(3) == 0 ? "{{CANDIDATE_EMAIL_ADDRESS}}" : null);
        n.put("subject", "Re: {{JOB_NAME}} at {{COMPANY_NAME}}");
        JsonNode user = v1.get("user");
        n.set("user_id", user.isNull() ? NullNode.getInstance() : user.get("id"));
        putTimestamps(n, row);
        return n;
    }

    // ------------------------------------------------------------------ small dictionaries

    String sourceName(Row source) {
        return rev(nth(Vocabulary.SOURCES, source.index()), source.version());
    }

    private ObjectNode v1Source(Row row) {
        SplittableRandom s = r.stable(Resource.SOURCES, row.id());
        ObjectNode n = idName(row.id(), sourceName(row));
        int type = s.nextInt(Vocabulary.SOURCE_TYPES.length);
        n.set("type", idName(type + 1, Vocabulary.SOURCE_TYPES[type]));
        return n;
    }

    private ObjectNode v3Referrer(Row row) {
        SplittableRandom s = r.stable(Resource.REFERRERS, row.id());
        User u = s.nextInt(3) == 0 ? null : r.user(s);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("name", u != null ? u.name() : pick(s, Vocabulary.FIRST_NAMES) + " " + pick(s, Vocabulary.LAST_NAMES));
        n.put("user_id", u == null ? null : u.id());
        putTimestamps(n, row);
        return n;
    }

    private static final String[][] REJECTION_TYPES = {{"1", "We rejected them", "WE_REJECTED_THEM"},
        {"2", "They rejected us", "THEY_REJECTED_US"}, {"3", "None specified", "NONE_SPECIFIED"}};

    private String[] rejectionType(Row row) {
        int t = r.stable(Resource.REJECTION_REASONS, row.id()).nextInt(10);
        return REJECTION_TYPES[t < 6 ? 0 : t < 9 ? 1 : 2];
    }

    /** v1 rejection reason; also what applications embed (from the seeded record). */
    ObjectNode v1RejectionReason(Row row) {
        ObjectNode n = idName(row.id(), rev(nth(Vocabulary.REJECTION_REASONS, row.index()), row.version()));
        String[] type = rejectionType(row);
        n.set("type", idName(Long.parseLong(type[0]), type[1]));
        return n;
    }

    private ObjectNode v3RejectionReason(Row row) {
        ObjectNode n = v1RejectionReason(row);
        ((ObjectNode) n.get("type")).put("key", rejectionType(row)[2]);
        return withTimestamps(n, row);
    }

    String closeReasonName(Row row) {
        return rev(nth(Vocabulary.CLOSE_REASONS, row.index()), row.version());
    }

    private ObjectNode v1CloseReason(Row row) {
        return idName(row.id(), closeReasonName(row));
    }

    String prospectPoolName(Row pool) {
        return rev(nth(Vocabulary.PROSPECT_POOLS, pool.index()), pool.version());
    }

    String prospectPoolStageName(Row stage) {
        int pos = r.childPosition(Resource.PROSPECT_POOLS, Resource.PROSPECT_POOL_STAGES, stage);
        return rev(Vocabulary.PROSPECT_STAGES[(pos + (int) Math.floorMod(stage.id(), 3L))
                % Vocabulary.PROSPECT_STAGES.length], stage.version());
    }

    private boolean prospectPoolActive(Row row) {
        return !hashed(Resource.PROSPECT_POOLS, row.id(), 0xAC, 5);
    }

    private ObjectNode v1ProspectPool(Row row) {
        ObjectNode n = idName(row.id(), prospectPoolName(row));
        n.put("active", prospectPoolActive(row));
        ArrayNode stages = n.putArray("prospect_stages");
        for (Row st : r.children(Resource.PROSPECT_POOLS, Resource.PROSPECT_POOL_STAGES, row)) {
            stages.add(idName(st.id(), prospectPoolStageName(st)));
        }
        return n;
    }

    private ObjectNode v3ProspectPool(Row row) {
        SplittableRandom s = r.stable(Resource.PROSPECT_POOLS, row.id());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("active", prospectPoolActive(row));
        ArrayNode depts = n.putArray("department_ids");
        if (s.nextBoolean() && r.refId(Resource.DEPARTMENTS, row.id()) != null) {
            depts.add(r.refId(Resource.DEPARTMENTS, row.id()));
        }
        n.put("description", s.nextInt(3) == 0 ? null : "Prospects for " + prospectPoolName(row));
        ArrayNode jobs = n.putArray("job_ids");
        for (int j = s.nextInt(3); j > 0; j--) {
            Long job = r.refId(Resource.JOBS, mix(row.id(), j));
            if (job != null && !containsNumber(jobs, job)) {
                jobs.add(job);
            }
        }
        n.put("name", prospectPoolName(row));
        ArrayNode offices = n.putArray("office_ids");
        if (s.nextBoolean() && r.refId(Resource.OFFICES, row.id()) != null) {
            offices.add(r.refId(Resource.OFFICES, row.id()));
        }
        putTimestamps(n, row);
        return n;
    }

    private ObjectNode v3ProspectPoolStage(Row row) {
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("name", prospectPoolStageName(row));
        n.put("prospect_pool_id", r.parentId(Resource.PROSPECT_POOLS, Resource.PROSPECT_POOL_STAGES, row));
        n.put("sort_order", r.childPosition(Resource.PROSPECT_POOLS, Resource.PROSPECT_POOL_STAGES, row));
        putTimestamps(n, row);
        return n;
    }

    /** A candidate tag's name as seeded (renamed tags get " (rev n)" in the tag list only). */
    String candidateTagName(Row tag) {
        return nth(Vocabulary.TAGS, tag.index());
    }

    private ObjectNode educationOption(Row row, String[] words) {
        ObjectNode n = idName(row.id(), rev(nth(words, row.index()), row.version()));
        n.put("priority", row.index());
        return n;
    }

    private ObjectNode v1QuestionSet(Row row) {
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("title", rev(nth(Vocabulary.QUESTION_SETS, row.index()), row.version()));
        n.put("description", "<p>Questions for " + (row.index() % 2 == 0 ? "US" : "European") + " candidates</p>");
        n.put("active", !hashed(Resource.DEMOGRAPHIC_QUESTION_SETS, row.id(), 0xAC, 6));
        return n;
    }

    private ObjectNode v3QuestionSet(Row row) {
        ObjectNode n = v1QuestionSet(row);
        n.put("enabled", n.get("active").asBoolean() && !hashed(Resource.DEMOGRAPHIC_QUESTION_SETS, row.id(), 0xE, 4));
        return withTimestamps(n, row);
    }

    /** Answer options: "Other" ones take free text, "I don't wish to answer" ones decline. */
    boolean answerOptionFreeForm(long id) {
        return hashed(Resource.DEMOGRAPHIC_ANSWER_OPTIONS, id, 0xFF, 8);
    }

    private boolean answerOptionDeclines(long id) {
        return !answerOptionFreeForm(id) && hashed(Resource.DEMOGRAPHIC_ANSWER_OPTIONS, id, 0xDE, 8);
    }

    private String answerOptionName(Row row) {
        String base = answerOptionFreeForm(row.id()) ? "Other" : answerOptionDeclines(row.id())
                ? "I don't wish to answer" : nth(Vocabulary.ANSWER_OPTIONS, row.index());
        return rev(base, row.version());
    }

    private ObjectNode v1AnswerOption(Row row) {
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("free_form", answerOptionFreeForm(row.id()));
        n.put("active", !hashed(Resource.DEMOGRAPHIC_ANSWER_OPTIONS, row.id(), 0xAC, 15));
        String name = answerOptionName(row);
        n.put("name", name);
        n.put("demographic_question_id", r.parentId(Resource.DEMOGRAPHIC_QUESTIONS, Resource.DEMOGRAPHIC_ANSWER_OPTIONS, row));
        ObjectNode tr = n.putArray("translations").addObject();
        tr.put("language", "en");
        tr.put("name", name);
        return n;
    }

    private ObjectNode v3AnswerOption(Row row) {
        ObjectNode v1 = v1AnswerOption(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.set("active", v1.get("active"));
        n.put("decline_to_answer", answerOptionDeclines(row.id()) ? Boolean.TRUE : null);
        n.set("demographic_question_id", v1.get("demographic_question_id"));
        n.set("free_form", v1.get("free_form"));
        n.set("name", v1.get("name"));
        n.put("sort_order", r.childPosition(Resource.DEMOGRAPHIC_QUESTIONS, Resource.DEMOGRAPHIC_ANSWER_OPTIONS, row));
        putTimestamps(n, row);
        return n;
    }

    private ObjectNode v3JobBoard(Row row) {
        SplittableRandom s = r.stable(Resource.JOB_BOARDS, row.id());
        boolean internal = row.index() % 3 == 1;
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("about", s.nextBoolean() ? null : "<p>About Acme: we make everything.</p>");
        n.put("company_name", row.index() % 4 == 3 ? "Acme Labs" : "Acme Corp");
        n.put("conclusion", s.nextBoolean() ? null : "<p>Acme is an equal opportunity employer.</p>");
        n.put("internal", internal);
        n.put("introduction", rev("<p>Join us!</p>", row.version()));
        n.put("status", s.nextInt(5) == 0 ? "not_live" : "live");
        n.put("url_token", (internal ? "acmeinternal" : "acme") + (row.index() == 0 ? "" : String.valueOf(row.index())));
        putTimestamps(n, row);
        return n;
    }
}
