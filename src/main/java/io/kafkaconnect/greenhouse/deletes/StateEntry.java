package io.kafkaconnect.greenhouse.deletes;

import java.util.Map;

/**
 * One offset a ledger writes: its partition, the offset, and a few words for the state record that carries it (Connect
 * stores offsets only with records).
 */
record StateEntry(Map<String, Object> partition, Map<String, Object> offset, String description) {
}
