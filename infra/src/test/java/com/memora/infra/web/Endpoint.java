package com.memora.infra.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * One (method, pattern) the running service maps, read from Spring's {@link RequestMappingHandlerMapping}, with what
 * its handler declares about its inputs: path variables, query parameters and request body.
 */
record Endpoint(String method, String pattern, HandlerMethod handler) {

    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("\\{\\*?([^}:]+)(?::([^}]*))?}");
    private static final java.util.regex.Pattern LITERAL_CHOICES = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)*");

    /** A path variable; {@code choices} are the only values its inline regex admits ({@code {kind:subjects|units}}). */
    record Slot(String placeholder, String name, ValueKind kind, List<String> choices) {
    }

    record QueryParameter(String name, ValueKind kind, boolean required) {
    }

    record Body(Type type, boolean required) {
    }

    /** Every (method, pattern) pair; a mapping without methods answers any method and is listed as GET. */
    static List<Endpoint> all(RequestMappingHandlerMapping mappings) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            List<String> methods = info.getMethodsCondition().getMethods().isEmpty()
                                   ? List.of("GET")
                                   : info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    endpoints.add(new Endpoint(method, pattern, mapping.getValue()));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }

    boolean mutating() {
        return !method.equals("GET") && !method.equals("HEAD");
    }

    List<Slot> slots() {
        List<Slot> slots = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(pattern);
        while (matcher.find()) {
            String name = matcher.group(1);
            String regex = matcher.group(2);
            List<String> choices = List.of();
            if (regex != null) {
                if (!LITERAL_CHOICES.matcher(regex).matches()) {
                    throw new IllegalStateException("Teach Endpoint the inline regex of " + pattern);
                }
                choices = Arrays.asList(regex.split("\\|"));
            }
            ValueKind kind = matcher.group().startsWith("{*") ? ValueKind.REST_OF_PATH
                             : pathParameter(name).map(ValueKind::of).orElse(ValueKind.FREE_TEXT);
            slots.add(new Slot(matcher.group(), name, kind, choices));
        }
        if (pattern.endsWith("/**")) {
            slots.add(new Slot("**", "**", ValueKind.REST_OF_PATH, List.of()));
        }
        return slots;
    }

    List<QueryParameter> queryParameters() {
        List<QueryParameter> parameters = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null || Map.class.isAssignableFrom(parameter.getParameterType())) {
                continue;
            }
            String name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
            boolean required = param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                               && !parameter.isOptional();
            parameters.add(new QueryParameter(name, ValueKind.of(parameter), required));
        }
        return parameters;
    }

    /** The request headers the handler reads ({@code @RequestHeader}), e.g. a consistency token. */
    List<QueryParameter> headers() {
        List<QueryParameter> headers = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            if (header == null || Map.class.isAssignableFrom(parameter.getParameterType())) {
                continue;
            }
            String name = header.name().isEmpty() ? parameter.getParameterName() : header.name();
            headers.add(new QueryParameter(name, ValueKind.of(parameter), header.required()));
        }
        return headers;
    }

    Optional<Body> body() {
        return Arrays.stream(handler.getMethodParameters())
                     .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                     .findFirst()
                     .map(parameter -> new Body(parameter.getGenericParameterType(),
                                                parameter.getParameterAnnotation(RequestBody.class).required()));
    }

    private Optional<MethodParameter> pathParameter(String name) {
        return Arrays.stream(handler.getMethodParameters())
                     .filter(parameter -> {
                         PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
                         if (variable == null) {
                             return false;
                         }
                         String declared = variable.name().isEmpty() ? parameter.getParameterName() : variable.name();
                         return name.equals(declared);
                     })
                     .findFirst();
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
