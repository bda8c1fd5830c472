package io.kafkaconnect.greenhouse.schema;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fields the API sends that the schema does not declare are dropped; each is logged once per resource and
 * field, so a new API field shows up in the log without flooding it.
 */
public final class UnknownFieldLog {
    private static final Logger log = LoggerFactory.getLogger(UnknownFieldLog.class);
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    void report(String resource, String path) {
        if (seen.add(resource + "/" + path)) {
            log.info("Resource {} has a field '{}' that its schema does not declare; the field is dropped "
                    + "(a newer connector version may include it)", resource, path);
        }
    }

    public Set<String> seen() {
        return Set.copyOf(seen);
    }
}
