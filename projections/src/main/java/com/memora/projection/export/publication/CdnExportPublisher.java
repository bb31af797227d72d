package com.memora.projection.export.publication;

import com.memora.projection.export.cdn.CdnPublisher;
import com.memora.projection.export.files.ExportPaths;
import com.memora.projection.export.pipeline.BuildTrigger;
import com.memora.projection.export.pipeline.ExportPublisher;
import com.memora.projection.export.pipeline.PublicationStatus;
import com.memora.projection.export.pipeline.Removal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The export pipeline's {@link ExportPublisher} on the CDN (issue 5). With the CDN switched off a build ends
 * {@code LOCAL_ONLY} and nothing is owed. Switched on but not configured (keys cleared) everything is still owed and
 * the publication fails permanently with the reason, so nothing is lost. Otherwise:
 * <ul>
 *     <li>{@link #owe}: before the pipeline writes or removes local files, the paths are recorded as owed to the
 *     CDN, durably — a crash, an outage or a failure in between loses nothing;</li>
 *     <li>{@link #publish}: after a build, everything the plan owes is published ({@link PlanPublication}): this
 *     build's changes together with whatever earlier builds, removals or a half-finished upload left owed, read
 *     from the local files as they are now (O3). While the plan waits for a retry (or for an operator, dead letter),
 *     the build only adds to what is owed and keeps the plan's state: the retry publishes the union, and edits
 *     neither reset the retry counter nor speed the plan towards dead letter (O2). A build after the retry's time
 *     has come is that retry;</li>
 *     <li>{@link #removed}: files of trashed or deleted content, or a removed plan's folder, leave the bucket at
 *     once (F8) — the same publication, logged with trigger {@code REMOVAL}; while the plan waits for a retry, the
 *     deletions still go out at once and only the uploads wait.</li>
 * </ul>
 */
@Component
public class CdnExportPublisher implements ExportPublisher {

    private static final Logger log = LoggerFactory.getLogger(CdnExportPublisher.class);

    private final CdnPublisher cdn;
    private final CdnDebts debts;
    private final PlanPublication publication;
    private final CdnPublications publications;
    private final SignedLinkExpiries links;
    private final Clock clock;

    public CdnExportPublisher(CdnPublisher cdn, CdnDebts debts, PlanPublication publication,
                              CdnPublications publications, SignedLinkExpiries links, Clock clock) {
        this.cdn = cdn;
        this.debts = debts;
        this.publication = publication;
        this.publications = publications;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public void owe(String planId, Collection<String> uploads, Collection<Removal> removals) {
        if (!cdn.switchedOn()) {
            return; // nothing is published while the CDN is off; enabling it syncs every plan in full
        }
        Instant now = clock.instant();
        if (removals.stream().anyMatch(Removal::directory)) {
            debts.oweFullSync(List.of(planId), now); // the whole folder: the bucket's copy goes by its prefix
        }
        List<String> deletes = removals.stream().filter(removal -> !removal.directory()).map(Removal::path).toList();
        if (!uploads.isEmpty() || !deletes.isEmpty()) {
            debts.owe(planId, uploads, deletes, now);
        }
    }

    @Override
    public Published publish(Staged staged) {
        String planId = staged.planId();
        links.record(planId, staged.signedLinksExpireAt(), clock.instant());
        if (!cdn.switchedOn()) {
            debts.forget(planId);
            return Published.localOnly();
        }
        // switched on but not configured (keys cleared): the publication below fails permanently with the reason and
        // everything stays owed, so restoring the settings loses nothing
        Optional<OwedPublication> owed = debts.find(planId);
        if (owed.isEmpty()) {
            // nothing changed and nothing was owed: the bucket already holds the plan's files as they are
            return new Published(PublicationStatus.SUCCESS, 0, 0, null, null, null, 0);
        }
        if (owed.get().waiting(clock.instant())) {
            return joinedTheWait(owed.get(), staged);
        }
        return publication.publish(owed.get(), staged.logId()).toPublished();
    }

    private static Published joinedTheWait(OwedPublication owed, Staged staged) {
        String changes = staged.written().size() + " written and " + staged.deleted().size() + " deleted file(s)";
        if (owed.state() == CdnDebtState.DEAD_LETTER) {
            return new Published(PublicationStatus.DEAD_LETTER, 0, 0, null,
                                 "The plan's CDN publication is dead-lettered; this build's " + changes + " are owed"
                                 + " with the rest and published by an operator's retry. Last error: "
                                 + owed.lastError(), null, owed.failedAttempts());
        }
        return new Published(PublicationStatus.RETRY_WAIT, 0, 0, null,
                             "The plan's CDN publication waits for its retry at " + owed.nextRetryAt() + "; this"
                             + " build's " + changes + " are published with it. Last error: " + owed.lastError(),
                             owed.nextRetryAt(), owed.failedAttempts());
    }

    @Override
    public void removed(String planId, List<Removal> removals) {
        String folder = ExportPaths.planFolder(planId);
        if (removals.stream().anyMatch(removal -> removal.directory() && removal.path().equals(folder))) {
            links.forget(planId); // no lesson files left to re-sign
        }
        if (!cdn.switchedOn()) {
            return;
        }
        try {
            publications.publishLocked(planId, BuildTrigger.REMOVAL);
        } catch (RuntimeException e) {
            // the removals stay owed: the next build, tick or retry publishes them
            log.warn("The CDN removal for plan {} could not run now: {}", planId, e.toString());
        }
    }
}
