package com.memora.projection.export.publication;

import org.springframework.stereotype.Component;

import java.util.List;

/**
 * One tick of CDN publication (a scheduled job, one node at a time; tests call it with a moved clock): the retries
 * whose time has come and publications left owed, then the readiness step (a full sync when the CDN was enabled or
 * its bucket changed, then the parity check that makes it ready).
 */
@Component
public class CdnPublicationTick {

    private final CdnPublications publications;
    private final CdnReadiness readiness;

    public CdnPublicationTick(CdnPublications publications, CdnReadiness readiness) {
        this.publications = publications;
        this.readiness = readiness;
    }

    public record Result(List<CdnPublications.Outcome> published, CdnReadiness.Check readiness) {
    }

    public Result run() {
        List<CdnPublications.Outcome> published = publications.runDue();
        return new Result(published, readiness.establish());
    }
}
