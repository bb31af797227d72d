package com.memora.infra.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the RFC 7807 problems of the API: a stable {@code type} per kind of problem, a human {@code title} and
 * {@code detail}, and for invalid input the offending {@code field} (snake_case, as the client sent it) plus every
 * {@code errors} entry when several fields are wrong.
 */
public final class Problems {

    static final int MAX_MESSAGE = 500;

    private Problems() {
    }

    /**
     * {@code urn:memora:problem:<slug>}. A slug is made of a code a domain exception chose (e.g. {@code sync log
     * entry-not-found}); anything but lower-case letters, digits and {@code -} becomes {@code -}, so no code can make
     * the URN invalid and turn a 404 into a 500.
     */
    public static URI type(String slug) {
        String safe = slug.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        return URI.create("urn:memora:problem:" + safe);
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, bounded(detail));
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    /**
     * A request path the service never serves ({@code ..} or {@code .} segments, encoded separators, NUL, a double
     * slash), refused before routing, by Spring Security's firewall or by Tomcat: no single field is to blame.
     */
    public static ProblemDetail rejectedPath() {
        return of(HttpStatus.BAD_REQUEST, "rejected-path", "Invalid request path",
                  "The request path is not allowed: it contains a '..' or '.' segment, an encoded separator or NUL, a"
                  + " double slash or another character sequence the service never serves");
    }

    /** An unexpected failure: only an error id the client can quote (the stack trace stays in the log). */
    public static ProblemDetail internal(String errorId) {
        ProblemDetail problem = of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                                   "The request failed unexpectedly; quote error id " + errorId);
        problem.setProperty("error_id", errorId);
        return problem;
    }

    /** A problem known only by its HTTP status (the container's, or Spring's): type and title follow the status. */
    public static ProblemDetail ofStatus(HttpStatus status, String detail) {
        return of(status, slug(status), status.getReasonPhrase(), detail);
    }

    /** {@code not-found} for 404, {@code method-not-allowed} for 405: the slug of a problem known by its status. */
    public static String slug(HttpStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ProblemDetail invalid(String slug, List<FieldError> errors) {
        FieldError first = errors.get(0);
        String detail = errors.size() == 1
                        ? first.field() + ": " + first.message()
                        : errors.size() + " fields are invalid, first " + first.field() + ": " + first.message();
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, slug, "Invalid input", detail);
        problem.setProperty("field", bounded(first.field()));
        problem.setProperty("errors", errors.stream()
                                            .map(e -> Map.of("field", bounded(e.field()),
                                                             "message", bounded(e.message())))
                                            .toList());
        return problem;
    }

    /**
     * Messages that quote the input ({@code got '…'}) are cut short: a problem never sends a client's megabyte back
     * (10,000 characters in {@code endpoint_url} came back twice, in {@code detail} and in {@code errors}).
     */
    static String bounded(String text) {
        return text == null || text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }

    public record FieldError(String field, String message) {
    }
}
