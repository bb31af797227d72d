package com.memora.command.content;

import com.memora.command.web.OnChange;
import com.memora.command.web.OnCreate;
import com.memora.command.web.ValidationPatterns;
import com.memora.kernel.content.ContentPatch;
import com.memora.kernel.id.Identifiers;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import com.memora.kernel.content.LessonStage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.Map;

import static com.memora.command.content.ContentRequests.ID_MESSAGE;
import static com.memora.command.content.ContentRequests.PARENT_MESSAGE;

/**
 * Body of {@code POST /api/lessons} and {@code PATCH /api/lessons/{id}}. {@code stages} is the whole ordered list
 * (a PATCH with stages replaces them all); a new parent_topic moves the lesson.
 */
record LessonRequest(
        @Null(groups = OnChange.class, message = "cannot change; the id is in the path")
        @Pattern(regexp = Identifiers.NODE_ID_REGEX, message = ID_MESSAGE) String id,
        @NotBlank(groups = OnCreate.class)
        @Pattern(regexp = ValidationPatterns.NOT_BLANK_IF_PRESENT, message = "must not be blank") String title,
        String description,
        String image,
        @NotBlank(groups = OnCreate.class)
        @Pattern(regexp = Identifiers.NODE_ID_REGEX, message = PARENT_MESSAGE) String parentTopic,
        List<@NotNull @Valid Stage> stages,
        Boolean isPublished,
        Boolean isFreePreview,
        Integer sortOrder) implements ContentRequest {

    @Override
    public String parentId() {
        return parentTopic;
    }

    @Override
    public ContentPatch toPatch() {
        List<LessonStage> lessonStages = stages == null ? null
                : stages.stream().map(stage -> new LessonStage(stage.title(), stage.type(), stage.config())).toList();
        return new ContentPatch(title, description, image, isFreePreview, sortOrder, null, null, null, null, null,
                                null, lessonStages);
    }

    /** A stage: its type is one of Video, Question, Text, Interactive; a Video's config holds its video_url. */
    record Stage(@NotBlank String title, @NotBlank String type, Map<String, Object> config) {
    }
}
