package com.memora.infra.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.kernel.error.InvalidInputException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Text the API accepts is text PostgreSQL can store and every client can show:
 * <ul>
 *     <li>query parameters, path variables and headers bound to a {@code String} hold no control character at all
 *     (no id, name or filter has one); such a value is a 400 naming the parameter;</li>
 *     <li>request bodies hold no NUL or other control character except tab and line breaks, and no broken UTF-16
 *     (a lone surrogate), in any string or field name at any depth; such a body is a 400 naming the field.</li>
 * </ul>
 * PostgreSQL refuses a NUL in text. Before this rule a NUL in a filter was a 500, and — far worse — a NUL in a title
 * was accepted (201), stored as an event forever, and then failed the projection's SQL on every retry: the season
 * and content read models stopped for everyone.
 */
@ControllerAdvice
class TextInputRules extends RequestBodyAdviceAdapter {

    private final ObjectMapper objectMapper;

    TextInputRules(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @InitBinder
    void refuseControlCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new NoControlCharacters());
    }

    @Override
    public boolean supports(@NonNull MethodParameter parameter, @NonNull Type targetType,
                            @NonNull Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    /** Checks the body as the client wrote it: the tree of the read body, field names as in the JSON. */
    @Override
    @NonNull
    public Object afterBodyRead(@NonNull Object body, @NonNull HttpInputMessage inputMessage,
                                @NonNull MethodParameter parameter, @NonNull Type targetType,
                                @NonNull Class<? extends HttpMessageConverter<?>> converterType) {
        JsonNode tree = body instanceof JsonNode node ? node : objectMapper.valueToTree(body);
        firstBadText(tree, "").ifPresent(field -> {
            throw new InvalidInputException("invalid-text", field.isEmpty() ? "$" : field, BODY_TEXT_RULE);
        });
        return body;
    }

    private static final String BODY_TEXT_RULE = "must not contain NUL or other control characters (tab and line"
                                                 + " breaks are fine) or broken Unicode";

    /** The JSON path of the first string (or field name) that breaks the rule. */
    static Optional<String> firstBadText(JsonNode node, String path) {
        if (node.isTextual()) {
            return badBodyText(node.textValue()) ? Optional.of(path) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> bad = firstBadText(node.get(i), path + "[" + i + "]");
                if (bad.isPresent()) {
                    return bad;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (badBodyText(field.getKey())) {
                    return Optional.of(fieldPath);
                }
                Optional<String> bad = firstBadText(field.getValue(), fieldPath);
                if (bad.isPresent()) {
                    return bad;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean badBodyText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Why a text parameter was refused; the message is the problem's, so it names no internals. */
    static final class ControlCharactersRefused extends IllegalArgumentException {

        ControlCharactersRefused() {
            super("must not contain control characters (such as NUL, a line break or a tab)");
        }
    }

    private static final class NoControlCharacters extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (text != null && text.chars().anyMatch(Character::isISOControl)) {
                throw new ControlCharactersRefused();
            }
            setValue(text);
        }
    }
}
