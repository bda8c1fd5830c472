package io.kafkaconnect.greenhouse.harvest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkaconnect.greenhouse.api.ApiErrorBody;
import io.kafkaconnect.greenhouse.api.ApiException;
import io.kafkaconnect.greenhouse.api.Credentials;
import io.kafkaconnect.greenhouse.api.ExpiredCursorException;
import io.kafkaconnect.greenhouse.api.PageRequest;
import io.kafkaconnect.greenhouse.api.Protocol;

/**
 * Harvest (v1 and v3): errors are HTTP statuses with a JSON explanation; a 2xx answer is always a page. A 422 to a
 * URL that carries a {@code cursor} (a v3 {@code next} link) means the cursor expired (the reference calls this
 * UNCERTAIN: only a third-party error message mentions "an expired cursor").
 */
public final class HarvestProtocol implements Protocol {
    public static final HarvestProtocol INSTANCE = new HarvestProtocol();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The query parameter of a v3 continuation URL. */
    private static final String CURSOR = "cursor";

    private HarvestProtocol() {
    }

    @Override
    public String apiName() {
        return "Greenhouse";
    }

    @Override
    public String baseUrlSetting() {
        return "greenhouse.base.url";
    }

    @Override
    public ApiException permanent(int status, String body, PageRequest request, String resource,
                                  Credentials credentials) {
        String detail = ApiErrorBody.summary(JSON, body);
        String where = request.describe();
        if (status == 422 && carriesCursor(request)) {
            return new ExpiredCursorException(status, "Greenhouse no longer accepts the stored page cursor while "
                    + "reading " + resource + " (HTTP 422 for " + where + "); the window is read again from its first "
                    + "page" + detail);
        }
        String message = switch (status) {
            case 401 -> "Greenhouse rejected the credentials (HTTP 401) for " + where
                    + ": check " + credentials.settingNames() + detail;
            case 403 -> "The credential may not read " + resource + " (HTTP 403 for " + where
                    + "): " + credentials.accessHint(resource) + ", or remove " + resource
                    + " from greenhouse.resources" + detail;
            case 404 -> "Greenhouse has no " + where + " (HTTP 404): check greenhouse.base.url and the API version"
                    + detail;
            case 422 -> "Greenhouse refused the request " + where + " as invalid (HTTP 422)" + detail;
            default -> "Greenhouse answered HTTP " + status + " to " + where + detail;
        };
        return new ApiException(status, message);
    }

    private static boolean carriesCursor(PageRequest request) {
        return request.url().queryParameterValues(CURSOR).stream().anyMatch(v -> v != null && !v.isEmpty());
    }
}
