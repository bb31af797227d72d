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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalid(String slug, List<FieldError> errors) {
        FieldError first = errors.get(0);
        String detail = errors.size() == 1
                        ? first.field() + ": " + first.message()
                        : errors.size() + " fields are invalid, first " + first.field() + ": " + first.message();
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, slug, "Invalid input", detail);
        problem.setProperty("field", first.field());
        problem.setProperty("errors", errors.stream()
                                            .map(e -> Map.of("field", e.field(), "message", e.message()))
                                            .toList());
        return problem;
    }

    public record FieldError(String field, String message) {
    }
}
