package com.memora.infra.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import com.memora.infra.web.BadInputProbes.Caller;
import com.memora.infra.web.BadInputProbes.Probe;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The product standard, checked on every endpoint at once: bad input gets a clear RFC 7807 problem (a 4xx with
 * {@code type}, {@code title}, {@code status} and {@code detail}, naming the field where one field is to blame, and
 * no trace of our internals) — never a 5xx — and changes nothing. The endpoints come from Spring's own handler
 * mapping, so a new endpoint is swept without anyone adding it here; {@link BadInputProbes} derives the bad inputs
 * from what its handler declares (path variables, {@code @RequestParam}s, {@code @RequestBody}).
 * <p>
 * One run reports every violation (request, what was wrong with it, status, body excerpt), not the first.
 */
class NoServerErrorForBadInputTest extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(NoServerErrorForBadInputTest.class);

    /** Handlers the sweep leaves out, each with its reason. */
    private static final Map<String, String> EXCLUDED_HANDLERS = Map.of(
            // the embedded default's token helper (decisions X2): it does not exist in this context (a production
            // key is configured), and where it does it answers loopback only and takes no input worth sweeping
            "DevTokenController", "embedded-mode token helper");

    /**
     * Probes that are valid input for that particular endpoint, so not "bad input" at all; sending them would do
     * real work on the shared test database.
     */
    private static final List<ValidInput> VALID_INPUT = List.of(
            // every field is optional and takes its default: {} saves "CDN off" over the settings other tests use
            new ValidInput("PUT", "/api/settings/cdn", "empty object"),
            // {} (like no body) asks to test the stored settings
            new ValidInput("POST", "/api/settings/cdn/test", "empty object"),
            // {} (like no body) asks for a reconciliation with the default sample: it would correct the shared cache
            new ValidInput("POST", "/api/admin/srs/reconcile", "empty object"));

    /**
     * Endpoints whose 200 to bad input is an answer, not an acceptance: the CDN connection test changes nothing and
     * reports what the store said ({@code "ok": false} and the store's error for a malformed bucket name or key); the
     * fields a connection does not use are documented as ignored (CdnSettingsRequest). Status and problem checks
     * still apply to them.
     */
    private static final Set<String> DIAGNOSES = Set.of("POST /api/settings/cdn/test");

    /** The 4xx answers the API gives for bad input (api.md); anything else is a finding. */
    private static final Set<Integer> BAD_INPUT_STATUSES = Set.of(400, 401, 403, 404, 405, 409, 413, 415, 429);

    /** Text that only comes from our internals: class names, stack frames. */
    private static final List<String> INTERNALS = List.of("java.", "javax.", "jakarta.", "Exception", "\tat ",
                                                          "org.springframework", "com.fasterxml", "org.axonframework",
                                                          "com.memora.");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                                     .connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record ValidInput(String method, String pattern, String what) {

        boolean covers(Probe probe) {
            return probe.method().equals(method) && probe.endpoint().pattern().equals(pattern)
                   && probe.what().equals(what);
        }
    }

    @Test
    void badInputToAnyEndpointIsAProblemNeverAServerErrorAndChangesNothing() {
        List<Endpoint> endpoints = Endpoint.all(mappings).stream()
                .filter(endpoint -> !EXCLUDED_HANDLERS.containsKey(endpoint.handler().getBeanType().getSimpleName()))
                .toList();
        List<Probe> probes = new ArrayList<>();
        endpoints.forEach(endpoint -> probes.addAll(BadInputProbes.of(endpoint)));
        probes.addAll(wrongMethods(endpoints));
        probes.removeIf(probe -> VALID_INPUT.stream().anyMatch(valid -> valid.covers(probe)));

        awaitQuietEventStore();
        Traces before = traces();
        Traces last = before;
        long started = System.nanoTime();
        Map<Caller, String> tokens = Map.of(
                Caller.ADMIN, TestTokens.admin(),
                Caller.PLAYER, TestTokens.player("probe-player"),
                Caller.ODD_SUBJECT, TestTokens.token("probe\u0000admin", "ADMIN"),
                Caller.GARBAGE_TOKEN, "not-a-jwt",
                Caller.EXPIRED_TOKEN, TestTokens.token("admin-1", Duration.ofMinutes(-10), "ADMIN"));
        List<String> violations = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Probe probe : probes) {
            ApiClient.Response response = send(probe, tokens.get(probe.caller()));
            statuses.merge(response.status(), 1, Integer::sum);
            judge(probe, response).ifPresent(violations::add);
            if (!probe.method().equals("GET")) { // what changed is blamed on the request that changed it
                Traces now = traces();
                if (now.lastEvent() != last.lastEvent()) {
                    violations.add(probe + " → " + response.status() + ": appended events "
                                   + eventsAfter(last.lastEvent()));
                }
                if (now.jobs() != last.jobs()) {
                    violations.add(probe + " → " + response.status() + ": started a background job");
                }
                last = now;
            }
        }
        log.info("Swept {} endpoints with {} requests in {} ms: statuses {}", endpoints.size(), probes.size(),
                 (System.nanoTime() - started) / 1_000_000, statuses);

        assertThat(endpoints).as("the sweep found the endpoints").hasSizeGreaterThan(40);
        if (!violations.isEmpty()) {
            fail(violations.size() + " of " + probes.size() + " bad-input requests were mishandled:\n"
                 + String.join("\n", violations));
        }
        assertThat(traces()).as("no bad input appended an event or started a job").isEqualTo(before);
    }

    /** What bad input must not leave: the event store's last global index, and the number of background jobs. */
    record Traces(long lastEvent, long jobs) {
    }

    private Traces traces() {
        return jdbc.sql("SELECT (SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry),"
                        + " (SELECT COUNT(*) FROM background_job)")
                   .query((row, n) -> new Traces(row.getLong(1), row.getLong(2))).single();
    }

    /** What is wrong with the answer to a bad-input request, if anything. */
    private static Optional<String> judge(Probe probe, ApiClient.Response response) {
        int status = response.status();
        String said = probe + " → " + status + ": " + excerpt(response.body());
        if (status >= 500) {
            return Optional.of("server error: " + said);
        }
        if (status < 400) {
            boolean accepted = !probe.method().equals("GET")
                               && !DIAGNOSES.contains(probe.method() + " " + probe.endpoint().pattern());
            return accepted ? Optional.of("accepted bad input: " + said) : Optional.empty();
        }
        if (!BAD_INPUT_STATUSES.contains(status)) {
            return Optional.of("unexpected status: " + said);
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return Optional.of("not a problem (" + response.contentType() + "): " + said);
        }
        JsonNode problem;
        try {
            problem = response.json();
        } catch (IllegalStateException notJson) {
            return Optional.of("problem body is not JSON: " + said);
        }
        for (String member : List.of("type", "title", "status", "detail")) {
            if (problem.path(member).asText().isBlank()) {
                return Optional.of("problem without '" + member + "': " + said);
            }
        }
        if (problem.path("status").asInt() != status) {
            return Optional.of("problem status differs from the response's: " + said);
        }
        if (response.body().length() > 4096) {
            return Optional.of("problem echoes the input (" + response.body().length() + " chars): " + said);
        }
        for (String internal : INTERNALS) {
            if (response.body().contains(internal)) {
                return Optional.of("problem shows internals ('" + internal + "'): " + said);
            }
        }
        boolean firewall = problem.path("type").asText().endsWith(":rejected-path");
        if (status == 400 && probe.field() != null && !firewall
            && !probe.field().equals(problem.path("field").asText())) {
            return Optional.of("400 does not name the field '" + probe.field() + "': " + said);
        }
        return Optional.empty();
    }

    /**
     * For every path, one method it does not map: a 405 problem (or a 401/403 where the path rules refuse the method
     * before routing).
     */
    private List<Probe> wrongMethods(List<Endpoint> endpoints) {
        Map<String, Probe> byPattern = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            BadInputProbes.of(endpoint).stream().filter(probe -> probe.what().startsWith("unknown ids"))
                          .findFirst().ifPresent(probe -> byPattern.putIfAbsent(endpoint.pattern(), probe));
        }
        List<Probe> probes = new ArrayList<>();
        for (Probe probe : byPattern.values()) {
            Set<String> mapped = methodsMappedAt(probe.url());
            List.of("DELETE", "PUT", "PATCH", "POST", "GET").stream().filter(method -> !mapped.contains(method))
                .findFirst().ifPresent(method -> probes.add(new Probe(
                        probe.endpoint(), method, probe.url(), "method " + method + " not mapped here", null,
                        BadInputProbes.JSON, "{}", Caller.ADMIN)));
        }
        return probes;
    }

    private Set<String> methodsMappedAt(String url) {
        PathContainer path = PathContainer.parsePath(url);
        return mappings.getHandlerMethods().keySet().stream()
                       .filter(info -> info.getPathPatternsCondition() != null
                                       && info.getPathPatternsCondition().getPatterns().stream()
                                              .anyMatch(pattern -> pattern.matches(path)))
                       .map(RequestMappingInfo::getMethodsCondition)
                       .flatMap(methods -> methods.getMethods().stream())
                       .map(Enum::name)
                       .collect(Collectors.toSet());
    }

    private ApiClient.Response send(Probe probe, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + probe.url()))
                                                 .timeout(Duration.ofSeconds(30))
                                                 .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        probe.headers().forEach(request::header);
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        request.method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                                                            : HttpRequest.BodyPublishers.ofString(probe.body()));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + probe, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Events from earlier test classes (projections that dispatch commands) must not be blamed on the sweep: wait
     * until the event store has been still for a second.
     */
    private void awaitQuietEventStore() {
        AtomicLong seen = new AtomicLong(-1);
        AtomicLong stillSince = new AtomicLong(System.nanoTime());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            long last = lastEvent();
            if (seen.getAndSet(last) != last) {
                stillSince.set(System.nanoTime());
            }
            return System.nanoTime() - stillSince.get() >= Duration.ofSeconds(1).toNanos();
        });
    }

    private long lastEvent() {
        return jdbc.sql("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    private List<String> eventsAfter(long globalIndex) {
        return jdbc.sql("SELECT payload_type || ' of ' || aggregate_identifier FROM domain_event_entry"
                        + " WHERE global_index > ? ORDER BY global_index")
                   .param(globalIndex).query(String.class).list();
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return BadInputProbes.printable(flat.length() <= 300 ? flat : flat.substring(0, 300) + "…");
    }
}
