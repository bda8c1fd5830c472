package io.kafkaconnect.greenhouse.simulator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/** Word lists and small helpers for generating realistic, deterministic record content. */
final class Vocabulary {
    private Vocabulary() {
    }

    static final String[] FIRST_NAMES = {"John", "Jane", "Kate", "Hugo", "Sayid", "Sun", "Jin", "Claire", "Charlie",
        "Desmond", "Penny", "Miles", "Juliet", "Ben", "Danielle", "Rose", "Bernard", "Ana", "Libby", "Walt",
        "Priya", "Kenji", "Amara", "Mateo", "Zoe", "Omar", "Lena", "Ivan", "Chloé", "Søren", "Aisha", "Björn"};
    static final String[] LAST_NAMES = {"Locke", "Austen", "Reyes", "Jarrah", "Kwon", "Littleton", "Pace", "Hume",
        "Widmore", "Straume", "Burke", "Linus", "Rousseau", "Nadler", "Cortez", "Smith", "Shephard", "Ford",
        "Patel", "Tanaka", "Okafor", "García", "Müller", "O'Neil", "Nguyen", "Kowalski", "Dubois", "Andersen"};
    static final String[] COMPANIES = {"The Tustin Box Company", "Acme Corp", "Globex", "Initech", "Umbrella",
        "Hooli", "Stark Industries", "Wayne Enterprises", "Pied Piper", "Vandelay Industries", "Soylent",
        "Dharma Initiative", "Oceanic Airlines", "Cyberdyne", "Tyrell Corp"};
    static final String[] TITLES = {"Customer Success Representative", "Software Engineer", "Senior Software Engineer",
        "Data Scientist", "Product Manager", "UX Designer", "Account Executive", "Recruiter", "DevOps Engineer",
        "Engineering Manager", "QA Analyst", "Technical Writer", "Solutions Architect", "Marketing Lead"};
    static final String[] JOB_NAMES = {"Archaeologist", "DevOps Engineer", "Data Scientist", "UX Designer",
        "Accounting Manager", "Backend Engineer", "Frontend Engineer", "Site Reliability Engineer", "Recruiter",
        "Sales Development Representative", "Product Designer", "Security Engineer", "Support Specialist"};
    static final String[] CITIES = {"New York", "Boston", "San Francisco", "London", "Berlin", "Dublin", "Toronto",
        "Sydney", "Remote"};
    static final String[] DEPARTMENT_NAMES = {"Technology", "Engineering", "Design", "Sales", "Marketing",
        "Finance", "People", "Legal", "Customer Success", "Operations", "Research", "Strategy", "Administration"};
    static final String[] TAGS = {"Python", "Ruby", "Java", "Kafka", "Go", "Leadership", "Referral", "Silver Medalist",
        "Diversity", "Campus", "Remote OK", "Relocation"};
    static final String[] SKILLS = {"Java", "Kafka", "SQL", "Kubernetes", "React", "Spark", "Terraform", "Figma"};
    static final String[] SCHOOLS = {"University of Michigan - Ann Arbor", "MIT", "Stanford University",
        "Technische Universität München", "University of Toronto", "Trinity College Dublin"};
    static final String[] DEGREES = {"Bachelor's Degree", "Master's Degree", "Ph.D.", "Associate's Degree"};
    static final String[] DISCIPLINES = {"Computer Science", "Mathematics", "Economics", "Design", "Physics"};
    static final String[] SOURCES = {"LinkedIn (Prospecting)", "Meetups", "Jobs page on your website", "Happy Hour",
        "Campus Job Fair", "Referral", "Indeed", "Agency"};
    static final String[] STAGES = {"Application Review", "Recruiter Phone Screen", "Take Home Test",
        "Face to Face", "Reference Check", "Offer"};
    static final String[] REJECTION_REASONS = {"Lacking skill(s)/qualification(s)", "Hired another candidate",
        "Not a culture fit", "Compensation", "Withdrew"};
    static final String[] QUESTIONS = {"How did you hear about this job?", "Website", "LinkedIn Profile",
        "Why do you want to work for us?", "Are you authorized to work in the US?"};
    static final String[] ANSWERS = {"A friend", "https://example.com", "https://linkedin.com/example",
        "I heard you're awesome!", "Yes", "No", "Online Research"};
    static final String[] ROLE_NAMES = {"Interviewer", "Standard", "Private", "Recruiter", "Hiring Manager",
        "Coordinator", "Sourcer", "Basic"};
    static final String[] DEMOGRAPHIC_QUESTIONS = {"What is your gender identity?", "What is your race/ethnicity?",
        "Do you identify as a veteran?", "Do you have a disability?", "What are your pronouns?",
        "What is your favorite color?", "Pizza or pasta?"};

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** ISO-8601 UTC with milliseconds and Z, as Harvest renders timestamps (hand-rolled: it is on the hot path). */
    static String ts(long epochMs) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMs, 1000L), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            return TS.format(Instant.ofEpochMilli(epochMs));
        }
        char[] c = new char[24];
        put(c, 0, year, 4);
        c[4] = '-';
        put(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        put(c, 11, t.getHour(), 2);
        c[13] = ':';
        put(c, 14, t.getMinute(), 2);
        c[16] = ':';
        put(c, 17, t.getSecond(), 2);
        c[19] = '.';
        put(c, 20, (int) Math.floorMod(epochMs, 1000L), 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    static String date(long epochMs) {
        return DATE.format(Instant.ofEpochMilli(epochMs));
    }

    /** A date at midnight rendered as a timestamp, as v1 educations/employments do. */
    static String midnight(long epochMs) {
        return date(epochMs) + "T00:00:00.000Z";
    }

    static String pick(SplittableRandom rnd, String[] words) {
        return words[rnd.nextInt(words.length)];
    }

    /** A well-mixed 64-bit hash of the inputs (SplitMix64 finaliser). */
    static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h ^= p;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
            h *= 0x94D049BB133111EBL;
            h ^= h >>> 29;
        }
        return h;
    }

    static String slug(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("(^\\.|\\.$)", "");
    }
}
