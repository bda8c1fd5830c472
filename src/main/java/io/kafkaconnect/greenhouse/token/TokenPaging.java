package io.kafkaconnect.greenhouse.token;

import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TokenDialect;
import io.kafkaconnect.greenhouse.sync.ListsInTurn;
import io.kafkaconnect.greenhouse.sync.IdScan;
import io.kafkaconnect.greenhouse.sync.IdSet;
import io.kafkaconnect.greenhouse.sync.PagingModel;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Paging by cursors and sync tokens: {@link TokenSync}s resuming from {@link TokenOffset}s. There is no start time
 * ({@code sync.start} does not apply): a sync without a stored offset begins with a full pass. A resource read as
 * several lists (one per value of a required filter) reads them in turn ({@link ListsInTurn}), each with its own
 * token.
 */
public final class TokenPaging implements PagingModel {
    private final TokenDialect dialect;

    public TokenPaging(TokenDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public ResourceSync open(Resource resource, Map<String, Object> stored, Optional<Instant> syncStart,
                             ResourceSync.Context context) {
        if (resource.moreLists().isEmpty()) {
            return new TokenSync(resource, dialect, TokenOffset.fromMap(stored), context);
        }
        List<Resource> lists = resource.lists();
        List<Map<String, Object>> positions = ListsInTurn.split(resource, stored);
        List<TokenSync> syncs = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            syncs.add(new TokenSync(lists.get(i), dialect, TokenOffset.fromMap(positions.get(i)), context));
        }
        return new ListsInTurn<>(resource, syncs);
    }

    @Override
    public void checkOffset(Resource resource, HttpUrl baseUrl, Map<String, ?> position, Instant now) {
        ListsInTurn.split(resource, position).forEach(TokenOffset::fromMap);
    }

    @Override
    public IdScan idScan(Resource resource, IdSet.Kind kind, ResourceSync.Context context) {
        return new TokenIdScan(resource, dialect, kind, context);
    }

    @Override
    public String offsetExample() {
        return "To replay a sync token, write {\"v\": 1, \"sync_token\": \"<token>\"}; to read everything again, "
                + "write null.";
    }
}
