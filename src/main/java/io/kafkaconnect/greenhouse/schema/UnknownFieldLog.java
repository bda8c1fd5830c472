package io.kafkaconnect.greenhouse.schema;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fields the API sends that the schema does not declare are kept or dropped, as {@link UndeclaredFields} says;
 * each is logged once per resource and field, so a new API field shows up in the log without flooding it.
 */
public final class UnknownFieldLog {
    private static final Logger log = LoggerFactory.getLogger(UnknownFieldLog.class);
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final UndeclaredFields policy;

    /** Undeclared fields are kept (the default of {@code undeclared.fields}). */
    public UnknownFieldLog() {
        this(UndeclaredFields.KEEP);
    }

    public UnknownFieldLog(UndeclaredFields policy) {
        this.policy = policy;
    }

    /** Whether undeclared fields go into {@link RecordConverter#UNDECLARED_FIELD}. */
    boolean keeps() {
        return policy == UndeclaredFields.KEEP;
    }

    /** @param path the field's path in the record; list indexes do not count ({@code list[].name} for all) */
    void report(String resource, String path) {
        String field = path.indexOf('[') < 0 ? path : path.replaceAll("\\[\\d+]", "[]");
        if (seen.add(resource + "/" + field)) {
            if (keeps()) {
                log.info("Resource {} has a field '{}' that its schema does not declare; the field is kept in "
                        + "'{}' (a newer connector version may declare it)", resource, field,
                        RecordConverter.UNDECLARED_FIELD);
            } else {
                log.info("Resource {} has a field '{}' that its schema does not declare; the field is dropped, as "
                        + "undeclared.fields=drop says (a newer connector version may declare it)", resource, field);
            }
        }
    }

    public Set<String> seen() {
        return Set.copyOf(seen);
    }
}
