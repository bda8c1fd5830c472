package io.kafkaconnect.greenhouse.simulator;

import static io.kafkaconnect.greenhouse.simulator.Vocabulary.mix;
import static io.kafkaconnect.greenhouse.simulator.Vocabulary.pick;
import static io.kafkaconnect.greenhouse.simulator.Vocabulary.ts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.simulator.ResourceStore.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongPredicate;

/**
 * Turns a record's state ({@link Row}: id, version, timestamps) into its v1 or v3 JSON, deterministically from
 * the seed. Content that an edit changes is drawn from a random keyed by (id, version); everything else from a
 * random keyed by id alone. Both dialects read the same "facts" so v1 and v3 views of a record agree.
 *
 * <p>References to other records (a candidate's applications, an application's job, a job's department, a
 * recruiter) always point at seeded records and embed them as they were seeded, so a record's JSON changes only
 * when that record itself is edited (and then its version and change timestamp move too). Child records that v1
 * embeds and v3 lists on their own (a job's openings, a custom field's options, a job stage's interviews, a
 * scheduled interview's interviewers, a scorecard's attributes and answers, a prospect pool's stages) are the
 * seeded records of the child resource spread over the seeded parents in order ({@link #children}).
 *
 * <p>The resources that the first version of the simulator served are rendered here; the others by
 * {@link HiringRenderer} (candidate-side records), {@link OrganizationRenderer} (jobs' plans and the
 * organization's configuration) and {@link DetailRenderer} (the v3 lists beyond the suggested stream set).
 */
final class RecordRenderer {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Embedded applications per candidate are capped (application_ids stays complete). */
    private static final int MAX_EMBEDDED_APPLICATIONS = 10;
    /** Children per parent in the department and office trees. */
    private static final int TREE_BRANCHING = 4;

    private final long seed;
    private final Map<Resource, ResourceStore> stores;
    /** Users referenced when the users resource has no records (so references still have someone to name). */
    private final List<User> fallbackUsers = new ArrayList<>();
    private final HiringRenderer hiring;
    private final OrganizationRenderer organization;
    private final DetailRenderer detail;

    record User(long id, String first, String last, String employeeId) {
        String name() {
            return first + " " + last;
        }

        String email() {
            return Vocabulary.slug(first) + "." + Vocabulary.slug(last) + "@example.com";
        }
    }

    /** One custom field: v1 key, immutable (keyed) key, display name, type and value. */
    record CustomField(String key, String keyedKey, String name, String type, JsonNode value) {
    }

    RecordRenderer(long seed, Map<Resource, ResourceStore> stores) {
        this.seed = seed;
        this.stores = stores;
        SplittableRandom rnd = new SplittableRandom(mix(seed, 0xC0FFEE));
        long userId = 84_000;
        for (int i = 0; i < 40; i++) {
            userId += 1 + rnd.nextInt(5000);
            fallbackUsers.add(new User(userId, pick(rnd, Vocabulary.FIRST_NAMES), pick(rnd, Vocabulary.LAST_NAMES),
                    rnd.nextInt(10) < 3 ? null : String.valueOf(10_000 + rnd.nextInt(90_000))));
        }
        this.hiring = new HiringRenderer(this);
        this.organization = new OrganizationRenderer(this);
        this.detail = new DetailRenderer(this);
    }

    long seed() {
        return seed;
    }

    OrganizationRenderer organization() {
        return organization;
    }

    HiringRenderer hiring() {
        return hiring;
    }

    /** See {@link OrganizationRenderer#keep}. */
    LongPredicate keep(Resource resource, Dialect dialect, Map<String, String> query) {
        return organization.keep(resource, dialect, query);
    }

    ObjectNode render(Resource resource, Dialect dialect, Row row) {
        boolean v1 = dialect == Dialect.V1;
        switch (resource) {
            case CANDIDATES: return v1 ? v1Candidate(row) : v3Candidate(row);
            case APPLICATIONS: return v1 ? v1Application(row, false) : v3Application(row);
            case JOBS: return v1 ? v1Job(row) : v3Job(row);
            case DEPARTMENTS: return v1 ? v1Department(row) : v3Department(row);
            case USER_ROLES: return v1 ? v1UserRole(row) : v3UserRole(row);
            case DEMOGRAPHIC_QUESTIONS: return v1 ? v1DemographicQuestion(row) : v3DemographicQuestion(row);
            case OFFICES: return v1 ? officeV1(row) : v3Office(row);
            default:
                ObjectNode n = hiring.render(resource, dialect, row);
                if (n == null) {
                    n = detail.render(resource, row);
                }
                return n != null ? n : organization.render(resource, dialect, row);
        }
    }

    // ------------------------------------------------------------------ randomness and references

    SplittableRandom stable(Resource r, long id) {
        return new SplittableRandom(mix(seed, r.ordinal(), id, 0));
    }

    SplittableRandom versioned(Resource r, long id, int version) {
        return new SplittableRandom(mix(seed, r.ordinal(), id, version, 0xBEEF));
    }

    ResourceStore store(Resource r) {
        return stores.get(r);
    }

    /** The seeded state of a seeded record (for embedding), or null if index is out of range. */
    Row seededRow(Resource r, int index) {
        ResourceStore s = store(r);
        if (index < 0 || index >= s.seededCount) {
            return null;
        }
        return new Row(index, s.seedId(index), 1, s.seedCreated(index), s.seedUpdated(index));
    }

    /** The seeded state of the seeded record with this id, or null. */
    Row seededRowById(Resource r, long id) {
        return seededRow(r, store(r).seedIndexOf(id));
    }

    boolean isSeeded(Resource r, Row row) {
        ResourceStore s = store(r);
        return row.index() < s.seededCount && s.seedId(row.index()) == row.id();
    }

    /** The record's change timestamp as seeded (or its creation time for inserted records). */
    long baselineUpdated(Resource r, Row row) {
        ResourceStore s = store(r);
        return isSeeded(r, row) ? s.seedUpdated(row.index()) : row.created();
    }

    int seededIndexFor(Resource target, long key) {
        int n = store(target).seededCount;
        return n == 0 ? -1 : (int) Math.floorMod(mix(seed, target.ordinal(), key, 0xAB), (long) n);
    }

    /** A seeded record of {@code target} chosen by {@code key} (same key, same record), or null if there is none. */
    Row ref(Resource target, long key) {
        return seededRow(target, seededIndexFor(target, key));
    }

    /** The id of {@link #ref}, or null. */
    Long refId(Resource target, long key) {
        Row r = ref(target, key);
        return r == null ? null : r.id();
    }

    /**
     * The seeded children of a seeded parent: the child resource's seeded records are spread over the parent's
     * seeded records in order (parent i owns children [ceil(i*nc/np), ceil((i+1)*nc/np))). Inserted parents have
     * none.
     */
    List<Row> children(Resource parent, Resource child, Row parentRow) {
        ResourceStore p = store(parent);
        ResourceStore c = store(child);
        if (!isSeeded(parent, parentRow) || c.seededCount == 0) {
            return List.of();
        }
        long np = p.seededCount;
        long nc = c.seededCount;
        long i = parentRow.index();
        long from = (i * nc + np - 1) / np;
        long to = ((i + 1) * nc + np - 1) / np;
        List<Row> out = new ArrayList<>((int) (to - from));
        for (long j = from; j < to; j++) {
            out.add(seededRow(child, (int) j));
        }
        return out;
    }

    /** The seeded parent of a child record (see {@link #children}); inserted children get one by hash. */
    Row parent(Resource parent, Resource child, Row childRow) {
        ResourceStore p = store(parent);
        ResourceStore c = store(child);
        if (p.seededCount == 0) {
            return null;
        }
        if (isSeeded(child, childRow)) {
            return seededRow(parent, (int) ((long) childRow.index() * p.seededCount / c.seededCount));
        }
        return ref(parent, childRow.id());
    }

    Long parentId(Resource parent, Resource child, Row childRow) {
        Row p = parent(parent, child, childRow);
        return p == null ? null : p.id();
    }

    /** A child's position among its parent's children (0-based; 0 for inserted children). */
    int childPosition(Resource parent, Resource child, Row childRow) {
        if (!isSeeded(child, childRow)) {
            return 0;
        }
        long np = store(parent).seededCount;
        long nc = store(child).seededCount;
        long i = (long) childRow.index() * np / nc;
        return (int) (childRow.index() - (i * nc + np - 1) / np);
    }

    /** A user of the users resource (the fallback list if it has no records). */
    User user(SplittableRandom rnd) {
        int n = store(Resource.USERS).seededCount;
        if (n == 0) {
            return fallbackUsers.get(rnd.nextInt(fallbackUsers.size()));
        }
        return userById(store(Resource.USERS).seedId(rnd.nextInt(n)));
    }

    User userOrNull(SplittableRandom rnd, int percentPresent) {
        User u = user(rnd);
        return rnd.nextInt(100) < percentPresent ? u : null;
    }

    /** A user chosen by key. */
    User userFor(long key) {
        int n = store(Resource.USERS).seededCount;
        if (n == 0) {
            return fallbackUsers.get((int) Math.floorMod(key, (long) fallbackUsers.size()));
        }
        return userById(store(Resource.USERS).seedId(seededIndexFor(Resource.USERS, key)));
    }

    /** The names of a user of the users resource; they depend on the id only. */
    User userById(long id) {
        SplittableRandom s = stable(Resource.USERS, id);
        String first = pick(s, Vocabulary.FIRST_NAMES);
        String last = pick(s, Vocabulary.LAST_NAMES);
        return new User(id, first, last, s.nextInt(10) < 3 ? null : String.valueOf(10_000 + s.nextInt(90_000)));
    }

    static ObjectNode userRef(User u) {
        ObjectNode n = F.objectNode();
        n.put("id", u.id());
        n.put("first_name", u.first());
        n.put("last_name", u.last());
        n.put("name", u.name());
        n.put("employee_id", u.employeeId());
        return n;
    }

    static JsonNode userRefOrNull(User u) {
        return u == null ? NullNode.getInstance() : userRef(u);
    }

    static ObjectNode idName(long id, String name) {
        ObjectNode n = F.objectNode();
        n.put("id", id);
        n.put("name", name);
        return n;
    }

    static ObjectNode valueType(String value, String type) {
        ObjectNode n = F.objectNode();
        n.put("value", value);
        n.put("type", type);
        return n;
    }

    static long between(SplittableRandom rnd, long from, long to) {
        return to <= from ? from : from + (long) (rnd.nextDouble() * (to - from));
    }

    /** "name" for version 1, "name (rev 2)" after the first edit, and so on. */
    static String rev(String name, int version) {
        return version > 1 ? name + " (rev " + version + ")" : name;
    }

    /** The i-th word of a list, with a number once the list is used up ("Engineering", ..., "Engineering 2"). */
    static String nth(String[] words, int i) {
        return words[i % words.length] + (i >= words.length ? " " + (i / words.length + 1) : "");
    }

    static void putCustomFieldsV1(ObjectNode n, List<CustomField> fields) {
        ObjectNode cf = n.putObject("custom_fields");
        ObjectNode keyed = n.putObject("keyed_custom_fields");
        for (CustomField f : fields) {
            cf.set(f.key(), f.value());
            ObjectNode k = keyed.putObject(f.keyedKey());
            k.put("name", f.name());
            k.put("type", f.type());
            k.set("value", f.value());
        }
    }

    static void putCustomFieldsV3(ObjectNode n, List<CustomField> fields) {
        putKeyedCustomFields(n, "custom_fields", fields);
    }

    static void putKeyedCustomFields(ObjectNode n, String name, List<CustomField> fields) {
        ObjectNode cf = n.putObject(name);
        for (CustomField f : fields) {
            ObjectNode k = cf.putObject(f.keyedKey());
            k.put("name", f.name());
            k.put("type", f.type());
            k.set("value", f.value());
        }
    }

    static void putTimestamps(ObjectNode n, Row row) {
        n.put("created_at", ts(row.created()));
        n.put("updated_at", ts(row.updated()));
    }

    // ------------------------------------------------------------------ candidates

    List<Long> applicationIdsOf(Row candidate) {
        ResourceStore cands = store(Resource.CANDIDATES);
        ResourceStore apps = store(Resource.APPLICATIONS);
        int i = candidate.index();
        long nc = cands.seededCount;
        long na = apps.seededCount;
        if (i >= nc || cands.seedId(i) != candidate.id() || na == 0) {
            return List.of();
        }
        long from = (i * na + nc - 1) / nc;
        long to = ((i + 1) * na + nc - 1) / nc;
        List<Long> ids = new ArrayList<>();
        for (long j = from; j < to; j++) {
            ids.add(apps.seedId((int) j));
        }
        return ids;
    }

    Long candidateIdOf(Row application) {
        ResourceStore cands = store(Resource.CANDIDATES);
        ResourceStore apps = store(Resource.APPLICATIONS);
        if (cands.seededCount == 0) {
            return null;
        }
        int j = application.index();
        if (j < apps.seededCount && apps.seedId(j) == application.id()) {
            return cands.seedId((int) ((long) j * cands.seededCount / apps.seededCount));
        }
        return cands.seedId(seededIndexFor(Resource.CANDIDATES, application.id()));
    }

    private ObjectNode v1Candidate(Row row) {
        SplittableRandom s = stable(Resource.CANDIDATES, row.id());
        SplittableRandom v = versioned(Resource.CANDIDATES, row.id(), row.version());
        String first = pick(s, Vocabulary.FIRST_NAMES);
        String last = pick(s, Vocabulary.LAST_NAMES);
        int titleBase = s.nextInt(Vocabulary.TITLES.length);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("first_name", first);
        n.put("last_name", last);
        n.put("company", v.nextInt(8) == 0 ? null : pick(v, Vocabulary.COMPANIES));
        n.put("title", Vocabulary.TITLES[(titleBase + row.version()) % Vocabulary.TITLES.length]);
        n.put("created_at", ts(row.created()));
        n.put("updated_at", ts(row.updated()));
        n.put("last_activity", ts(Math.max(row.created(), row.updated() - s.nextInt(500))));
        n.put("is_private", s.nextInt(20) == 0);
        n.putNull("photo_url");
        ArrayNode attachments = n.putArray("attachments");
        int nAtt = s.nextInt(3);
        String[] attTypes = {"resume", "cover_letter", "offer_packet", "offer_letter", "take_home_test", "other"};
        for (int a = 0; a < nAtt; a++) {
            String type = a == 0 ? "resume" : attTypes[s.nextInt(attTypes.length)];
            ObjectNode att = attachments.addObject();
            att.put("filename", first + "_" + last + "_" + type + "_" + (a + 1) + ".pdf");
            att.put("url", "https://prod-heroku.s3.amazonaws.com/harvest-sim/candidates/" + row.id() + "/" + a
                    + "?X-Amz-Expires=604800");
            att.put("type", type);
            att.put("created_at", ts(between(s, row.created(), baselineUpdated(Resource.CANDIDATES, row))));
        }
        List<Long> appIds = applicationIdsOf(row);
        ArrayNode appIdsNode = n.putArray("application_ids");
        appIds.forEach(appIdsNode::add);
        ArrayNode phones = n.putArray("phone_numbers");
        String[] phoneTypes = {"home", "work", "mobile", "skype", "other"};
        for (int p = s.nextInt(3); p > 0; p--) {
            phones.add(valueType("555-" + (100 + s.nextInt(900)) + "-" + (1000 + s.nextInt(9000)),
                    phoneTypes[s.nextInt(phoneTypes.length)]));
        }
        ArrayNode addresses = n.putArray("addresses");
        if (s.nextBoolean()) {
            addresses.add(valueType((100 + s.nextInt(900)) + " City Street\n" + pick(s, Vocabulary.CITIES) + ", 10001",
                    new String[] {"home", "work", "other"}[s.nextInt(3)]));
        }
        ArrayNode emails = n.putArray("email_addresses");
        String local = Vocabulary.slug(first) + "." + Vocabulary.slug(last) + row.id() % 1000;
        emails.add(valueType(local + "@example.com", "personal"));
        if (s.nextBoolean()) {
            emails.add(valueType(local + "@work.example.com", "work"));
        }
        ArrayNode websites = n.putArray("website_addresses");
        if (s.nextInt(3) == 0) {
            websites.add(valueType(local + ".example.org", new String[] {"personal", "company", "portfolio", "blog",
                "other"}[s.nextInt(5)]));
        }
        ArrayNode socials = n.putArray("social_media_addresses");
        if (s.nextInt(3) == 0) {
            socials.addObject().put("value", "twitter.com/" + local);
        }
        n.set("recruiter", userRefOrNull(userOrNull(s, 70)));
        n.set("coordinator", userRefOrNull(userOrNull(s, 45)));
        n.put("can_email", v.nextInt(10) != 0);
        ArrayNode tags = n.putArray("tags");
        for (int t = v.nextInt(4); t > 0; t--) {
            String tag = candidateTagName(v.nextLong());
            if (!containsText(tags, tag)) {
                tags.add(tag);
            }
        }
        ArrayNode apps = n.putArray("applications");
        ResourceStore appStore = store(Resource.APPLICATIONS);
        for (int a = 0; a < appIds.size() && a < MAX_EMBEDDED_APPLICATIONS; a++) {
            Row app = seededRow(Resource.APPLICATIONS, appStore.seedIndexOf(appIds.get(a)));
            if (app != null) {
                apps.add(v1Application(app, true));
            }
        }
        ArrayNode educations = n.putArray("educations");
        for (int e = s.nextInt(3); e > 0; e--) {
            ObjectNode ed = educations.addObject();
            ed.put("id", 561_000 + Math.floorMod(mix(row.id(), e), 400_000L));
            ed.put("school_name", pick(s, Vocabulary.SCHOOLS));
            ed.put("degree", pick(s, Vocabulary.DEGREES));
            ed.put("discipline", pick(s, Vocabulary.DISCIPLINES));
            long start = row.created() - (long) (3 + s.nextInt(15)) * 365 * 86_400_000L;
            ed.put("start_date", Vocabulary.midnight(start));
            ed.put("end_date", Vocabulary.midnight(start + 4L * 365 * 86_400_000L));
        }
        ArrayNode employments = n.putArray("employments");
        for (int e = s.nextInt(3); e > 0; e--) {
            ObjectNode em = employments.addObject();
            em.put("id", 8_485_000 + Math.floorMod(mix(row.id(), e, 7), 900_000L));
            em.put("company_name", pick(s, Vocabulary.COMPANIES));
            em.put("title", pick(s, Vocabulary.TITLES));
            long start = row.created() - (long) (1 + s.nextInt(10)) * 365 * 86_400_000L;
            em.put("start_date", Vocabulary.midnight(start));
            if (s.nextInt(4) == 0) {
                em.putNull("end_date");
            } else {
                em.put("end_date", Vocabulary.midnight(start + (long) (1 + s.nextInt(3)) * 365 * 86_400_000L));
            }
        }
        ArrayNode linked = n.putArray("linked_user_ids");
        if (s.nextInt(30) == 0) {
            linked.add(user(s).id());
        }
        putCustomFieldsV1(n, candidateCustomFields(s, v));
        return n;
    }

    /** The name of a seeded candidate tag chosen by key (a word from the list if there are no tags). */
    private String candidateTagName(long key) {
        Row tag = ref(Resource.CANDIDATE_TAGS, key);
        return tag == null ? Vocabulary.TAGS[(int) Math.floorMod(key, (long) Vocabulary.TAGS.length)]
                : organization.candidateTagName(tag);
    }

    static boolean containsText(ArrayNode array, String value) {
        for (JsonNode e : array) {
            if (e.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    List<CustomField> candidateCustomFields(SplittableRandom s, SplittableRandom v) {
        List<CustomField> f = new ArrayList<>();
        f.add(new CustomField("desired_salary", "desired_salary", "Desired Salary", "short_text",
                v.nextInt(5) == 0 ? NullNode.getInstance() : F.textNode(String.valueOf(50_000 + v.nextInt(150) * 1000))));
        int remote = v.nextInt(3);
        f.add(new CustomField("work_remotely", "work_remotely", "Work Remotely", "boolean",
                remote == 2 ? NullNode.getInstance() : F.booleanNode(remote == 1)));
        f.add(new CustomField("graduation_year", "graduation_year_1", "Graduation Year", "single_select",
                F.textNode(String.valueOf(2000 + s.nextInt(26)))));
        ArrayNode skills = F.arrayNode();
        for (int k = v.nextInt(4); k > 0; k--) {
            String skill = pick(v, Vocabulary.SKILLS);
            if (!containsText(skills, skill)) {
                skills.add(skill);
            }
        }
        f.add(new CustomField("skills", "skills", "Skills", "multi_select", skills));
        JsonNode currency = NullNode.getInstance();
        if (v.nextInt(3) != 0) {
            ObjectNode c = F.objectNode();
            c.put("value", 40_000 + v.nextInt(200) * 500);
            c.put("currency", new String[] {"USD", "EUR", "GBP", "CAD"}[v.nextInt(4)]);
            currency = c;
        }
        f.add(new CustomField("current_salary", "current_salary", "Current Salary", "currency", currency));
        JsonNode referrer = NullNode.getInstance();
        if (s.nextInt(4) == 0) {
            User u = user(s);
            ObjectNode r = F.objectNode();
            r.put("name", u.name());
            r.put("email", u.email());
            r.put("user_id", u.id());
            referrer = r;
        }
        f.add(new CustomField("referred_by", "referrer", "Referred By", "user", referrer));
        f.add(new CustomField("birthday", "date_of_birth", "Birthday", "date", s.nextInt(3) == 0
                ? NullNode.getInstance()
                : F.textNode(String.format(Locale.ROOT, "%d-%02d-%02d", 1960 + s.nextInt(45), 1 + s.nextInt(12),
                        1 + s.nextInt(28)))));
        return f;
    }

    private ObjectNode v3Candidate(Row row) {
        ObjectNode v1 = v1Candidate(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.set("first_name", v1.get("first_name"));
        n.set("last_name", v1.get("last_name"));
        SplittableRandom s = new SplittableRandom(mix(seed, Resource.CANDIDATES.ordinal(), row.id(), 3));
        n.put("preferred_name", s.nextInt(5) == 0 ? v1.get("first_name").asText().substring(0, 1) + "." : null);
        n.set("company", v1.get("company"));
        n.set("title", v1.get("title"));
        n.put("private", v1.get("is_private").asBoolean());
        n.put("can_email", v1.get("can_email").asBoolean());
        n.put("time_zone", new String[] {"America/New_York", "Europe/London", "Europe/Berlin", "America/Los_Angeles",
            null}[s.nextInt(5)]);
        n.set("phone_numbers", v1.get("phone_numbers"));
        n.set("addresses", v1.get("addresses"));
        n.set("email_addresses", v1.get("email_addresses"));
        n.set("website_addresses", v1.get("website_addresses"));
        n.set("social_media_addresses", v1.get("social_media_addresses"));
        n.set("tags", v1.get("tags"));
        n.set("linked_user_ids", v1.get("linked_user_ids"));
        n.set("custom_fields", v1.get("keyed_custom_fields"));
        n.set("last_activity_at", v1.get("last_activity"));
        n.put("created_at", ts(row.created()));
        n.put("updated_at", ts(row.updated()));
        return n;
    }

    // ------------------------------------------------------------------ applications

    record AppFacts(Long candidateId, boolean prospect, String status, Long rejectedAt, String location,
            Row source, User creditedTo, User recruiter, User coordinator, Row rejectionReason,
            List<Long> jobIds, List<String> jobNames, Long jobPostId, Long stageId, String stageName,
            List<String[]> answers, Row prospectiveOffice, Row prospectiveDepartment, List<CustomField> customFields,
            boolean attachment, boolean needsDecision, Long referrerId) {
    }

    AppFacts appFacts(Row row) {
        SplittableRandom s = stable(Resource.APPLICATIONS, row.id());
        SplittableRandom v = versioned(Resource.APPLICATIONS, row.id(), row.version());
        boolean prospect = s.nextInt(10) == 0;
        int statusRoll = v.nextInt(100);
        String status = statusRoll < 62 ? "active" : statusRoll < 88 ? "rejected" : statusRoll < 96 ? "hired" : "converted";
        if (prospect && status.equals("hired")) {
            status = "active";
        }
        Long rejectedAt = status.equals("rejected")
                ? Math.max(row.created(), row.updated() - v.nextInt(3_600_000)) : null;
        List<Long> jobIds = new ArrayList<>();
        List<String> jobNames = new ArrayList<>();
        int nJobs = prospect ? s.nextInt(3) : 1;
        ResourceStore jobs = store(Resource.JOBS);
        for (int j = 0; j < nJobs && jobs.seededCount > 0; j++) {
            int idx = seededIndexFor(Resource.JOBS, row.id() * 31 + j);
            long jobId = jobs.seedId(idx);
            if (!jobIds.contains(jobId)) {
                jobIds.add(jobId);
                jobNames.add(jobName(jobId));
            }
        }
        Long stageId = null;
        String stageName = null;
        if (!jobIds.isEmpty() && (status.equals("active") || status.equals("rejected"))) {
            int st = Math.floorMod(s.nextInt(Vocabulary.STAGES.length) + row.version() - 1, Vocabulary.STAGES.length);
            stageId = 1_000_000L + Math.floorMod(jobIds.get(0) * 10 + st, 9_000_000L);
            stageName = Vocabulary.STAGES[st];
        }
        List<String[]> answers = new ArrayList<>();
        for (int a = s.nextInt(4); a > 0; a--) {
            answers.add(new String[] {pick(s, Vocabulary.QUESTIONS), pick(s, Vocabulary.ANSWERS)});
        }
        int src = s.nextInt(Vocabulary.SOURCES.length);
        User credited = userOrNull(s, 80);
        List<CustomField> cf = new ArrayList<>();
        cf.add(new CustomField("application_custom_test", "application_custom_test", "Application Custom Test",
                "single_select", F.textNode("Option " + (1 + v.nextInt(3)))));
        cf.add(new CustomField("bio", "bio", "Bio", "long_text", s.nextBoolean() ? F.textNode("This is a bio")
                : NullNode.getInstance()));
        cf.add(new CustomField("birthday", "date_of_birth", "Birthday", "date", s.nextInt(3) == 0
                ? F.textNode(String.format(Locale.ROOT, "%d-%02d-%02d", 1970 + s.nextInt(35), 1 + s.nextInt(12),
                        1 + s.nextInt(28)))
                : NullNode.getInstance()));
        Row pOffice = prospect && s.nextBoolean() ? ref(Resource.OFFICES, row.id()) : null;
        Row pDept = prospect && s.nextBoolean() ? ref(Resource.DEPARTMENTS, row.id()) : null;
        return new AppFacts(candidateIdOf(row), prospect, status, rejectedAt,
                s.nextInt(4) == 0 ? null : pick(s, Vocabulary.CITIES) + ", USA",
                ref(Resource.SOURCES, mix(row.id(), src)), credited, userOrNull(s, 60), userOrNull(s, 40),
                ref(Resource.REJECTION_REASONS, mix(row.id(), v.nextInt(1000))), jobIds, jobNames,
                s.nextInt(3) == 0 ? null : jobPostIdFor(jobIds, s.nextLong()),
                stageId, stageName, answers, pOffice, pDept, cf, s.nextBoolean(), v.nextInt(5) == 0,
                credited == null ? null : refId(Resource.REFERRERS, credited.id()));
    }

    private ObjectNode v1Application(Row row, boolean embedded) {
        AppFacts f = appFacts(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("candidate_id", f.candidateId());
        n.put("prospect", f.prospect());
        n.put("applied_at", ts(row.created()));
        n.put("rejected_at", f.rejectedAt() == null ? null : ts(f.rejectedAt()));
        n.put("last_activity_at", ts(row.updated()));
        if (f.location() == null) {
            n.putNull("location");
        } else {
            n.putObject("location").put("address", f.location());
        }
        if (f.source() == null) {
            n.putNull("source");
        } else {
            ObjectNode source = n.putObject("source");
            source.put("id", f.source().id());
            source.put("public_name", organization.sourceName(f.source()));
        }
        n.set("credited_to", userRefOrNull(f.creditedTo()));
        n.set("recruiter", userRefOrNull(f.recruiter()));
        n.set("coordinator", userRefOrNull(f.coordinator()));
        if (f.status().equals("rejected")) {
            n.set("rejection_reason", f.rejectionReason() == null ? NullNode.getInstance()
                    : organization.v1RejectionReason(f.rejectionReason()));
            ObjectNode details = n.putObject("rejection_details");
            JsonNode answer = row.id() % 3 == 0 ? F.textNode("Not a good fit") : NullNode.getInstance();
            details.putObject("custom_fields").set("custom_rejection_question_field", answer);
            ObjectNode keyed = details.putObject("keyed_custom_fields").putObject("custom_rejection_question_field");
            keyed.put("name", "Custom Rejection Question Field");
            keyed.put("type", "short_text");
            keyed.set("value", answer);
        } else {
            n.putNull("rejection_reason");
            n.putNull("rejection_details");
        }
        ArrayNode jobs = n.putArray("jobs");
        for (int j = 0; j < f.jobIds().size(); j++) {
            jobs.add(idName(f.jobIds().get(j), f.jobNames().get(j)));
        }
        n.put("job_post_id", f.jobPostId());
        n.put("status", f.status());
        n.set("current_stage", f.stageId() == null ? NullNode.getInstance() : idName(f.stageId(), f.stageName()));
        ArrayNode answers = n.putArray("answers");
        for (String[] qa : f.answers()) {
            ObjectNode a = answers.addObject();
            a.put("question", qa[0]);
            a.put("answer", qa[1]);
        }
        n.set("prospective_office", f.prospectiveOffice() == null ? NullNode.getInstance()
                : officeV1(f.prospectiveOffice()).without(List.of("parent_office_external_id", "child_office_external_ids")));
        n.set("prospective_department", f.prospectiveDepartment() == null ? NullNode.getInstance()
                : v1Department(f.prospectiveDepartment()).without(List.of("parent_department_external_id",
                        "child_department_external_ids")));
        ObjectNode pd = n.putObject("prospect_detail");
        Row pool = f.prospect() ? ref(Resource.PROSPECT_POOLS, row.id()) : null;
        if (pool != null) {
            pd.set("prospect_pool", idName(pool.id(), organization.prospectPoolName(pool)));
            List<Row> stages = children(Resource.PROSPECT_POOLS, Resource.PROSPECT_POOL_STAGES, pool);
            if (stages.isEmpty()) {
                pd.putNull("prospect_stage");
            } else {
                Row stage = stages.get((int) Math.floorMod(row.id(), (long) stages.size()));
                pd.set("prospect_stage", idName(stage.id(), organization.prospectPoolStageName(stage)));
            }
            User owner = userFor(row.id());
            pd.set("prospect_owner", idName(owner.id(), owner.name()));
        } else {
            pd.putNull("prospect_pool");
            pd.putNull("prospect_stage");
            pd.putNull("prospect_owner");
        }
        if (!embedded) {
            putCustomFieldsV1(n, f.customFields());
        }
        ArrayNode att = n.putArray("attachments");
        if (f.attachment()) {
            ObjectNode a = att.addObject();
            a.put("filename", "Resume_" + row.id() + ".pdf");
            a.put("url", "https://prod-heroku.s3.amazonaws.com/harvest-sim/applications/" + row.id()
                    + "?X-Amz-Expires=604800");
            a.put("type", "resume");
            a.put("created_at", ts(row.created()));
        }
        return n;
    }

    private ObjectNode v3Application(Row row) {
        AppFacts f = appFacts(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("candidate_id", f.candidateId());
        n.put("prospect", f.prospect());
        n.put("job_id", f.prospect() || f.jobIds().isEmpty() ? null : f.jobIds().get(0));
        ArrayNode pj = n.putArray("prospective_job_ids");
        if (f.prospect()) {
            f.jobIds().forEach(pj::add);
        }
        n.put("job_post_id", f.jobPostId());
        n.put("status", f.status().equals("active") ? "in_process" : f.status());
        n.put("stage_id", f.stageId());
        n.put("stage_name", f.stageName());
        n.put("source_id", f.source() == null ? null : f.source().id());
        n.put("referrer_id", f.referrerId());
        n.put("recruiter_id", f.recruiter() == null ? null : f.recruiter().id());
        n.put("coordinator_id", f.coordinator() == null ? null : f.coordinator().id());
        n.putNull("agency_note_id");
        n.put("location_address", f.location());
        n.put("needs_decision", f.needsDecision());
        ArrayNode answers = n.putArray("answers");
        for (String[] qa : f.answers()) {
            ObjectNode a = answers.addObject();
            a.put("question", qa[0]);
            a.put("answer", qa[1]);
        }
        putCustomFieldsV3(n, f.customFields());
        n.put("rejected_at", f.rejectedAt() == null ? null : ts(f.rejectedAt()));
        n.put("last_activity_at", ts(row.updated()));
        n.put("created_at", ts(row.created()));
        n.put("updated_at", ts(row.updated()));
        return n;
    }

    // ------------------------------------------------------------------ jobs

    /** A job's name depends on its id only, so references to it never go stale. */
    String jobName(long jobId) {
        SplittableRandom s = stable(Resource.JOBS, jobId);
        return pick(s, Vocabulary.JOB_NAMES) + " - " + pick(s, Vocabulary.CITIES);
    }

    /** A job post of one of the jobs (or any job post when there is no job). */
    private Long jobPostIdFor(List<Long> jobIds, long key) {
        return refId(Resource.JOB_POSTS, jobIds.isEmpty() ? key : mix(jobIds.get(0), key % 3));
    }

    ObjectNode v1Job(Row row) {
        SplittableRandom s = stable(Resource.JOBS, row.id());
        SplittableRandom v = versioned(Resource.JOBS, row.id(), row.version());
        ResourceStore store = store(Resource.JOBS);
        boolean seeded = row.index() < store.seededCount && store.seedId(row.index()) == row.id();
        int roll = s.nextInt(10);
        String status = !seeded ? (roll < 5 ? "draft" : "open") : roll < 6 ? "open" : roll < 9 ? "closed" : "draft";
        long base = baselineUpdated(Resource.JOBS, row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("name", jobName(row.id()));
        n.put("requisition_id", s.nextInt(4) == 0 ? null : "REQ-" + (1000 + s.nextInt(9000)));
        n.put("notes", v.nextInt(5) == 0 ? null : "<p>" + pick(v, Vocabulary.SKILLS) + " experience a plus! (rev "
                + row.version() + ")</p>");
        n.put("confidential", s.nextInt(10) == 0);
        n.put("status", status);
        n.put("created_at", ts(row.created()));
        n.put("opened_at", status.equals("draft") ? null : ts(between(s, row.created(), row.created() + (base - row.created()) / 5)));
        n.put("closed_at", status.equals("closed") ? ts(base) : null);
        n.put("updated_at", ts(row.updated()));
        int tmpl = s.nextInt(20);
        if (tmpl == 0) {
            n.putNull("is_template");
        } else {
            n.put("is_template", tmpl == 1);
        }
        int olderSeeded = Math.min(row.index(), store.seededCount);
        n.put("copied_from_id", olderSeeded > 0 && s.nextInt(5) == 0 ? store.seedId(s.nextInt(olderSeeded)) : null);
        ArrayNode depts = n.putArray("departments");
        Row dept = seededRow(Resource.DEPARTMENTS, seededIndexFor(Resource.DEPARTMENTS, row.id()));
        if (dept != null) {
            ObjectNode d = v1Department(dept);
            d.remove("parent_department_external_id");
            d.remove("child_department_external_ids");
            depts.add(d);
        }
        ArrayNode officesNode = n.putArray("offices");
        int officeCount = store(Resource.OFFICES).seededCount;
        int firstOffice = s.nextInt(Math.max(1, officeCount));
        int nOffices = Math.min(officeCount, 1 + s.nextInt(2));
        for (int o = 0; o < nOffices; o++) {
            ObjectNode off = officeV1(seededRow(Resource.OFFICES, (firstOffice + o) % officeCount));
            off.remove("parent_office_external_id");
            off.remove("child_office_external_ids");
            officesNode.add(off);
        }
        List<CustomField> cf = new ArrayList<>();
        cf.add(new CustomField("employment_type", "employment_type", "Time type", "single_select",
                F.textNode(new String[] {"Full-Time", "Part-Time", "Contract", "Intern"}[s.nextInt(4)])));
        cf.add(new CustomField("maximum_budget", "budget", "Maximum Budget", "short_text",
                v.nextInt(4) == 0 ? NullNode.getInstance() : F.textNode("$" + (60 + v.nextInt(140)) + "." + v.nextInt(10) + "k")));
        ObjectNode range = F.objectNode();
        int min = 50_000 + s.nextInt(100) * 1000;
        range.put("min_value", min);
        range.put("max_value", min + 20_000 + s.nextInt(40) * 1000);
        range.put("unit", "USD");
        cf.add(new CustomField("salary_range", "salary_range", "Salary Range", "currency_range",
                s.nextInt(5) == 0 ? NullNode.getInstance() : range));
        putCustomFieldsV1(n, cf);
        ObjectNode team = n.putObject("hiring_team");
        ArrayNode hms = team.putArray("hiring_managers");
        for (int h = 1 + s.nextInt(2); h > 0; h--) {
            hms.add(userRef(user(s)));
        }
        ArrayNode recruiters = team.putArray("recruiters");
        int nRec = 1 + s.nextInt(2);
        for (int r = 0; r < nRec; r++) {
            recruiters.add(userRef(user(s)).put("responsible", r == 0));
        }
        ArrayNode coordinators = team.putArray("coordinators");
        int nCoord = s.nextInt(3);
        for (int c = 0; c < nCoord; c++) {
            coordinators.add(userRef(user(s)).put("responsible", c == 0));
        }
        ArrayNode sourcers = team.putArray("sourcers");
        if (s.nextBoolean()) {
            sourcers.add(userRef(user(s)));
        }
        ArrayNode openings = n.putArray("openings");
        for (Row opening : children(Resource.JOBS, Resource.OPENINGS, row)) {
            openings.add(hiring.v1Opening(opening));
        }
        return n;
    }

    private ObjectNode v3Job(Row row) {
        ObjectNode v1 = v1Job(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.set("name", v1.get("name"));
        n.set("requisition_id", v1.get("requisition_id"));
        n.set("notes", v1.get("notes"));
        n.set("confidential", v1.get("confidential"));
        n.set("status", v1.get("status"));
        n.set("is_template", v1.get("is_template"));
        n.set("copied_from_id", v1.get("copied_from_id"));
        JsonNode depts = v1.get("departments");
        n.set("department_id", depts.isEmpty() ? NullNode.getInstance() : depts.get(0).get("id"));
        ArrayNode officeIds = n.putArray("office_ids");
        v1.get("offices").forEach(o -> officeIds.add(o.get("id").asLong()));
        n.set("custom_fields", v1.get("keyed_custom_fields"));
        n.set("opened_at", v1.get("opened_at"));
        n.set("closed_at", v1.get("closed_at"));
        n.put("created_at", ts(row.created()));
        n.put("updated_at", ts(row.updated()));
        return n;
    }

    // ------------------------------------------------------------------ offices

    private String officeName(Row row) {
        String base = nth(Vocabulary.CITIES, row.index());
        return row.version() > 1 ? base + " (renamed " + (row.version() - 1) + ")" : base;
    }

    /** An office as listed by v1 and as embedded (jobs drop the external ids of parent and children). */
    ObjectNode officeV1(Row row) {
        SplittableRandom s = stable(Resource.OFFICES, row.id());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("name", officeName(row));
        String city = Vocabulary.CITIES[row.index() % Vocabulary.CITIES.length];
        n.putObject("location").put("name", city.equals("Remote") ? "Anywhere" : city + ", Earth");
        User contact = userOrNull(s, 60);
        n.put("primary_contact_user_id", contact == null ? null : contact.id());
        Long parent = treeParentId(Resource.OFFICES, row);
        n.put("parent_id", parent);
        n.put("parent_office_external_id", parent == null ? null : externalId(Resource.OFFICES, parent));
        ArrayNode children = n.putArray("child_ids");
        ArrayNode childExt = n.putArray("child_office_external_ids");
        for (long c : treeChildIds(Resource.OFFICES, row)) {
            children.add(c);
            childExt.add(externalId(Resource.OFFICES, c));
        }
        n.put("external_id", externalId(Resource.OFFICES, row.id()));
        return n;
    }

    private ObjectNode v3Office(Row row) {
        ObjectNode v1 = officeV1(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.set("name", v1.get("name"));
        n.set("location", v1.get("location").get("name"));
        n.set("parent_id", v1.get("parent_id"));
        n.set("primary_in_house_contact_user_id", v1.get("primary_contact_user_id"));
        n.set("external_id", v1.get("external_id"));
        putTimestamps(n, row);
        return n;
    }

    /** Departments and offices form trees: seeded record i's parent is (i - 1) / 4; inserted ones hang anywhere. */
    private Long treeParentId(Resource r, Row row) {
        ResourceStore s = store(r);
        if (isSeeded(r, row)) {
            return row.index() == 0 ? null : s.seedId((row.index() - 1) / TREE_BRANCHING);
        }
        return s.seededCount == 0 ? null : s.seedId(seededIndexFor(r, row.id()));
    }

    private List<Long> treeChildIds(Resource r, Row row) {
        ResourceStore s = store(r);
        List<Long> ids = new ArrayList<>();
        if (isSeeded(r, row)) {
            for (long c = (long) row.index() * TREE_BRANCHING + 1;
                    c <= (long) row.index() * TREE_BRANCHING + TREE_BRANCHING && c < s.seededCount; c++) {
                ids.add(s.seedId((int) c));
            }
        }
        return ids;
    }

    /** About 70% of departments and offices have an external id. */
    private String externalId(Resource r, long id) {
        if (r == Resource.DEPARTMENTS) {
            return departmentExternalId(id);
        }
        return Math.floorMod(mix(seed, r.ordinal(), id, 5), 10L) < 3 ? null : "office-" + id;
    }

    // ------------------------------------------------------------------ departments

    private String departmentName(Row row) {
        int len = Vocabulary.DEPARTMENT_NAMES.length;
        String base = Vocabulary.DEPARTMENT_NAMES[row.index() % len] + (row.index() >= len ? " " + (row.index() / len + 1) : "");
        return row.version() > 1 ? base + " (renamed " + (row.version() - 1) + ")" : base;
    }

    private String departmentExternalId(long id) {
        return Math.floorMod(mix(seed, id, 5), 10L) < 3 ? null : "dept-" + id;
    }

    private Long departmentParentId(Row row) {
        return treeParentId(Resource.DEPARTMENTS, row);
    }

    ObjectNode v1Department(Row row) {
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("name", departmentName(row));
        Long parent = departmentParentId(row);
        n.put("parent_id", parent);
        n.put("parent_department_external_id", parent == null ? null : departmentExternalId(parent));
        ArrayNode children = n.putArray("child_ids");
        ArrayNode childExt = n.putArray("child_department_external_ids");
        for (long childId : treeChildIds(Resource.DEPARTMENTS, row)) {
            children.add(childId);
            childExt.add(departmentExternalId(childId));
        }
        n.put("external_id", departmentExternalId(row.id()));
        return n;
    }

    private ObjectNode v3Department(Row row) {
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("name", departmentName(row));
        n.put("parent_id", departmentParentId(row));
        n.put("external_id", departmentExternalId(row.id()));
        n.put("created_at", ts(row.created()));
        n.put("updated_at", ts(row.updated()));
        return n;
    }

    // ------------------------------------------------------------------ user roles, demographic questions

    private String roleName(Row row) {
        int len = Vocabulary.ROLE_NAMES.length;
        String base = Vocabulary.ROLE_NAMES[row.index() % len] + (row.index() >= len ? " " + (row.index() / len + 1) : "");
        return row.version() > 1 ? base + " (renamed " + (row.version() - 1) + ")" : base;
    }

    private ObjectNode v1UserRole(Row row) {
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("type", row.index() % Vocabulary.ROLE_NAMES.length == 0 ? "interviewer" : "job_admin");
        n.put("name", roleName(row));
        return n;
    }

    private ObjectNode v3UserRole(Row row) {
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("name", roleName(row));
        n.put("role_type", row.index() % Vocabulary.ROLE_NAMES.length == 0 ? "deprecated_interviewer" : "job_admin");
        n.put("created_at", ts(row.created()));
        n.put("updated_at", ts(row.updated()));
        return n;
    }

    String questionName(Row row) {
        int len = Vocabulary.DEMOGRAPHIC_QUESTIONS.length;
        String base = Vocabulary.DEMOGRAPHIC_QUESTIONS[row.index() % len]
                + (row.index() >= len ? " (" + (row.index() / len + 1) + ")" : "");
        return row.version() > 1 ? base + " [rev " + row.version() + "]" : base;
    }

    private ObjectNode v1DemographicQuestion(Row row) {
        SplittableRandom v = versioned(Resource.DEMOGRAPHIC_QUESTIONS, row.id(), row.version());
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.put("active", stable(Resource.DEMOGRAPHIC_QUESTIONS, row.id()).nextInt(20) != 0);
        Long set = parentId(Resource.DEMOGRAPHIC_QUESTION_SETS, Resource.DEMOGRAPHIC_QUESTIONS, row);
        n.put("demographic_question_set_id", set != null ? set : 450 + row.index() / 4);
        String name = questionName(row);
        n.put("name", name);
        ObjectNode tr = n.putArray("translations").addObject();
        tr.put("language", "en");
        tr.put("name", name);
        n.put("required", v.nextBoolean());
        n.put("answer_type", demographicAnswerType(row.id()));
        return n;
    }

    String demographicAnswerType(long questionId) {
        return stable(Resource.DEMOGRAPHIC_QUESTIONS, questionId).nextInt(3) == 0
                ? "multi_value_multi_select" : "multi_value_single_select";
    }

    private ObjectNode v3DemographicQuestion(Row row) {
        ObjectNode v1 = v1DemographicQuestion(row);
        ObjectNode n = F.objectNode();
        n.put("id", row.id());
        n.set("active", v1.get("active"));
        n.set("answer_type", v1.get("answer_type"));
        n.set("demographic_question_set_id", v1.get("demographic_question_set_id"));
        n.set("name", v1.get("name"));
        n.set("required", v1.get("required"));
        n.put("sort_order", row.index() + 1);
        n.put("created_at", ts(row.created()));
        n.put("updated_at", ts(row.updated()));
        return n;
    }
}
