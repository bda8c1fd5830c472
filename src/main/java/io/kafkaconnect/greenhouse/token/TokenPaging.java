package io.kafkaconnect.greenhouse.token;

import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TokenDialect;
import io.kafkaconnect.greenhouse.sync.IdScan;
import io.kafkaconnect.greenhouse.sync.IdSet;
import io.kafkaconnect.greenhouse.sync.PagingModel;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Paging by cursors and sync tokens: {@link TokenSync}s resuming from {@link TokenOffset}s. There is no start time
 * ({@code sync.start} does not apply): a sync without a stored offset begins with a full pass.
 */
public final class TokenPaging implements PagingModel {
    private final TokenDialect dialect;

    public TokenPaging(TokenDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public ResourceSync open(Resource resource, Map<String, Object> stored, Optional<Instant> syncStart,
                             ResourceSync.Context context) {
        return new TokenSync(resource, dialect, TokenOffset.fromMap(stored), context);
    }

    @Override
    public void checkOffset(Resource resource, HttpUrl baseUrl, Map<String, ?> position, Instant now) {
        TokenOffset.fromMap(position);
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
