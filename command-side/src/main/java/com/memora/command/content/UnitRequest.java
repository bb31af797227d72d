package com.memora.command.content;

import com.memora.command.web.OnChange;
import com.memora.command.web.OnCreate;
import com.memora.command.web.ValidationPatterns;
import com.memora.kernel.content.ContentPatch;
import com.memora.kernel.id.Identifiers;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;

import static com.memora.command.content.ContentRequests.ID_MESSAGE;
import static com.memora.command.content.ContentRequests.PARENT_MESSAGE;

/** Body of {@code POST /api/units} and {@code PATCH /api/units/{id}}; a new parent_track moves the unit. */
record UnitRequest(
        @Null(groups = OnChange.class, message = "cannot change; the id is in the path")
        @Pattern(regexp = Identifiers.NODE_ID_REGEX, message = ID_MESSAGE) String id,
        @NotBlank(groups = OnCreate.class)
        @Pattern(regexp = ValidationPatterns.NOT_BLANK_IF_PRESENT, message = "must not be blank") String title,
        String description,
        String image,
        @NotBlank(groups = OnCreate.class)
        @Pattern(regexp = Identifiers.NODE_ID_REGEX, message = PARENT_MESSAGE) String parentTrack,
        String badgeImage,
        Boolean isPublished,
        Boolean isFreePreview,
        Integer sortOrder) implements ContentRequest {

    @Override
    public String parentId() {
        return parentTrack;
    }

    @Override
    public ContentPatch toPatch() {
        return new ContentPatch(title, description, image, isFreePreview, sortOrder, null, null, null, null, null,
                                badgeImage, null);
    }
}
