package io.kafkaconnect.greenhouse.sync;

import java.util.Map;

/** The sync of one of a resource's lists, as {@link ListsInTurn} hands the turn between them. */
public interface ListSync extends ResourceSync {

    /** True while a pass (a window, a backfill, a cursor chain) is under way: the list keeps the turn. */
    boolean midPass();

    /** The position this list would resume from now, as its offset map. */
    Map<String, Object> positionMap();
}
