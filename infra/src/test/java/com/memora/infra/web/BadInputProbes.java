package com.memora.infra.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The requests the sweep sends to one endpoint: unknown ids, malformed ids, query parameters of the wrong type or
 * range, and broken bodies. Only one input is wrong at a time (the others are well-formed), so each answer says
 * something about that input, and the count grows with the endpoint's inputs, not their product.
 */
final class BadInputProbes {

    static final String JSON = "application/json";

    /**
     * Who sends a probe. Besides the roles: a token whose subject holds a NUL (an identity provider's data is input
     * too), one that is not a JWT at all, and one that has expired.
     */
    enum Caller { ADMIN, PLAYER, ANONYMOUS, ODD_SUBJECT, GARBAGE_TOKEN, EXPIRED_TOKEN }

    /**
     * One request. {@code field} is the input made wrong, when a 400 should name it ({@code null} when no single
     * field is to blame, e.g. a body that is not JSON).
     */
    record Probe(Endpoint endpoint, String method, String url, String what, String field, String contentType,
                 String body, Caller caller, Map<String, String> headers) {

        Probe(Endpoint endpoint, String method, String url, String what, String field, String contentType,
              String body, Caller caller) {
            this(endpoint, method, url, what, field, contentType, body, caller, Map.of());
        }

        Probe as(Caller other) {
            return new Probe(endpoint, method, url, what + " as " + other, null, contentType, body, other, headers);
        }

        @Override
        public String toString() {
            return method + " " + url + " [" + what + (body == null ? "" : ", body " + excerpt(body)) + "]";
        }

        private static String excerpt(String text) {
            String shown = text.length() <= 80 ? text : text.substring(0, 60) + "… (" + text.length() + " chars)";
            return printable(shown);
        }
    }

    /** Control characters and surrogates as backslash-u escapes, so a report of them prints and reads. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private final Endpoint endpoint;
    private final List<Endpoint.Slot> slots;
    private final Optional<Endpoint.Body> body;
    private final List<Probe> probes = new ArrayList<>();

    private BadInputProbes(Endpoint endpoint) {
        this.endpoint = endpoint;
        this.slots = endpoint.slots();
        this.body = endpoint.body();
    }

    static List<Probe> of(Endpoint endpoint) {
        BadInputProbes builder = new BadInputProbes(endpoint);
        builder.build();
        return builder.probes;
    }

    private void build() {
        List<Endpoint.Slot> idSlots = slots.stream().filter(slot -> slot.choices().isEmpty()).toList();
        for (String choice : choices()) {
            String url = url(choice, null, null);
            // the request where a 404 belongs: every id well-formed, none known, the body well-formed too
            if (!idSlots.isEmpty() || !endpoint.mutating()) {
                add(url, "unknown ids", null, companionContentType(), companionBody());
            }
            for (Endpoint.Slot slot : idSlots) {
                for (String malformed : slot.kind().malformed()) {
                    // the rest of a path is one input, which the local origin's problems call "path"
                    String field = slot.kind() == ValueKind.REST_OF_PATH ? "path" : slot.name();
                    add(url(choice, slot, malformed), "path " + slot.name() + "=" + malformed, field,
                        companionContentType(), companionBody());
                }
            }
        }
        String url = url(choices().get(0), null, null);
        slots.stream().filter(slot -> !slot.choices().isEmpty()).findFirst().ifPresent(choiceSlot ->
                add(url(choices().get(0), choiceSlot, "nosuch"), "path " + choiceSlot.name() + "=nosuch", null,
                    companionContentType(), companionBody()));
        for (Endpoint.QueryParameter parameter : endpoint.queryParameters()) {
            for (String value : parameter.kind().malformed()) {
                add(url + "?" + parameter.name() + "=" + value, "query " + parameter.name() + "=" + value,
                    parameter.name(), companionContentType(), companionBody());
            }
        }
        for (Endpoint.QueryParameter header : endpoint.headers()) {
            for (String value : header.kind().malformed()) {
                probes.add(new Probe(endpoint, endpoint.method(), url, "header " + header.name() + "=" + value,
                                     header.name(), companionContentType(), companionBody(), Caller.ADMIN,
                                     Map.of(header.name(), value)));
            }
        }
        body.ifPresent(declared -> addBodies(url, declared));
        // an invalid body, so that a caller the endpoint admits gets a 400, not a change
        Probe roleProbe = new Probe(endpoint, endpoint.method(), url, "unknown ids", null,
                                    body.isPresent() ? JSON : null,
                                    body.isPresent() ? "{\"no_such_field\":true}" : null, Caller.ADMIN);
        for (Caller caller : List.of(Caller.PLAYER, Caller.ANONYMOUS, Caller.GARBAGE_TOKEN, Caller.EXPIRED_TOKEN)) {
            probes.add(roleProbe.as(caller));
        }
        // the request where a 404 belongs, from someone whose id the service could not store
        probes.stream().filter(probe -> probe.what().equals("unknown ids")).findFirst()
              .map(probe -> probe.as(Caller.ODD_SUBJECT)).ifPresent(probes::add);
    }

    private void addBodies(String url, Endpoint.Body declared) {
        if (declared.required()) { // an optional body may be left out, empty or null: that is valid input
            add(url, "no body", null, null, null);
            add(url, "empty body", null, JSON, "");
            add(url, "JSON null", null, JSON, "null");
        }
        add(url, "not JSON", null, JSON, "not json");
        add(url, "truncated JSON", null, JSON, "{\"title\": \"x\"");
        add(url, "JSON array", null, JSON, "[]");
        add(url, "JSON string", null, JSON, "\"text\"");
        add(url, "empty object", null, JSON, "{}");
        add(url, "wrong types", null, JSON, "{\"title\": 5, \"id\": {}}");
        // only an object has fields; a list body is refused as a whole ("must be a JSON array")
        add(url, "unknown field", ProbeBodies.isObject(declared.type()) ? "no_such_field" : null, JSON,
            "{\"no_such_field\": true}");
        add(url, "2 MB string", null, JSON, ProbeBodies.huge(declared.type()));
        add(url, "text/plain", null, "text/plain", companionBody() == null ? "{}" : companionBody());
        // text PostgreSQL cannot store, or that is not Unicode at all, in the first text field
        boolean object = ProbeBodies.isObject(declared.type());
        ProbeBodies.textField(declared.type()).ifPresent(field -> {
            add(url, "NUL in " + field, object ? field : null, JSON,
                ProbeBodies.withEscapedText(declared.type(), "a\\u0000b"));
            add(url, "lone surrogate in " + field, object ? field : null, JSON,
                ProbeBodies.withEscapedText(declared.type(), "a\\ud800b"));
        });
        for (ProbeBodies.WrongField tooLong : ProbeBodies.longTexts(declared.type())) {
            // no field named: a problem may report another missing field first; the point is no 5xx and no echo
            add(url, "10,000 characters in " + tooLong.field(), null, JSON, tooLong.body());
        }
        for (ProbeBodies.WrongField wrong : ProbeBodies.wrongTypes(declared.type())) {
            add(url, "wrong type of " + wrong.field(), wrong.field(), JSON, wrong.body());
        }
    }

    /** The values of the path's inline-regex variables (e.g. every content collection); one blank when none. */
    private List<String> choices() {
        return slots.stream().filter(slot -> !slot.choices().isEmpty()).findFirst()
                    .map(Endpoint.Slot::choices).orElse(List.of(""));
    }

    /** The pattern with every id unknown, the choice slot set to {@code choice}, and {@code wrong} set to a value. */
    private String url(String choice, Endpoint.Slot wrong, String value) {
        String url = endpoint.pattern();
        boolean choiceDone = false;
        for (Endpoint.Slot slot : slots) {
            String filled;
            if (slot == wrong) {
                filled = value;
            } else if (!slot.choices().isEmpty() && !choiceDone) {
                filled = choice;
                choiceDone = true;
            } else if (!slot.choices().isEmpty()) {
                filled = slot.choices().get(0);
            } else {
                filled = slot.kind().unknown();
            }
            url = url.replace(slot.placeholder(), filled);
        }
        return url;
    }

    /**
     * The body that goes with a wrong path or query value: a plausible one where the path names something (so the
     * request gets as far as looking it up), none where the body is optional, {@code {}} otherwise.
     */
    private String companionBody() {
        if (body.isEmpty()) {
            return null;
        }
        boolean namesSomething = slots.stream().anyMatch(slot -> slot.choices().isEmpty());
        if (namesSomething && !ProbeBodies.isJsonTree(body.get().type())) {
            return ProbeBodies.plausible(body.get().type());
        }
        return body.get().required() ? "{}" : null;
    }

    private String companionContentType() {
        return companionBody() == null ? null : JSON;
    }

    private void add(String url, String what, String field, String contentType, String requestBody) {
        probes.add(new Probe(endpoint, endpoint.method(), url, what, field, contentType, requestBody, Caller.ADMIN));
    }
}
