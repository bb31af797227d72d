package com.memora.infra.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The servlet container's error page ({@code /error}), replacing Spring Boot's: an RFC 7807 problem like every other
 * error of the API, never a stack trace or exception message. It answers failures that happen outside Spring MVC
 * (a filter, the container's {@code sendError}), and a request for {@code /error} itself — which used to be a 500
 * ({@code "status": 999}) although nothing had failed: there is no such resource, so it is a 404.
 */
@RestController
@PreAuthorize("permitAll()") // reached by the container's error dispatch, after the request's own checks
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                            ? HttpStatus.resolve(code) : HttpStatus.NOT_FOUND;
        if (status == null || status.is5xxServerError()) {
            String errorId = UUID.randomUUID().toString();
            log.error("Unexpected error {} at {}", errorId, request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                      (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            ProblemDetail failure = Problems.internal(errorId);
            if (status != null) {
                failure.setStatus(status.value()); // a 503 stays a 503: clients retry it differently
            }
            return problem(failure);
        }
        return problem(Problems.ofStatus(status, status == HttpStatus.NOT_FOUND
                                                 ? "Nothing is served at this path"
                                                 : "The request was refused: " + status.getReasonPhrase()));
    }

    /** The type is set here, so the problem is written whatever the client accepts. */
    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
