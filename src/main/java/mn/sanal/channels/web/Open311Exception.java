package mn.sanal.channels.web;

import org.springframework.http.HttpStatus;

/** An Open311 error: answered as {@code [{"code": 400, "description": "..."}]} with that HTTP status. */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;

    Open311Exception(HttpStatus status, String description) {
        super(description);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
