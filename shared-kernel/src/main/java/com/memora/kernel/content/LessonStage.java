package com.memora.kernel.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a lesson, in the lesson's ordered stage list (its position, 1-based, is its {@code idx}).
 *
 * @param type   one of {@link #TYPES}
 * @param config type-specific settings, a JSON object; a Video stage carries its {@code video_url}
 */
public record LessonStage(String title, String type, Map<String, Object> config) {

    public static final String VIDEO = "Video";
    public static final List<String> TYPES = List.of(VIDEO, "Question", "Text", "Interactive");

    public LessonStage {
        config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
}
