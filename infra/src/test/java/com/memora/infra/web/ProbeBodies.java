package com.memora.infra.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.validation.constraints.Pattern;
import org.springframework.core.ResolvableType;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Request bodies for the sweep, derived from the handler's declared body type: a plausible one (every field of the
 * right type, ids well-formed but unknown) to send with unknown path ids, and one body per field with a value of the
 * wrong JSON type.
 */
final class ProbeBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    private static final String HUGE = "x".repeat(2 * 1024 * 1024);

    /** A body of one field set to a value of the wrong type; {@code field} is its JSON path, as a problem names it. */
    record WrongField(String field, String body) {
    }

    private ProbeBodies() {
    }

    /**
     * Every field of the right JSON type; ids well-formed (of the kind their {@code @Pattern} names) but unknown.
     * A component called {@code id} is left out: on a PATCH the id is in the path, and a create is never sent this.
     */
    static String plausible(Type type) {
        return write(plausibleValue(ResolvableType.forType(type), null, 0));
    }

    /** The 2 MB string in the body's first text field (its {@code title} when it has one), so it is really parsed. */
    static String huge(Type type) {
        return withText(type, HUGE);
    }

    /** {@code text} in the body's first text field, or as the only element of a list body. */
    static String withText(Type type, String text) {
        if (Collection.class.isAssignableFrom(ResolvableType.forType(type).resolve(Object.class))) {
            return write(List.of(text));
        }
        return write(Map.of(textField(type).orElse("title"), text));
    }

    /**
     * Like {@link #withText}, with the string's JSON escapes written as they are: a lone surrogate cannot travel as
     * UTF-8 (the request's encoder would make it a '?'), only as the escape {@code \\ud800}.
     */
    static String withEscapedText(Type type, String escaped) {
        return withText(type, "PLACEHOLDER").replace("PLACEHOLDER", escaped);
    }

    /** The body's {@code title}, else its first text field; a JSON document (import) gets {@code title} too. */
    static Optional<String> textField(Type type) {
        Class<?> raw = ResolvableType.forType(type).resolve(Object.class);
        if (Collection.class.isAssignableFrom(raw)) {
            return Optional.of("[0]");
        }
        if (!raw.isRecord()) {
            return Optional.of("title");
        }
        if (components(raw).stream().anyMatch(c -> c.getName().equals("title"))) {
            return Optional.of("title");
        }
        return components(raw).stream().filter(c -> c.getType() == String.class).findFirst()
                              .map(c -> SNAKE_CASE.translate(c.getName()));
    }

    /** One body per text field of a record body holding 10,000 characters: no field takes that much. */
    static List<WrongField> longTexts(Type type) {
        Class<?> raw = ResolvableType.forType(type).resolve(Object.class);
        return components(raw).stream().filter(component -> component.getType() == String.class)
                              .map(component -> SNAKE_CASE.translate(component.getName()))
                              .map(name -> new WrongField(name, write(Map.of(name, "x".repeat(10_000)))))
                              .toList();
    }

    /** One body per field (and per field of a list's first element) with a value of the wrong JSON type. */
    static List<WrongField> wrongTypes(Type type) {
        ResolvableType resolved = ResolvableType.forType(type);
        Class<?> raw = resolved.resolve(Object.class);
        List<WrongField> bodies = new ArrayList<>();
        if (Collection.class.isAssignableFrom(raw)) {
            ResolvableType element = resolved.asCollection().getGeneric(0);
            bodies.add(new WrongField("[0]", write(List.of(5))));
            for (WrongField inner : wrongTypes(element.getType())) {
                bodies.add(new WrongField("[0]." + inner.field(), "[" + inner.body() + "]"));
            }
            return bodies;
        }
        if (!raw.isRecord()) {
            return bodies;
        }
        for (RecordComponent component : components(raw)) {
            String name = SNAKE_CASE.translate(component.getName());
            ResolvableType componentType = ResolvableType.forType(component.getGenericType());
            wrongValue(componentType).ifPresent(wrong -> bodies.add(new WrongField(name, write(Map.of(name, wrong)))));
            Class<?> componentRaw = componentType.resolve(Object.class);
            if (Collection.class.isAssignableFrom(componentRaw)) {
                Class<?> element = componentType.asCollection().getGeneric(0).resolve(Object.class);
                if (element.isRecord() && !components(element).isEmpty()) {
                    RecordComponent first = components(element).get(0);
                    String inner = SNAKE_CASE.translate(first.getName());
                    wrongValue(ResolvableType.forType(first.getGenericType())).ifPresent(wrong -> bodies.add(
                            new WrongField(name + "[0]." + inner, write(Map.of(name, List.of(Map.of(inner, wrong)))))));
                }
            }
        }
        return bodies;
    }

    private static Optional<Object> wrongValue(ResolvableType type) {
        Class<?> raw = type.resolve(Object.class);
        if (raw == String.class || raw == UUID.class || raw.isEnum() || raw == LocalDate.class
            || raw == Instant.class || raw == OffsetDateTime.class) {
            return Optional.of(Map.of("an", "object"));
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return Optional.of("maybe");
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
            return Optional.of("abc");
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return Optional.of(5);
        }
        if (Map.class.isAssignableFrom(raw) || raw.isRecord()) {
            return Optional.of("text");
        }
        return Optional.empty(); // Object, JsonNode: any JSON is the right type
    }

    private static Object plausibleValue(ResolvableType type, Field field, int depth) {
        Class<?> raw = type.resolve(Object.class);
        if (raw == String.class) {
            Pattern pattern = field == null ? null : field.getAnnotation(Pattern.class);
            if (pattern != null && pattern.regexp().equals(com.memora.kernel.id.Identifiers.SEASON_ID_REGEX)) {
                return ValueKind.SEASON_ID.unknown();
            }
            return ValueKind.NODE_ID.unknown(); // a well-formed id is also a fine title or description
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return true;
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
            return 1;
        }
        if (raw == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (raw == LocalDate.class) {
            return "2999-09-01";
        }
        if (raw == Instant.class || raw == OffsetDateTime.class) {
            return "2999-09-01T00:00:00Z";
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0].toString();
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return depth > 3 ? List.of() : List.of(plausibleValue(type.asCollection().getGeneric(0), null, depth + 1));
        }
        if (raw.isRecord() && depth <= 3) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (RecordComponent component : components(raw)) {
                if (!component.getName().equals("id")) {
                    object.put(SNAKE_CASE.translate(component.getName()),
                               plausibleValue(ResolvableType.forType(component.getGenericType()),
                                              declaredField(raw, component.getName()), depth + 1));
                }
            }
            return object;
        }
        return Map.of(); // maps, JsonNode, Object
    }

    private static List<RecordComponent> components(Class<?> record) {
        return record.isRecord() ? List.of(record.getRecordComponents()) : List.of();
    }

    private static Field declaredField(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    /** A body read into a record: a JSON object with named fields. */
    static boolean isObject(Type type) {
        return ResolvableType.forType(type).resolve(Object.class).isRecord();
    }

    static boolean isJsonTree(Type type) {
        return JsonNode.class.isAssignableFrom(ResolvableType.forType(type).resolve(Object.class));
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
