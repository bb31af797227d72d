package com.memora.projection.export.publication;

import com.memora.kernel.settings.CdnSettings;
import com.memora.projection.export.cdn.SigningWindow;
import com.memora.projection.export.pipeline.DirtyPlans;
import com.memora.projection.settings.CdnSettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The re-sign job (decisions F7): signed video links are signed in fixed windows of half their lifetime
 * ({@code signed_url_expiry_hours}, default 4 h), so once a new window has begun, the lesson files signed in an
 * earlier one have half their lifetime or less left. This job queues those plans; their build signs the links in
 * the current window and rewrites exactly the lesson files whose links changed (a lesson's meaning is unchanged, but
 * {@code SignedLinkRenewal} makes the build write it), which are then uploaded and purged like any change. A file
 * changes at most once per half-lifetime. The earliest expiry per plan is recorded by every build.
 */
@Component
public class VideoLinkResigner {

    /** Plans queued per run; the rest at the next. */
    static final int PLANS_PER_RUN = 1_000;

    private static final Logger log = LoggerFactory.getLogger(VideoLinkResigner.class);

    private final SignedLinkExpiries links;
    private final DirtyPlans dirtyPlans;
    private final CdnSettingsStore settings;
    private final Clock clock;

    public VideoLinkResigner(SignedLinkExpiries links, DirtyPlans dirtyPlans, CdnSettingsStore settings,
                             Clock clock) {
        this.links = links;
        this.dirtyPlans = dirtyPlans;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Queues every plan with lesson files due for re-signing.
     *
     * @return the plans queued now
     */
    public List<String> run() {
        Instant now = clock.instant();
        CdnSettings current = settings.current().settings();
        int hours = current.signedUrlExpiryHours() >= 1 ? current.signedUrlExpiryHours()
                : CdnSettings.DEFAULT_SIGNED_URL_EXPIRY_HOURS;
        // due ⇔ the current window's links expire later than the file's (SigningWindow.resignDue)
        Instant currentExpiry = SigningWindow.of(now, Duration.ofHours(hours)).expiry();
        List<String> due = links.expiringBefore(currentExpiry, PLANS_PER_RUN).stream()
                                .filter(plan -> dirtyPlans.find(plan).isEmpty())
                                .toList();
        if (!due.isEmpty()) {
            dirtyPlans.mark(due, "signed video links reached half their lifetime: re-signed (F7)", false, now);
            log.info("Re-signing the video links of {} plan(s)", due.size());
        }
        return due;
    }
}
