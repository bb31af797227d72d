package com.memora.command.settings;

import com.memora.kernel.error.FieldProblem;
import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.settings.CdnSecret;
import com.memora.kernel.settings.CdnSettings;
import com.memora.kernel.settings.CdnSettingsIds;
import com.memora.kernel.settings.CdnSettingsRules;
import com.memora.kernel.settings.CdnSettingsSavedEvent;
import com.memora.kernel.settings.SaveCdnSettingsCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The deployment's CDN settings, a singleton created by its first save. Its state holds which secrets are set,
 * never their values: those go to the {@link CdnSecretVault} in the same transaction (decisions X1), so neither an
 * event nor a snapshot ever contains one.
 */
@Aggregate
public class CdnSettingsAggregate {

    @AggregateIdentifier
    private String id;
    private CdnSettings settings;
    private Set<CdnSecret> secretsSet = EnumSet.noneOf(CdnSecret.class);

    public CdnSettingsAggregate() {
        // the singleton is created by its first save (CREATE_IF_MISSING), or rebuilt by Axon from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SaveCdnSettingsCommand command, CdnSecretVault vault) {
        Set<CdnSecret> newSecretsSet = EnumSet.noneOf(CdnSecret.class);
        newSecretsSet.addAll(secretsSet);
        for (Map.Entry<CdnSecret, String> secret : command.secrets().entrySet()) {
            if (secret.getValue() == null || secret.getValue().isEmpty()) {
                newSecretsSet.remove(secret.getKey());
            } else {
                newSecretsSet.add(secret.getKey());
            }
        }
        List<FieldProblem> problems = new ArrayList<>(CdnSettingsRules.check(command.settings(), newSecretsSet));
        command.secrets().forEach((secret, value) -> {
            if (value != null && !value.isEmpty() && (value.isBlank() || value.length() > 4_096)) {
                problems.add(new FieldProblem(secret.apiName(), secret.apiName()
                                              + " must be 1-4096 characters and not only spaces"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException("cdn-settings-invalid", problems);
        }

        List<CdnSecret> changedSecrets = writeSecrets(command.secrets(), vault);
        List<String> changedFields = command.settings().differencesFrom(settings);
        if (id == null || !changedFields.isEmpty() || !changedSecrets.isEmpty()) {
            apply(new CdnSettingsSavedEvent(command.settings(), changedFields, changedSecrets,
                                            List.copyOf(newSecretsSet)));
        }
    }

    @EventSourcingHandler
    void on(CdnSettingsSavedEvent event) {
        id = CdnSettingsIds.AGGREGATE_ID;
        settings = event.settings();
        secretsSet = event.secretsSet().isEmpty() ? EnumSet.noneOf(CdnSecret.class) : EnumSet.copyOf(event.secretsSet());
    }

    /** Stores what changed; a secret sent again unchanged is neither rewritten nor reported. */
    private List<CdnSecret> writeSecrets(Map<CdnSecret, String> secrets, CdnSecretVault vault) {
        List<CdnSecret> changed = new ArrayList<>();
        for (CdnSecret secret : CdnSecret.values()) {
            if (!secrets.containsKey(secret)) {
                continue;
            }
            String value = secrets.get(secret);
            if (value == null || value.isEmpty()) {
                if (secretsSet.contains(secret)) {
                    vault.clear(secret);
                    changed.add(secret);
                }
            } else if (!secretsSet.contains(secret) || !vault.matches(secret, value)) {
                vault.store(secret, value);
                changed.add(secret);
            }
        }
        return changed;
    }
}
