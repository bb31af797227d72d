package com.memora.kernel.settings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;
import java.util.TreeSet;

/**
 * Replaces the CDN settings. Secrets are write-only: a secret absent from {@code secrets} stays as it is, an empty
 * value clears it. Commands are never stored, but they can be logged, so {@link #toString()} names the secrets
 * sent without their values.
 */
public record SaveCdnSettingsCommand(CdnSettings settings, Map<CdnSecret, String> secrets) {

    public SaveCdnSettingsCommand {
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return CdnSettingsIds.AGGREGATE_ID;
    }

    @Override
    public String toString() {
        return "SaveCdnSettingsCommand[settings=" + settings + ", secrets sent=" + new TreeSet<>(secrets.keySet()) + "]";
    }
}
