package io.kafkaconnect.greenhouse.api;

import org.apache.kafka.connect.errors.RetriableException;

/** Thrown out of a wait when the task is stopping; nothing was lost, the request simply did not happen. */
public class StoppedException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public StoppedException() {
        super("stopping");
    }
}
