package com.memora.command.settings;

import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.settings.CdnSettingsResponse;
import com.memora.kernel.settings.EndpointRules;
import com.memora.kernel.settings.FetchCdnSettingsQuery;
import com.memora.kernel.settings.SaveCdnSettingsCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The CDN settings panel (ADMIN only): save, and test a connection with given or stored settings. */
@RestController
@RequestMapping("/api/settings/cdn")
@PreAuthorize("hasRole('ADMIN')")
class CdnSettingsController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final CdnConnectionCheck connectionCheck;

    CdnSettingsController(CommandGateway commands, QueryGateway queries, CdnConnectionCheck connectionCheck) {
        this.commands = commands;
        this.queries = queries;
        this.connectionCheck = connectionCheck;
    }

    /** Answers with the settings as now stored (secrets only as {@code *_set} flags). */
    @PutMapping
    CdnSettingsResponse save(@RequestBody CdnSettingsRequest body) {
        commands.sendAndWait(new SaveCdnSettingsCommand(body.toSettings(), body.secrets()));
        return queries.query(new FetchCdnSettingsQuery(), CdnSettingsResponse.class).join();
    }

    @PostMapping("/test")
    CdnConnectionResult test(@RequestBody(required = false) CdnSettingsRequest body) {
        if (body == null) {
            return connectionCheck.check(null, null, Map.of());
        }
        body.checkProvider(); // ignored by the test itself, but a wrong label is a mistake the client wants to hear
        String endpoint = body.endpointOrNull();
        if (endpoint != null) {
            EndpointRules.problemWithUrl(endpoint).ifPresent(problem -> {
                throw new InvalidInputException("cdn-settings-invalid", "endpoint_url", "endpoint_url " + problem);
            });
        }
        return connectionCheck.check(endpoint, body.bucketOrNull(), body.secrets());
    }
}
