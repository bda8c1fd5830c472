package io.kafkaconnect.greenhouse.ashby;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafkaconnect.greenhouse.api.ApiException;
import io.kafkaconnect.greenhouse.api.Credentials;
import io.kafkaconnect.greenhouse.api.ExpiredCursorException;
import io.kafkaconnect.greenhouse.api.ExpiredSyncTokenException;
import io.kafkaconnect.greenhouse.api.JsonBody;
import io.kafkaconnect.greenhouse.api.PageRequest;
import io.kafkaconnect.greenhouse.api.Protocol;
import io.kafkaconnect.greenhouse.api.ThrottledReplyException;
import io.kafkaconnect.greenhouse.api.TransientReplyException;
import java.io.IOException;
import java.util.Set;

/**
 * Ashby reports most errors inside an HTTP 200 answer: {@code {"success": false, "errorInfo": {"code", "message",
 * "requestId"}, "errors": [code]}}. Every answer is checked for {@code success}, and an error is classified by its
 * code whatever the HTTP status: cursor and sync-token codes are recovered by the sync, rate codes are waited out,
 * codes that name a passing failure are retried, the rest fail with a message a user can act on (with Ashby's
 * request id, for Ashby's support).
 */
public final class AshbyProtocol implements Protocol {
    public static final AshbyProtocol INSTANCE = new AshbyProtocol();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<String> CURSOR_CODES = Set.of("next_cursor_expired", "invalid_next_cursor");
    private static final Set<String> TOKEN_CODES = Set.of("sync_token_expired", "sync_token_invalid",
            "incremental_sync_too_large");
    private static final Set<String> RATE_CODES = Set.of("rate_limit_exceeded", "concurrent_limit_exceeded");

    private AshbyProtocol() {
    }

    @Override
    public String apiName() {
        return "Ashby";
    }

    @Override
    public String baseUrlSetting() {
        return AshbySourceConfig.BASE_URL;
    }

    @Override
    public void checkBody(JsonBody body, String resource, PageRequest request) throws IOException {
        check(AshbyAnswer.read(body, null).fields(), resource, request);
    }

    /**
     * Checks the fields of an answer object (everything but its {@code results}, see {@link AshbyAnswer}) for the
     * error Ashby reports inside it.
     */
    static void check(ObjectNode root, String resource, PageRequest request) {
        JsonNode success = root.get("success");
        if (success == null || !success.isBoolean()) {
            throw new TransientReplyException("an answer without a 'success' flag");
        }
        if (!success.booleanValue()) {
            throw error(200, Error.of(root), request, resource);
        }
    }

    @Override
    public ApiException permanent(int status, String body, PageRequest request, String resource,
                                  Credentials credentials) {
        Error error = Error.parse(body);
        if (error.code() != null && !(status == 401 || status == 403)
                && error(status, error, request, resource) instanceof ApiException known) {
            return known;
        }
        String where = request.describe();
        return switch (status) {
            case 401 -> new ApiException(401, "Ashby rejected the request for lack of a valid API key (HTTP 401 for "
                    + where + "): check " + AshbySourceConfig.API_KEY + error.detail());
            case 403 -> "missing_endpoint_permission".equals(error.code())
                    ? forbidden(resource, where, error)
                    // Ashby answers 403 to a wrong or deactivated key: a credential problem, not the resource's
                    : new ApiException(401, "Ashby refused the API key (HTTP 403 for " + where + "): check that "
                            + AshbySourceConfig.API_KEY + " is a current, active key" + error.detail());
            case 404 -> new ApiException(404, "Ashby has no " + where + " (HTTP 404): check "
                    + AshbySourceConfig.BASE_URL + error.detail());
            default -> new ApiException(status, "Ashby answered HTTP " + status + " to " + where + error.detail());
        };
    }

    /** The exception for an error Ashby reported, by its code. */
    private static RuntimeException error(int status, Error error, PageRequest request, String resource) {
        String code = error.code() == null ? "" : error.code();
        String where = request.describe();
        if (CURSOR_CODES.contains(code)) {
            return new ExpiredCursorException(status, "Ashby refused the stored cursor of " + resource + " ("
                    + code + ")" + error.detail());
        }
        if (TOKEN_CODES.contains(code)) {
            return new ExpiredSyncTokenException(status, code, "Ashby refused the stored sync token of " + resource
                    + " (" + code + ")" + error.detail());
        }
        if (RATE_CODES.contains(code)) {
            return new ThrottledReplyException(code);
        }
        if (code.equals("missing_endpoint_permission")) {
            return forbidden(resource, where, error);
        }
        if (code.endsWith("_not_found")) {
            return new ApiException(404, "Ashby found nothing for " + where + " (" + code + ")" + error.detail());
        }
        if (code.equals("invalid_input")) {
            return new ApiException(422, "Ashby refused the request " + where + " as invalid (invalid_input)"
                    + error.detail());
        }
        if (isPassing(code)) {
            return new TransientReplyException("Ashby reported " + code + error.detail());
        }
        return new ApiException(status, "Ashby reported an error for " + where + " ("
                + (code.isEmpty() ? "no error code" : code) + ")" + error.detail());
    }

    private static ApiException forbidden(String resource, String where, Error error) {
        return new ApiException(403, "The API key may not read " + resource + " (missing_endpoint_permission for "
                + where + "): " + AshbyAccess.hint(resource) + ", or remove " + resource + " from "
                + AshbySourceConfig.RESOURCES + error.detail());
    }

    /** Codes that are not documented but plainly name a failure that passes (Ashby lists no transient codes). */
    private static boolean isPassing(String code) {
        return code.contains("timeout") || code.contains("unavailable") || code.contains("internal")
                || code.contains("try_again");
    }

    /** What Ashby said about an error. */
    private record Error(String code, String message, String requestId) {
        static Error parse(String body) {
            try {
                JsonNode root = JSON.readTree(body);
                return root != null && root.isObject() ? of(root) : new Error(null, null, null);
            } catch (Exception e) {
                return new Error(null, null, null);
            }
        }

        static Error of(JsonNode root) {
            JsonNode info = root.path("errorInfo");
            String code = text(info.get("code"));
            if (code == null && root.path("errors").isArray() && !root.path("errors").isEmpty()) {
                code = text(root.path("errors").get(0)); // the deprecated list of codes
            }
            return new Error(code, text(info.get("message")), text(info.get("requestId")));
        }

        private static String text(JsonNode node) {
            return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
        }

        String detail() {
            StringBuilder out = new StringBuilder();
            if (message != null) {
                out.append(": ").append(message);
            }
            if (requestId != null) {
                out.append(" (Ashby request id ").append(requestId).append(")");
            }
            return out.toString();
        }
    }
}
