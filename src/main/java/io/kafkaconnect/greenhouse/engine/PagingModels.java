package io.kafkaconnect.greenhouse.engine;

import io.kafkaconnect.greenhouse.dialect.Dialect;
import io.kafkaconnect.greenhouse.sync.PagingModel;
import io.kafkaconnect.greenhouse.token.TokenPaging;
import io.kafkaconnect.greenhouse.window.WindowPaging;

/** The one place the engine asks a dialect how it pages. */
public final class PagingModels {
    private PagingModels() {
    }

    public static PagingModel of(Dialect dialect) {
        return dialect.paging(WindowPaging::new, TokenPaging::new);
    }
}
