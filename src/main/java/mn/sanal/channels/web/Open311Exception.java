package mn.sanal.channels.web;

import org.springframework.http.HttpStatus;

/**
 * An Open311 error: answered as {@code [{"code": 400, "description": "..."}]} with that HTTP status (by
 * {@link Open311Errors}); {@code retryAfterSeconds}, where set, becomes a {@code Retry-After} header.
 */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final Long retryAfterSeconds;

    Open311Exception(HttpStatus status, String description) {
        this(status, description, null);
    }

    Open311Exception(HttpStatus status, String description, Long retryAfterSeconds) {
        super(description, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static Open311Exception badRequest(String description) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, description);
    }

    HttpStatus status() {
        return status;
    }

    Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
