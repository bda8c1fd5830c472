package io.kafkaconnect.greenhouse.sync;

/**
 * What a snapshot pass read from its first page listed: its ids, and over how many pages (a pass of one page cannot
 * have skipped a record; one of several may have, were a record deleted while it read: see the deletes' second
 * look).
 */
public record ListedPass(IdSet ids, int pages) {
}
