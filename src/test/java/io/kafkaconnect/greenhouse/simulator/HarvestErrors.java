package io.kafkaconnect.greenhouse.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.simulator.core.Reply;

/** Harvest's 422 bodies: v1's validation error and v3's Unprocessable Content. */
final class HarvestErrors {
    private HarvestErrors() {
    }

    /** v1 validation error: {"message":"Validation error","errors":[{"message":...,"field":...}]}. */
    static Reply v1Validation(String field, String message) {
        ObjectNode n = Reply.JSON.createObjectNode();
        n.put("message", "Validation error");
        ObjectNode e = n.putArray("errors").addObject();
        e.put("message", message);
        e.put("field", field);
        return Reply.json(422, n);
    }

    /** v3 422 with one {field: problem} error. */
    static Reply v3Unprocessable(String field, String problem) {
        ObjectNode n = Reply.JSON.createObjectNode();
        n.put("message", "Unprocessable Content");
        n.putArray("errors").addObject().put(field, problem);
        return Reply.json(422, n);
    }

    /** v3 422 with one string error. */
    static Reply v3Unprocessable(String problem) {
        ObjectNode n = Reply.JSON.createObjectNode();
        n.put("message", "Unprocessable Content");
        n.putArray("errors").add(problem);
        return Reply.json(422, n);
    }
}
