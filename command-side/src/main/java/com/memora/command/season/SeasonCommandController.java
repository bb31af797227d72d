package com.memora.command.season;

import com.memora.command.web.IdResponse;
import com.memora.kernel.id.Identifiers;
import com.memora.kernel.season.ChangeSeasonCommand;
import com.memora.kernel.season.CreateSeasonCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Objects;

@RestController
@RequestMapping("/api/seasons")
@PreAuthorize("hasRole('EDITOR')")
class SeasonCommandController {

    private final CommandGateway commands;

    SeasonCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<IdResponse> create(@Valid @RequestBody CreateSeasonRequest body) {
        commands.sendAndWait(new CreateSeasonCommand(
                body.id(), body.title(), body.startDate(), body.endDate(),
                Objects.requireNonNullElse(body.isActive(), false),
                Objects.requireNonNullElse(body.enableRedis(), true),
                Objects.requireNonNullElse(body.autoArchive(), false)));
        return ResponseEntity.created(URI.create("/api/seasons/" + body.id())).body(new IdResponse(body.id()));
    }

    @PatchMapping("/{id}")
    IdResponse change(@PathVariable("id") @Pattern(regexp = Identifiers.SEASON_ID_REGEX) String id,
                           @Valid @RequestBody ChangeSeasonRequest body) {
        commands.sendAndWait(new ChangeSeasonCommand(id, body.title(), body.startDate(), body.endDate(),
                                                     body.isActive(), body.enableRedis(), body.autoArchive()));
        return new IdResponse(id);
    }
}
