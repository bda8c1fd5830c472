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

    static final String[] INTERVIEW_NAMES = {"Application Review", "Recruiter Phone Screen", "Cultural Fit Interview",
        "Executive Interview", "Whiteboarding Challenge", "Take Home Test", "System Design", "Reference Call",
        "Portfolio Review", "Hiring Manager Chat"};
    static final String[] ATTRIBUTE_NAMES = {"Communication", "Adaptable", "Relationship Manager", "Project Management",
        "Problem Solver", "Analytical", "Curiosity", "Ownership", "Technical Depth", "Collaboration"};
    static final String[] ATTRIBUTE_TYPES = {"Skills", "Qualifications", "Personality Traits", "Details"};
    static final String[] SCORECARD_QUESTIONS = {"Does the candidate have experience designing APIs?",
        "Which team would you suggest for this candidate?", "Where would the candidate be willing to work?",
        "Is this person really a good fit?", "What's their favorite color?", "Do they really want to work here?",
        "How did they approach the take-home exercise?", "Would you want to work with them every day?"};
    static final String[] SCORECARD_ANSWERS = {"Yes", "No", "Alpha Team", "Beta Team", "London, Dubai, San Diego",
        "Remote only", "Seems like a decent candidate.", "Strong on fundamentals, light on distributed systems."};
    static final String[] ROOMS = {"Big Conference Room", "Small Conference Room", "Phone Booth 2", "The Hatch",
        "The Swan", "The Orchid"};
    static final String[] CLOSE_REASONS = {"Hired", "Hired - Backfill", "Backfill", "Order cancelled", "Budget cut",
        "Filled internally", "Role redefined"};
    static final String[] SOURCE_TYPES = {"Attract", "Referrals", "Third-party boards", "Agencies", "Prospecting",
        "Company marketing", "Supernatural Means"};
    static final String[] CUSTOM_FIELD_NAMES = {"Seniority Level", "Employment Type", "Salary", "Start Date",
        "Willing to negotiate", "Favorite Station", "Cost Center", "Bonus Eligible", "Work Location", "Notice Period",
        "Visa Sponsorship", "Equipment"};
    static final String[] FIELD_TYPES = {"job", "candidate", "application", "offer", "opening", "rejection_question",
        "referral_question", "user_attribute"};
    static final String[] VALUE_TYPES = {"short_text", "long_text", "yes_no", "currency", "number", "date", "url",
        "user", "number_range", "currency_range"};
    static final String[] OPTION_NAMES = {"Junior", "Senior", "Staff", "Principal", "Full-Time", "Part-Time",
        "Contractor", "Intern", "North", "South", "East", "West"};
    static final String[] EMAIL_TEMPLATE_NAMES = {"Default Scorecard Reminder", "Personal Candidate Email Template",
        "Interview Invitation", "Rejection - After Phone Screen", "Offer Letter Cover Note", "Availability Request",
        "Referral Thank You", "Take Home Test Instructions"};
    static final String[] EMAIL_TYPES = {"scorecard_reminder", "candidate_email", "interviewer_invite",
        "candidate_rejection", "extending_offer", "candidate_availability_request", "referral_thank_you",
        "take_home_test"};
    static final String[] PROSPECT_POOLS = {"Cold Outreach: Sourced", "Opted In: Referral", "Opted In: In-Person Event",
        "Silver Medalists", "Campus 2026", "Boomerangs"};
    static final String[] PROSPECT_STAGES = {"Not Contacted", "Contacted", "In Discussion", "Discussed",
        "1st. Follow Up Sent", "2nd Follow Up Sent", "Had email listed on their blog"};
    static final String[] QUESTION_SETS = {"Question Set", "Question Set A", "Question Set B", "EU Candidates",
        "US Candidates"};
    static final String[] ANSWER_OPTIONS = {"Woman", "Man", "Non-binary", "Asian", "Black or African American",
        "Hispanic or Latinx", "White", "Yes", "No", "Blue", "Red", "Pizza", "Pasta"};
    static final String[] INTERVIEWER_TAGS = {"Bar Raiser", "Technical", "Culture", "Executive", "Spanish Speaker",
        "Trained: Structured Interviewing"};
    static final String[] NOTE_BODIES = {"Great phone screen, moving forward.", "Candidate asked about relocation.",
        "Sent the take home test.", "Reference check came back positive.", "Follow up next quarter."};

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
