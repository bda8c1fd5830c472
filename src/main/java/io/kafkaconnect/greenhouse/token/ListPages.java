package io.kafkaconnect.greenhouse.token;

import io.kafkaconnect.greenhouse.api.ApiClient;
import io.kafkaconnect.greenhouse.api.CursorPage;
import io.kafkaconnect.greenhouse.api.PageReader;
import io.kafkaconnect.greenhouse.api.RecordParser;
import io.kafkaconnect.greenhouse.dialect.Resource;
import io.kafkaconnect.greenhouse.dialect.TokenDialect;
import io.kafkaconnect.greenhouse.sync.ResourceSync;
import okhttp3.HttpUrl;

/** The pages of one list of a resource, each of its records read as an {@code R}. */
final class ListPages<R> {
    private final Resource list;
    private final TokenDialect dialect;
    private final ApiClient client;
    private final HttpUrl baseUrl;
    private final int pageSize;
    private final PageReader<CursorPage<R>> reader;

    ListPages(Resource list, TokenDialect dialect, ApiClient client, ResourceSync.Settings settings,
              RecordParser<R> records) {
        this.list = list;
        this.dialect = dialect;
        this.client = client;
        this.baseUrl = settings.baseUrl();
        this.pageSize = settings.pageSize();
        this.reader = dialect.pageReader(records);
    }

    /**
     * @param syncToken the token of the pass (null: a full pass)
     * @param cursor    the cursor of the page (null: the pass's first page)
     */
    CursorPage<R> read(String syncToken, String cursor) {
        return client.exchange(dialect.listRequest(baseUrl, list, syncToken, cursor, pageSize), list.name(), reader);
    }

    /** The URL of the list, for messages (e.g. Ashby's cursors travel in the body). */
    HttpUrl url() {
        return dialect.listRequest(baseUrl, list, null, null, pageSize).url();
    }
}
