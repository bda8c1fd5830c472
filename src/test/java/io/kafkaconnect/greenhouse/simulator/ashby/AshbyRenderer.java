package io.kafkaconnect.greenhouse.simulator.ashby;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbyStore.HistoryEntry;
import io.kafkaconnect.greenhouse.simulator.ashby.AshbyStore.Row;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders records from the example templates {@code /ashby-examples/<resource>.json} on the test class path (a JSON
 * array per resource; record i uses template i mod n). Each record gets its own {@code id}, timestamps, a few
 * name-like values, and references to other simulated records (application -> candidate, job, source, user; job ->
 * department, location; ...). Fields are only replaced where the template has them, so the templates decide the
 * shape. References show the referenced record as seeded (its version-independent values), so an edit changes only
 * the edited record's JSON.
 *
 * <p>How an edit shows: resources with {@code updatedAt} (or {@code submittedAt}) get the new time; offers get a new
 * {@code latestVersion} (id, createdAt); locations, sources and archive reasons, which have no change time, get
 * " (rev N)" on their name; candidates also change {@code position}; applications may move to their next stage.
 */
final class AshbyRenderer {
    static final String TEMPLATE_DIR = "/ashby-examples/";
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Pseudo resource codes for ids of things that are not records of their own. */
    private static final int EVENT_CODE = 41;
    private static final int OFFER_VERSION_CODE = 42;
    private static final int OPENING_VERSION_CODE = 44;

    static final String[] FIRST_NAMES = {"Amara", "Daniel", "Kate", "Hugo", "Sayid", "Sun", "Jin", "Claire", "Priya",
        "Kenji", "Mateo", "Zoe", "Omar", "Lena", "Ivan", "Chloé", "Søren", "Aisha", "Björn", "Grace", "Tomás", "Mei"};
    static final String[] LAST_NAMES = {"Nwosu", "Okafor", "Austen", "Reyes", "Jarrah", "Kwon", "Littleton", "Patel",
        "Tanaka", "García", "Müller", "O'Neil", "Nguyen", "Kowalski", "Dubois", "Andersen", "Hopper", "Lovelace"};
    static final String[] POSITIONS = {"Software Engineer", "Senior Software Engineer", "Staff Software Engineer",
        "Data Scientist", "Product Manager", "UX Designer", "Account Executive", "Engineering Manager",
        "Site Reliability Engineer", "Solutions Architect"};
    static final String[] COMPANIES = {"Globex Corporation", "Initech", "Umbrella", "Hooli", "Stark Industries",
        "Wayne Enterprises", "Pied Piper", "Vandelay Industries", "Cyberdyne", "Tyrell Corp"};
    static final String[] JOB_TITLES = {"Senior Backend Engineer", "Frontend Engineer", "Data Scientist",
        "Product Designer", "Site Reliability Engineer", "Account Executive", "Recruiter", "Security Engineer",
        "Support Specialist", "Engineering Manager", "Product Manager", "Technical Writer"};
    static final String[] DEPARTMENTS = {"Engineering", "Platform", "Design", "Sales", "Marketing", "Finance",
        "People", "Legal", "Customer Success", "Operations", "Research"};
    static final String[] LOCATIONS = {"London", "New York", "San Francisco", "Berlin", "Dublin", "Toronto", "Lagos",
        "Sydney", "Remote (EMEA)", "Remote (Americas)"};
    static final String[] SOURCES = {"LinkedIn", "Referral", "Company website", "Indeed", "Agency", "Meetup",
        "Campus fair", "Hacker News"};
    static final String[] ARCHIVE_REASONS = {"Too inexperienced", "Accepted another offer", "Position filled",
        "Compensation mismatch", "Withdrew", "Not a fit for the role", "No response"};
    static final String[] STAGES = {"Application Review", "Recruiter Screen", "Technical Screen", "Onsite",
        "Reference Check", "Offer"};

    private final ObjectMapper json = new ObjectMapper();
    private final Map<AshbyResource, List<ObjectNode>> templates = new EnumMap<>(AshbyResource.class);
    private final AshbyIds ids;
    private final long seed;
    private final Map<AshbyResource, Integer> seeded = new EnumMap<>(AshbyResource.class);

    AshbyRenderer(long seed, AshbyIds ids, Map<AshbyResource, Integer> seededCounts) {
        this.seed = seed;
        this.ids = ids;
        this.seeded.putAll(seededCounts);
        for (AshbyResource r : AshbyResource.values()) {
            templates.put(r, load(r));
        }
    }

    private List<ObjectNode> load(AshbyResource r) {
        String path = TEMPLATE_DIR + r.resourceName + ".json";
        try (InputStream in = AshbyRenderer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing record template " + path + " on the class path");
            }
            JsonNode n = json.readTree(in);
            List<ObjectNode> out = new ArrayList<>();
            if (n != null && n.isArray()) {
                n.forEach(e -> {
                    if (e.isObject()) {
                        out.add((ObjectNode) e);
                    }
                });
            }
            if (out.isEmpty()) {
                throw new IllegalStateException(path + " must be a JSON array of at least one object");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static String ts(long epochMs) {
        return TS.format(Instant.ofEpochMilli(epochMs));
    }

    // ------------------------------------------------------------------ ids and references

    String id(AshbyResource r, int index) {
        return ids.id(r.code, 0, index);
    }

    /** Id of the {@code i mod seeded}-th seeded record of {@code r}, or null if there are none. */
    private String ref(AshbyResource r, long i) {
        int n = seeded.getOrDefault(r, 0);
        return n == 0 ? null : id(r, (int) Math.floorMod(i, (long) n));
    }

    private int refIndex(AshbyResource r, long i) {
        int n = seeded.getOrDefault(r, 0);
        return n == 0 ? -1 : (int) Math.floorMod(i, (long) n);
    }

    String historyId(int appIndex, int number) {
        return ids.id(AshbyResource.APPLICATION_HISTORY.code, number, appIndex);
    }

    /** The stage of the first interview plan that applications, schedules and history entries are in. */
    private String stageId(int stage) {
        return ids.id(AshbyResource.INTERVIEW_STAGES.code, stage % STAGES.length, 0);
    }

    /** The id of {@code r}'s seeded record {@code i mod seeded}, or null: where a template has the field. */
    private void setRef(JsonNode node, String field, AshbyResource r, long i) {
        if (node != null && node.isObject()) {
            set((ObjectNode) node, field, ref(r, i));
        }
    }

    private int hash(AshbyResource r, int index) {
        return (int) (AshbyIds.mix(seed ^ ((long) r.code << 40) ^ index) >>> 33);
    }

    private static String pick(String[] words, int h) {
        return words[Math.floorMod(h, words.length)];
    }

    /** A word from the list, numbered beyond the list's length so names stay unique. */
    private static String label(String[] words, int index) {
        String base = words[index % words.length];
        return index < words.length ? base : base + " " + (index / words.length + 1);
    }

    private static String rev(String s, int version) {
        return version > 1 ? s + " (rev " + version + ")" : s;
    }

    private String firstName(AshbyResource r, int index) {
        return pick(FIRST_NAMES, hash(r, index));
    }

    private String lastName(AshbyResource r, int index) {
        return pick(LAST_NAMES, hash(r, index) / FIRST_NAMES.length);
    }

    private String email(AshbyResource r, int index, String domain) {
        String local = (firstName(r, index) + "." + lastName(r, index)).toLowerCase(Locale.ROOT);
        local = Normalizer.normalize(local, Normalizer.Form.NFD).replaceAll("[^a-z.]", "");
        return local + (index + 1) + "@" + domain;
    }

    // ------------------------------------------------------------------ records

    ObjectNode render(Row row) {
        AshbyResource r = row.resource();
        List<ObjectNode> tpl = templates.get(r);
        ObjectNode n = tpl.get(row.index() % tpl.size()).deepCopy();
        int i = row.index();
        int v = row.version();
        String id = id(r, i);
        n.put("id", id);
        set(n, "createdAt", ts(row.created()));
        if (r.changeField != null) {
            n.put(r.changeField, ts(row.updated()));
        }
        switch (r) {
            case CANDIDATES -> candidate(n, i, v);
            case APPLICATIONS -> application(n, row);
            case JOBS -> {
                job(n, i);
                if (row.inactive()) {
                    n.put("status", "Draft");
                }
            }
            case USERS -> {
                set(n, "firstName", firstName(r, i));
                set(n, "lastName", lastName(r, i));
                set(n, "email", email(r, i, "northwind.example"));
                n.put("isEnabled", !row.inactive());
                set(n, "managerId", i == 0 ? null : ref(AshbyResource.USERS, i / 8));
            }
            case DEPARTMENTS -> {
                set(n, "name", label(DEPARTMENTS, i));
                n.put("isArchived", row.inactive());
                set(n, "parentId", i % 4 == 3 ? ref(AshbyResource.DEPARTMENTS, i / 4) : null);
            }
            case LOCATIONS -> {
                set(n, "name", rev(label(LOCATIONS, i), v));
                n.put("isArchived", row.inactive());
                set(n, "parentLocationId", i % 5 == 4 ? ref(AshbyResource.LOCATIONS, i / 5) : null);
            }
            case SOURCES -> {
                set(n, "title", rev(label(SOURCES, i), v));
                n.put("isArchived", row.inactive());
            }
            case ARCHIVE_REASONS -> {
                set(n, "text", rev(label(ARCHIVE_REASONS, i), v));
                n.put("isArchived", row.inactive());
            }
            case INTERVIEW_SCHEDULES -> schedule(n, row, id);
            case OFFERS -> offer(n, row);
            case APPLICATION_FEEDBACK -> {
                int app = refIndex(AshbyResource.APPLICATIONS, i);
                set(n, "applicationId", app < 0 ? null : id(AshbyResource.APPLICATIONS, app));
                set(n, "candidateId", app < 0 ? null : ref(AshbyResource.CANDIDATES, app));
                set(n, "applicationHistoryId", app < 0 ? null : historyId(app, 0));
                set(n, "interviewId", ref(AshbyResource.INTERVIEWS, i));
                set(n, "feedbackFormDefinitionId", ref(AshbyResource.FEEDBACK_FORM_DEFINITIONS, i));
                user(n.get("submittedByUser"), i * 3L);
            }
            case OPENINGS -> {
                JsonNode lv = n.get("latestVersion");
                if (lv != null && lv.isObject()) {
                    ObjectNode o = (ObjectNode) lv;
                    set(o, "id", ids.id(OPENING_VERSION_CODE, Math.min(v, (1 << 24) - 1), i));
                    set(o, "createdAt", ts(row.updated()));
                    set(o, "identifier", "REQ-" + (1000 + i));
                    set(o, "authorId", ref(AshbyResource.USERS, i));
                    set(o, "jobIds", refs(AshbyResource.JOBS, i));
                }
            }
            case JOB_POSTINGS -> {
                int job = refIndex(AshbyResource.JOBS, i);
                set(n, "jobId", job < 0 ? null : id(AshbyResource.JOBS, job));
                set(n, "title", label(JOB_TITLES, Math.max(0, job)));
            }
            case JOB_TEMPLATES -> set(n, "title", label(JOB_TITLES, i) + " (template)");
            case PROJECTS -> {
                set(n, "title", rev("Project " + label(JOB_TITLES, i), v));
                set(n, "authorId", ref(AshbyResource.USERS, i));
            }
            case APPROVALS -> {
                set(n, "entityId", ref(AshbyResource.OFFERS, i));
                set(n, "status", v > 1 ? "Approved" : "Pending");
                set(n, "completedAt", v > 1 ? ts(row.updated()) : null);
            }
            case INTERVIEWS -> {
                set(n, "title", rev("Interview " + (i + 1), v));
                set(n, "isArchived", row.inactive());
                set(n, "feedbackFormDefinitionId", ref(AshbyResource.FEEDBACK_FORM_DEFINITIONS, i));
                set(n, "jobId", ref(AshbyResource.JOBS, i));
            }
            case INTERVIEWER_POOLS, CUSTOM_FIELDS, CANDIDATE_TAGS, FEEDBACK_FORM_DEFINITIONS,
                    SURVEY_FORM_DEFINITIONS, HIRING_TEAM_ROLES, JOB_BOARDS -> {
                set(n, "title", rev(r.resourceName.replace('_', ' ') + " " + (i + 1), v));
                set(n, "isArchived", row.inactive());
            }
            case INTERVIEW_PLANS -> set(n, "title", label(JOB_TITLES, i) + " plan");
            case CLOSE_REASONS -> {
                set(n, "text", rev(label(ARCHIVE_REASONS, i), v));
                set(n, "isArchived", row.inactive());
            }
            case SOURCE_TRACKING_LINKS -> {
                set(n, "code", rev("link-" + (i + 1), v));
                set(n, "sourceId", ref(AshbyResource.SOURCES, i));
            }
            case SURVEY_SUBMISSIONS -> {
                int app = refIndex(AshbyResource.APPLICATIONS, i);
                set(n, "applicationId", app < 0 ? null : id(AshbyResource.APPLICATIONS, app));
                set(n, "candidateId", app < 0 ? null : ref(AshbyResource.CANDIDATES, app));
                n.put("surveyType", AshbyResource.SURVEY_TYPES.get(AshbyStore.surveyType(i)));
            }
            default -> throw new IllegalArgumentException("not a record resource: " + r);
        }
        return n;
    }

    /** A one-element id list of {@code r}'s seeded records (empty if it has none). */
    private ArrayNode refs(AshbyResource r, long i) {
        ArrayNode out = NODES.arrayNode();
        String ref = ref(r, i);
        if (ref != null) {
            out.add(ref);
        }
        return out;
    }

    /**
     * The list of one parent's records as Ashby answers it: history entries and notes without the parent's id,
     * stages and events with it.
     */
    List<ObjectNode> children(AshbyResource r, Row parent, AshbyStore store) {
        List<ObjectNode> out = new ArrayList<>();
        switch (r) {
            case APPLICATION_HISTORY -> store.history(parent.index()).forEach(e -> out.add(renderHistory(e,
                    historyActor(e))));
            case CANDIDATE_NOTES -> store.notes(parent.index()).forEach(e -> out.add(renderNote(e)));
            case INTERVIEW_STAGES -> {
                List<ObjectNode> tpl = templates.get(r);
                for (int k = 0; k < STAGES.length; k++) {
                    ObjectNode n = tpl.get(k % tpl.size()).deepCopy();
                    n.put("id", ids.id(r.code, k, parent.index()));
                    set(n, "title", rev(STAGES[k % STAGES.length], parent.version()));
                    set(n, "orderInInterviewPlan", k);
                    set(n, "interviewPlanId", id(AshbyResource.INTERVIEW_PLANS, parent.index()));
                    out.add(n);
                }
            }
            case INTERVIEW_EVENTS -> {
                JsonNode events = render(parent).get("interviewEvents");
                if (events != null && events.isArray()) {
                    events.forEach(e -> out.add((ObjectNode) e));
                }
            }
            default -> throw new IllegalArgumentException("not listed per parent: " + r);
        }
        return out;
    }

    /** One note of a candidate (no candidateId, as Ashby returns it). */
    private ObjectNode renderNote(HistoryEntry e) {
        AshbyResource r = AshbyResource.CANDIDATE_NOTES;
        List<ObjectNode> tpl = templates.get(r);
        ObjectNode n = tpl.get(e.number() % tpl.size()).deepCopy();
        n.put("id", ids.id(r.code, e.number(), e.appIndex()));
        n.put("createdAt", ts(e.enteredAt()));
        set(n, "content", "<p>Note " + (e.number() + 1) + " about " + firstName(AshbyResource.CANDIDATES,
                e.appIndex()) + "</p>");
        user(n.get("author"), (long) e.appIndex() * 3 + e.number());
        n.remove("candidateId");
        return n;
    }

    private void candidate(ObjectNode n, int i, int v) {
        AshbyResource r = AshbyResource.CANDIDATES;
        String email = email(r, i, "mailbox.example");
        set(n, "name", firstName(r, i) + " " + lastName(r, i));
        set(n, "primaryEmailAddress.value", email);
        JsonNode emails = n.get("emailAddresses");
        if (emails != null && emails.size() > 0 && emails.get(0).isObject()) {
            set((ObjectNode) emails.get(0), "value", email);
        }
        set(n, "position", pick(POSITIONS, hash(r, i) + v - 1));
        set(n, "company", pick(COMPANIES, hash(r, i) / 7));
        if (n.has("applicationIds")) {
            ArrayNode apps = n.putArray("applicationIds");
            int nc = seeded.getOrDefault(r, 0);
            int na = seeded.getOrDefault(AshbyResource.APPLICATIONS, 0);
            for (long a = i; i < nc && a < na && apps.size() < 10; a += nc) {
                apps.add(id(AshbyResource.APPLICATIONS, (int) a));
            }
        }
        JsonNode source = n.get("source");
        if (source != null && source.isObject()) {
            source((ObjectNode) source, i);
        }
        user(n.get("creditedToUser"), i);
    }

    private void application(ObjectNode n, Row row) {
        int i = row.index();
        int cand = refIndex(AshbyResource.CANDIDATES, i);
        JsonNode c = n.get("candidate");
        if (c != null && c.isObject()) {
            ObjectNode co = (ObjectNode) c;
            set(co, "id", cand < 0 ? null : id(AshbyResource.CANDIDATES, cand));
            if (cand >= 0) {
                set(co, "name", firstName(AshbyResource.CANDIDATES, cand) + " " + lastName(AshbyResource.CANDIDATES, cand));
                set(co, "primaryEmailAddress.value", email(AshbyResource.CANDIDATES, cand, "mailbox.example"));
            }
        }
        set(n, "candidateId", cand < 0 ? null : id(AshbyResource.CANDIDATES, cand));
        int stage = Math.max(0, row.stages() - 1);
        JsonNode st = n.get("currentInterviewStage");
        if (st != null && st.isObject()) {
            ObjectNode so = (ObjectNode) st;
            set(so, "id", stageId(stage));
            set(so, "title", STAGES[stage % STAGES.length]);
            set(so, "orderInInterviewPlan", stage % STAGES.length);
            set(so, "interviewPlanId", ref(AshbyResource.INTERVIEW_PLANS, 0));
        }
        int job = refIndex(AshbyResource.JOBS, i * 7L);
        JsonNode j = n.get("job");
        if (j != null && j.isObject()) {
            ObjectNode jo = (ObjectNode) j;
            set(jo, "id", job < 0 ? null : id(AshbyResource.JOBS, job));
            if (job >= 0) {
                set(jo, "title", label(JOB_TITLES, job));
                set(jo, "locationId", ref(AshbyResource.LOCATIONS, job));
                set(jo, "departmentId", ref(AshbyResource.DEPARTMENTS, job));
            }
        }
        set(n, "jobId", job < 0 ? null : id(AshbyResource.JOBS, job));
        JsonNode src = n.get("source");
        if (src != null && src.isObject()) {
            source((ObjectNode) src, i);
        }
        JsonNode ar = n.get("archiveReason");
        if (ar != null && ar.isObject()) {
            int reason = refIndex(AshbyResource.ARCHIVE_REASONS, i);
            set((ObjectNode) ar, "id", reason < 0 ? null : id(AshbyResource.ARCHIVE_REASONS, reason));
            if (reason >= 0) {
                set((ObjectNode) ar, "text", label(ARCHIVE_REASONS, reason));
            }
        }
        user(n.get("creditedToUser"), i);
        team(n.get("hiringTeam"), i);
    }

    private void job(ObjectNode n, int i) {
        set(n, "title", label(JOB_TITLES, i));
        set(n, "locationId", ref(AshbyResource.LOCATIONS, i));
        set(n, "departmentId", ref(AshbyResource.DEPARTMENTS, i));
        set(n, "defaultInterviewPlanId", ref(AshbyResource.INTERVIEW_PLANS, 0));
        if (n.has("interviewPlanIds")) {
            n.set("interviewPlanIds", refs(AshbyResource.INTERVIEW_PLANS, 0));
        }
        JsonNode loc = n.get("location");
        if (loc != null && loc.isObject() && seeded.getOrDefault(AshbyResource.LOCATIONS, 0) > 0) {
            set((ObjectNode) loc, "id", ref(AshbyResource.LOCATIONS, i));
            set((ObjectNode) loc, "name", label(LOCATIONS, refIndex(AshbyResource.LOCATIONS, i)));
        }
        team(n.get("hiringTeam"), i);
        user(n.get("author"), i);
    }

    private void schedule(ObjectNode n, Row row, String id) {
        int i = row.index();
        int app = refIndex(AshbyResource.APPLICATIONS, i);
        set(n, "applicationId", app < 0 ? null : id(AshbyResource.APPLICATIONS, app));
        set(n, "candidateId", app < 0 ? null : ref(AshbyResource.CANDIDATES, app));
        set(n, "interviewStageId", stageId(hash(AshbyResource.INTERVIEW_SCHEDULES, i)));
        user(n.get("scheduledBy"), i * 11L);
        JsonNode events = n.get("interviewEvents");
        if (events != null && events.isArray()) {
            for (int k = 0; k < events.size(); k++) {
                if (!events.get(k).isObject()) {
                    continue;
                }
                ObjectNode e = (ObjectNode) events.get(k);
                set(e, "id", ids.id(EVENT_CODE, k, i));
                set(e, "interviewScheduleId", id);
                set(e, "interviewId", ref(AshbyResource.INTERVIEWS, i + k));
                setRef(e.get("interview"), "id", AshbyResource.INTERVIEWS, i + k);
                setRef(e.get("interview"), "feedbackFormDefinitionId", AshbyResource.FEEDBACK_FORM_DEFINITIONS,
                        i + k);
                set(e, "createdAt", ts(row.created()));
                set(e, "updatedAt", ts(row.updated()));
                long start = row.created() + 86_400_000L * (3 + k);
                set(e, "startTime", ts(start));
                set(e, "endTime", ts(start + 3_600_000L));
                JsonNode interviewers = e.get("interviewers");
                int count = interviewers != null && interviewers.isArray() ? Math.max(1, interviewers.size()) : 1;
                if (e.has("interviewerUserIds") && seeded.getOrDefault(AshbyResource.USERS, 0) > 0) {
                    ArrayNode userIds = e.putArray("interviewerUserIds");
                    for (int m = 0; m < count; m++) {
                        userIds.add(ref(AshbyResource.USERS, i + k + m));
                    }
                }
                if (interviewers != null && interviewers.isArray()) {
                    for (int m = 0; m < interviewers.size(); m++) {
                        user(interviewers.get(m), i + k + m); // the same users as interviewerUserIds
                    }
                }
            }
        }
    }

    private void offer(ObjectNode n, Row row) {
        int i = row.index();
        set(n, "applicationId", ref(AshbyResource.APPLICATIONS, i));
        JsonNode lv = n.get("latestVersion");
        if (lv != null && lv.isObject()) {
            ObjectNode o = (ObjectNode) lv;
            set(o, "id", ids.id(OFFER_VERSION_CODE, Math.min(row.version(), (1 << 24) - 1), i));
            set(o, "createdAt", ts(row.updated()));
            user(o.get("author"), i);
        }
    }

    private void source(ObjectNode s, long i) {
        int src = refIndex(AshbyResource.SOURCES, i);
        set(s, "id", src < 0 ? null : id(AshbyResource.SOURCES, src));
        if (src >= 0) {
            set(s, "title", label(SOURCES, src));
        }
    }

    private void user(JsonNode node, long i) {
        if (node == null || !node.isObject()) {
            return;
        }
        ObjectNode u = (ObjectNode) node;
        int user = refIndex(AshbyResource.USERS, i);
        set(u, "id", user < 0 ? null : id(AshbyResource.USERS, user));
        set(u, "userId", user < 0 ? null : id(AshbyResource.USERS, user));
        if (user >= 0) {
            set(u, "firstName", firstName(AshbyResource.USERS, user));
            set(u, "lastName", lastName(AshbyResource.USERS, user));
            set(u, "email", email(AshbyResource.USERS, user, "northwind.example"));
        }
    }

    private void team(JsonNode team, int i) {
        if (team != null && team.isArray()) {
            for (int k = 0; k < team.size(); k++) {
                user(team.get(k), (long) i * 3 + k);
            }
        }
    }

    /** One application_history entry (no applicationId, as Ashby returns it). */
    ObjectNode renderHistory(HistoryEntry e, String actorId) {
        List<ObjectNode> tpl = templates.get(AshbyResource.APPLICATION_HISTORY);
        ObjectNode n = tpl.get(e.number() % tpl.size()).deepCopy();
        n.put("id", historyId(e.appIndex(), e.number()));
        set(n, "stageId", stageId(e.number()));
        set(n, "title", STAGES[e.number() % STAGES.length]);
        set(n, "stageNumber", e.number() % STAGES.length);
        n.put("enteredStageAt", ts(e.enteredAt()));
        if (e.leftAt() >= 0) {
            n.put("leftStageAt", ts(e.leftAt())); // also where the (sparse) template leaves it out
        } else if (n.has("leftStageAt")) {
            n.putNull("leftStageAt");
        }
        set(n, "actorId", actorId);
        n.remove("applicationId");
        return n;
    }

    /** The actor of a history entry: a seeded user, or null. */
    String historyActor(HistoryEntry e) {
        return ref(AshbyResource.USERS, (long) e.appIndex() * 5 + e.number());
    }

    // ------------------------------------------------------------------ helpers

    /** Replace the value at a dotted path, only if the template has that field (null writes JSON null). */
    static void set(ObjectNode n, String path, Object value) {
        ObjectNode parent = n;
        String[] parts = path.split("\\.");
        for (int k = 0; k < parts.length - 1; k++) {
            JsonNode child = parent.get(parts[k]);
            if (child == null || !child.isObject()) {
                return;
            }
            parent = (ObjectNode) child;
        }
        String field = parts[parts.length - 1];
        if (!parent.has(field)) {
            return;
        }
        if (value == null) {
            parent.putNull(field);
        } else if (value instanceof String s) {
            parent.put(field, s);
        } else if (value instanceof Integer x) {
            parent.put(field, x);
        } else if (value instanceof Long x) {
            parent.put(field, x);
        } else if (value instanceof Boolean b) {
            parent.put(field, b);
        } else if (value instanceof JsonNode j) {
            parent.set(field, j);
        } else {
            parent.set(field, NODES.textNode(value.toString()));
        }
    }
}
