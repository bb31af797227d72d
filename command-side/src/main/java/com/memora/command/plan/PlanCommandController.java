package com.memora.command.plan;

import com.memora.command.web.GeneratedIds;
import com.memora.command.web.IdResponse;
import com.memora.command.web.LifecycleResponse;
import com.memora.command.web.OnChange;
import com.memora.command.web.OnCreate;
import com.memora.command.web.PermanentDeletes;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.id.Identifiers;
import com.memora.kernel.plan.AddPlanOverrideCommand;
import com.memora.kernel.plan.ChangePlanCommand;
import com.memora.kernel.plan.CreatePlanCommand;
import com.memora.kernel.plan.DeletePlanCommand;
import com.memora.kernel.plan.OverrideAction;
import com.memora.kernel.plan.PlanDetails;
import com.memora.kernel.plan.PlanOverride;
import com.memora.kernel.plan.PlanSubject;
import com.memora.kernel.plan.RemovePlanOverrideCommand;
import com.memora.kernel.plan.ReplacePlanSubjectsCommand;
import com.memora.kernel.plan.RestorePlanCommand;
import com.memora.kernel.plan.TrashPlanCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Plans, their subject lists and overrides (api.md); all EDITOR, permanent deletes ADMIN. */
@RestController
@RequestMapping("/api/plans")
class PlanCommandController {

    private final CommandGateway commands;

    PlanCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    @PreAuthorize("hasRole('EDITOR')")
    ResponseEntity<IdResponse> create(@Validated(OnCreate.class) @RequestBody PlanRequest body) {
        String id = GeneratedIds.orGenerated(body.id());
        commands.sendAndWait(new CreatePlanCommand(id, new PlanDetails(body.title(), body.season(), body.stream(),
                                                                       body.grade())));
        return ResponseEntity.created(URI.create("/api/plans/" + id)).body(new IdResponse(id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('EDITOR')")
    IdResponse change(@PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX) String id,
                      @Validated(OnChange.class) @RequestBody PlanRequest body) {
        commands.sendAndWait(new ChangePlanCommand(id, body.title(), body.season(), body.stream(), body.grade()));
        return new IdResponse(id);
    }

    @PutMapping("/{id}/subjects")
    @PreAuthorize("hasRole('EDITOR')")
    IdResponse replaceSubjects(@PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX) String id,
                               @RequestBody List<PlanSubjectRequest> body) {
        List<PlanSubject> subjects = body.stream()
                .map(entry -> entry == null ? null
                        : new PlanSubject(entry.subject(), Objects.requireNonNullElse(entry.sortOrder(), 0)))
                .toList();
        commands.sendAndWait(new ReplacePlanSubjectsCommand(id, subjects));
        return new IdResponse(id);
    }

    @PostMapping("/{id}/overrides")
    @PreAuthorize("hasRole('EDITOR')")
    ResponseEntity<IdResponse> addOverride(@PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX) String id,
                                           @Valid @RequestBody OverrideRequest body) {
        String overrideId = GeneratedIds.orGenerated(body.id());
        PlanOverride override = new PlanOverride(overrideId, targetType(body.targetType()), body.targetId(),
                                                 action(body.action()), blankToNull(body.value()));
        commands.sendAndWait(new AddPlanOverrideCommand(id, override));
        return ResponseEntity.created(URI.create("/api/plans/" + id + "/overrides/" + overrideId))
                             .body(new IdResponse(overrideId));
    }

    @DeleteMapping("/{id}/overrides/{override_id}")
    @PreAuthorize("hasRole('EDITOR')")
    IdResponse removeOverride(@PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX) String id,
                              @PathVariable("override_id") @Pattern(regexp = Identifiers.NODE_ID_REGEX)
                              String overrideId) {
        commands.sendAndWait(new RemovePlanOverrideCommand(id, overrideId));
        return new IdResponse(overrideId);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('EDITOR') and (!#permanent or hasRole('ADMIN'))")
    LifecycleResponse delete(@PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX) String id,
                             @RequestParam(name = "permanent", defaultValue = "false") boolean permanent,
                             @RequestParam(name = "confirm", defaultValue = "false") boolean confirm) {
        if (!permanent) {
            commands.sendAndWait(new TrashPlanCommand(id));
            return LifecycleResponse.trashed(id);
        }
        PermanentDeletes.requireConfirmation(confirm);
        commands.sendAndWait(new DeletePlanCommand(id));
        return LifecycleResponse.deleted(id, null);
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("hasRole('EDITOR')")
    LifecycleResponse restore(@PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX) String id) {
        commands.sendAndWait(new RestorePlanCommand(id));
        return LifecycleResponse.active(id);
    }

    static ContentKind targetType(String typeName) {
        return ContentKind.fromTypeName(typeName).orElseThrow(() -> new InvalidInputException(
                "override-invalid", "target_type", "target_type must be one of "
                        + Arrays.stream(ContentKind.values()).map(ContentKind::typeName).toList()
                        + ", got '" + typeName + "'"));
    }

    static OverrideAction action(String label) {
        return OverrideAction.fromLabel(label).orElseThrow(() -> new InvalidInputException(
                "override-invalid", "action", "action must be one of " + OverrideAction.labels() + ", got '"
                                              + label + "'"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
