package com.memora.infra.cdn;

import com.memora.projection.export.publication.CdnPublicationTick;
import com.memora.projection.export.publication.CdnPublications;
import com.memora.projection.export.publication.CdnReadiness;
import com.memora.projection.export.publication.PurgeAfterPublication;
import com.memora.projection.export.publication.VideoLinkResigner;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The CDN's scheduled jobs, each on one node of the cluster at a time (ShedLock, decisions O7): the publication tick
 * (retries whose time has come, publications left owed, the readiness round), the health probe (O4), the re-sign
 * job (F7), and the drain of cache purges left owed. Off with the other scheduled jobs
 * ({@code memora.scheduling.enabled=false}, as in tests, which call the job beans with a moved clock).
 */
@Component
@ConditionalOnProperty(name = "memora.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class CdnScheduler {

    private static final Logger log = LoggerFactory.getLogger(CdnScheduler.class);

    private final CdnPublicationTick publication;
    private final CdnProbe probe;
    private final VideoLinkResigner resigner;
    private final PurgeAfterPublication purges;

    CdnScheduler(CdnPublicationTick publication, CdnProbe probe, VideoLinkResigner resigner,
                 PurgeAfterPublication purges) {
        this.publication = publication;
        this.probe = probe;
        this.resigner = resigner;
        this.purges = purges;
    }

    @Scheduled(fixedDelayString = "${memora.cdn.publication-tick:PT15S}",
               initialDelayString = "${memora.cdn.publication-tick:PT15S}")
    @SchedulerLock(name = "cdn-publication", lockAtMostFor = "PT30M")
    void publicationTick() {
        CdnPublicationTick.Result result = publication.run();
        List<CdnPublications.Outcome> published = result.published();
        if (!published.isEmpty()) {
            log.info("CDN publication tick: {} plan(s) taken up", published.size());
        }
        if (result.readiness().state() != CdnReadiness.State.READY
            && result.readiness().state() != CdnReadiness.State.DISABLED) {
            log.info("CDN readiness: {} ({})", result.readiness().state(), result.readiness().detail());
        }
    }

    /**
     * Purges left owed — by a node that stopped, or queued while another node was sending — are taken up here. No
     * ShedLock: every node asks, and the purge lock lets one of them send.
     */
    @Scheduled(fixedDelayString = "${memora.cdn.publication-tick:PT15S}",
               initialDelayString = "${memora.cdn.publication-tick:PT15S}")
    void owedPurges() {
        purges.drainSoon();
    }

    @Scheduled(fixedDelayString = "${memora.cdn.probe-interval:PT30S}",
               initialDelayString = "${memora.cdn.probe-interval:PT30S}")
    @SchedulerLock(name = "cdn-probe", lockAtMostFor = "PT5M")
    void probe() {
        probe.probe();
    }

    @Scheduled(fixedDelayString = "${memora.cdn.resign-check:PT5M}",
               initialDelayString = "${memora.cdn.resign-check:PT5M}")
    @SchedulerLock(name = "cdn-resign", lockAtMostFor = "PT10M")
    void resign() {
        resigner.run();
    }
}
