package com.memora.command.content;

import com.memora.command.web.GeneratedIds;
import com.memora.command.web.IdResponse;
import com.memora.command.web.OnChange;
import com.memora.command.web.OnCreate;
import com.memora.kernel.content.ChangeContentNodeCommand;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.CreateContentNodeCommand;
import com.memora.kernel.id.Identifiers;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Objects;

/**
 * Creates and partial updates of the five content kinds (api.md). Each kind has its own body, so a field that
 * belongs to another kind ({@code color_code} on a lesson) is refused as unknown; all five become the same commands.
 */
@RestController
@RequestMapping("/api")
@PreAuthorize("hasRole('EDITOR')")
class ContentCommandController {

    private final CommandGateway commands;

    ContentCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/subjects")
    ResponseEntity<IdResponse> createSubject(@Validated(OnCreate.class) @RequestBody SubjectRequest body) {
        return create(ContentKind.SUBJECT, body);
    }

    @PatchMapping("/subjects/{id}")
    IdResponse changeSubject(@PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX) String id,
                             @Validated(OnChange.class) @RequestBody SubjectRequest body) {
        return change(ContentKind.SUBJECT, id, body);
    }

    @PostMapping("/tracks")
    ResponseEntity<IdResponse> createTrack(@Validated(OnCreate.class) @RequestBody TrackRequest body) {
        return create(ContentKind.TRACK, body);
    }

    @PatchMapping("/tracks/{id}")
    IdResponse changeTrack(@PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX) String id,
                           @Validated(OnChange.class) @RequestBody TrackRequest body) {
        return change(ContentKind.TRACK, id, body);
    }

    @PostMapping("/units")
    ResponseEntity<IdResponse> createUnit(@Validated(OnCreate.class) @RequestBody UnitRequest body) {
        return create(ContentKind.UNIT, body);
    }

    @PatchMapping("/units/{id}")
    IdResponse changeUnit(@PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX) String id,
                          @Validated(OnChange.class) @RequestBody UnitRequest body) {
        return change(ContentKind.UNIT, id, body);
    }

    @PostMapping("/topics")
    ResponseEntity<IdResponse> createTopic(@Validated(OnCreate.class) @RequestBody TopicRequest body) {
        return create(ContentKind.TOPIC, body);
    }

    @PatchMapping("/topics/{id}")
    IdResponse changeTopic(@PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX) String id,
                           @Validated(OnChange.class) @RequestBody TopicRequest body) {
        return change(ContentKind.TOPIC, id, body);
    }

    @PostMapping("/lessons")
    ResponseEntity<IdResponse> createLesson(@Validated(OnCreate.class) @RequestBody LessonRequest body) {
        return create(ContentKind.LESSON, body);
    }

    @PatchMapping("/lessons/{id}")
    IdResponse changeLesson(@PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX) String id,
                            @Validated(OnChange.class) @RequestBody LessonRequest body) {
        return change(ContentKind.LESSON, id, body);
    }

    private ResponseEntity<IdResponse> create(ContentKind kind, ContentRequest body) {
        String id = GeneratedIds.orGenerated(body.id());
        commands.sendAndWait(new CreateContentNodeCommand(kind, id, body.parentId(), body.toPatch(),
                                                          Objects.requireNonNullElse(body.isPublished(), false)));
        return ResponseEntity.created(URI.create("/api/" + kind.collection() + "/" + id)).body(new IdResponse(id));
    }

    private IdResponse change(ContentKind kind, String id, ContentRequest body) {
        commands.sendAndWait(new ChangeContentNodeCommand(kind, id, body.parentId(), body.toPatch(),
                                                          body.isPublished()));
        return new IdResponse(id);
    }
}
