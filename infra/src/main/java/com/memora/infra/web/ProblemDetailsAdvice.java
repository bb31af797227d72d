package com.memora.infra.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.memora.kernel.error.ConflictException;
import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.error.RateLimitedException;
import com.memora.kernel.error.TemporarilyUnavailableException;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Every error of the API as an RFC 7807 problem: 400 with the offending field, 404, 409, 403. Bad input is never a
 * 500; an unexpected failure is a 500 whose body holds only an error id (the stack trace stays in the log).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return Problems.invalid(e.problemType(), e.problems().stream()
                                                  .map(p -> new Problems.FieldError(p.field(), p.message()))
                                                  .toList());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, e.problemType(), "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, e.problemType(), "Conflict", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException e) {
        String id = String.valueOf(e.getAggregateIdentifier());
        int colon = id.indexOf(':');
        String kind = colon < 0 ? "resource" : id.substring(0, colon);
        return notFound(new NotFoundException(kind, colon < 0 ? id : id.substring(colon + 1)));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail duplicate(AggregateStreamCreationException e) {
        return Problems.of(HttpStatus.CONFLICT, "duplicate-id", "Duplicate id",
                           "Something with this id already exists; choose another id");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentModification(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                           "Someone else changed this at the same moment; read it again and retry");
    }

    @ExceptionHandler(UnableToClaimTokenException.class)
    ProblemDetail segmentClaimed(UnableToClaimTokenException e) {
        return Problems.of(HttpStatus.CONFLICT, "replay-refused", "Conflict", e.getMessage());
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        return retryLater(Problems.of(HttpStatus.TOO_MANY_REQUESTS, e.problemType(), "Too many requests",
                                      e.getMessage()), e.retryAfterSeconds());
    }

    @ExceptionHandler(TemporarilyUnavailableException.class)
    ResponseEntity<ProblemDetail> temporarilyUnavailable(TemporarilyUnavailableException e) {
        return retryLater(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.problemType(), "Try again shortly",
                                      e.getMessage()), e.retryAfterSeconds());
    }

    /** 429 and 503 say when to come back, in the header and in the body ({@code retry_after}, seconds). */
    private static ResponseEntity<ProblemDetail> retryLater(ProblemDetail problem, long retryAfterSeconds) {
        problem.setProperty("retry_after", retryAfterSeconds);
        return ResponseEntity.status(problem.getStatus())
                             .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                             .body(problem);
    }

    /** Distributed buses and futures wrap the handler's exception; unwrap it so the client sees the real one. */
    @ExceptionHandler({CommandExecutionException.class, QueryExecutionException.class, CompletionException.class,
                       ExecutionException.class})
    ResponseEntity<ProblemDetail> wrapped(Exception e) {
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            if (cause instanceof RateLimitedException limited) {
                return rateLimited(limited);
            }
            if (cause instanceof TemporarilyUnavailableException unavailable) {
                return temporarilyUnavailable(unavailable);
            }
        }
        ProblemDetail problem = e.getCause() instanceof Exception inner && inner != e ? dispatch(inner)
                                                                                      : unexpected(e);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private ProblemDetail dispatch(Exception e) {
        if (e instanceof InvalidInputException invalid) {
            return invalidInput(invalid);
        }
        if (e instanceof NotFoundException notFound) {
            return notFound(notFound);
        }
        if (e instanceof ConflictException conflict) {
            return conflict(conflict);
        }
        if (e instanceof AggregateNotFoundException notFound) {
            return aggregateNotFound(notFound);
        }
        if (e instanceof AggregateStreamCreationException duplicate) {
            return duplicate(duplicate);
        }
        if (e instanceof ConcurrencyException conflict) {
            return concurrentModification(conflict);
        }
        if (e instanceof AccessDeniedException denied) {
            return accessDenied(denied);
        }
        return e.getCause() instanceof Exception inner && inner != e ? dispatch(inner) : unexpected(e);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                           "Your role does not allow this request");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        List<Problems.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problems.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return Problems.invalid("validation", errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = e.getCause() instanceof TextInputRules.ControlCharactersRefused refused
                         ? refused.getMessage()
                         : quoted(e.getValue()) + " is not a valid " + simpleType(e.getRequiredType());
        return Problems.invalid("validation", List.of(new Problems.FieldError(e.getName(), message)));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {}", errorId, e);
        return Problems.internal(errorId);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<Problems.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldError(jsonPath(error), error.getDefaultMessage()))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(
                new Problems.FieldError(error.getObjectName(), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(Problems.invalid("validation", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            @NonNull HandlerMethodValidationException e, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<Problems.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new Problems.FieldError(
                        parameterName(result.getMethodParameter().getParameterName(), error),
                        error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid("validation", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        Throwable cause = firstMappingProblem(e);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ResponseEntity.badRequest().body(Problems.invalid("unknown-field", List.of(
                    new Problems.FieldError(path(unknown), "is not a field of this request"))));
        }
        if (cause instanceof InvalidFormatException format) {
            return ResponseEntity.badRequest().body(Problems.invalid("validation", List.of(
                    new Problems.FieldError(path(format), quoted(format.getValue()) + " is not a valid "
                                                          + simpleType(format.getTargetType())))));
        }
        // Jackson's own messages name our classes ("Cannot deserialize value of type `java.lang.String`…"):
        // say which JSON the field (or the whole body) takes instead
        if (cause instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-json",
                                                                "Malformed request body",
                                                                "The body must be " + jsonKind(mismatch.getTargetType())));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return ResponseEntity.badRequest().body(Problems.invalid("validation", List.of(
                    new Problems.FieldError(path(mismatch), "must be " + jsonKind(mismatch.getTargetType())))));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return ResponseEntity.badRequest().body(Problems.invalid("validation", List.of(
                    new Problems.FieldError(path(mapping), "is not a valid value for this field"))));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-json",
                                                            "Malformed request body",
                                                            "The body is not valid JSON for this request"));
    }

    /** The JSON a field of this Java type takes, in words a client understands (never a class name). */
    private static String jsonKind(Class<?> type) {
        if (type == null) {
            return "a value of another JSON type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == UUID.class || type == char.class
            || type == Character.class) {
            return "a JSON string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
            || type == Long.class || type == Short.class) {
            return "a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a " + simpleType(type) + " string";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    /** The rejected value as the client sent it, cut short: a problem never echoes a megabyte back. */
    private static String quoted(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() <= 64 ? text : text.substring(0, 64) + "…") + "'";
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, @NonNull HttpHeaders headers,
                                                          @NonNull HttpStatusCode statusCode,
                                                          @NonNull WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType() != null
            && "about:blank".equals(problem.getType().toString())) {
            problem.setType(Problems.type(Problems.slug(HttpStatus.valueOf(statusCode.value()))));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** The outermost Jackson mapping problem: it knows the JSON path, the root cause (a parse error) does not. */
    private static Throwable firstMappingProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonMappingException) {
                return cause;
            }
        }
        return e;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** {@code stages[0].type} stays as is; {@code startDate} becomes {@code start_date}, as the client wrote it. */
    private static String jsonPath(FieldError error) {
        String[] parts = error.getField().split("\\.");
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!path.isEmpty()) {
                path.append('.');
            }
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            path.append(SNAKE_CASE.translate(name)).append(bracket < 0 ? "" : part.substring(bracket));
        }
        return path.toString();
    }

    private static String parameterName(String fallback, MessageSourceResolvable error) {
        if (error instanceof FieldError field) {
            return jsonPath(field);
        }
        return fallback == null ? "parameter" : SNAKE_CASE.translate(fallback);
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return SNAKE_CASE.translate(dot < 0 ? propertyPath : propertyPath.substring(dot + 1));
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "timestamp (ISO-8601)";
        }
        if (type.isEnum()) {
            return "value (one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")";
        }
        return type.getSimpleName().toLowerCase();
    }
}
