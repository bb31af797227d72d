package com.memora.projection.export.cdn;

import com.memora.projection.export.staging.ContentFile;

import java.util.Collection;
import java.util.List;

/**
 * Publishes staged plan files to the bucket behind the CDN (domain §9.2, §9.5, §11.5; decisions F3, F8, F9, O3,
 * O8). The connection comes from the CDN settings in force at the start of each call. Every operation either
 * completes or throws a {@link CdnPublishException} that says whether it is worth retrying ({@link CdnFailureKind}),
 * and the path it failed on. Each outcome also counts towards the CDN's health (decisions O4).
 * <p>
 * How the pipeline uses it: after staging, {@link #upload} the changed files (read back from the local store, never
 * re-serialised) in any order — they go up bottom-up; {@link #delete} what left the plan; {@link #deletePlan} for a
 * deleted plan; {@link #sync} to bring the bucket level with the local tree for a full publication; {@link #list}
 * for parity checks.
 */
public interface CdnPublisher {

    /**
     * Whether the settings in force enable the CDN and name an endpoint, a bucket and credentials: the effective switch
     * (the URL resolver's too). When false, a call here fails as permanent; the pipeline decides on
     * {@link #switchedOn()}.
     */
    boolean enabled();

    /**
     * Whether the administrators switched the CDN on, configured or not. Enabled but not configured (keys cleared,
     * say) is a fault to report, not a reason to stop owing: the pipeline keeps what plans owe and fails their
     * publications with the reason, so restoring the settings publishes everything.
     */
    boolean switchedOn();

    /**
     * Uploads each file single-part from its bytes ({@code Content-Type: application/json; charset=utf-8}, the
     * configured {@code Cache-Control}) in publication order ({@link PublicationOrder}: lessons, units, subjects,
     * search, manifest last; a level starts when the previous one is complete) and verifies the returned ETag
     * against the MD5 of the bytes. A mismatch is uploaded once more; a second mismatch fails the batch, naming the
     * path, as permanent. The first failure stops the batch: files of later levels are not sent.
     */
    PublishReport upload(List<ContentFile> files, PublishProgress progress);

    default PublishReport upload(List<ContentFile> files) {
        return upload(files, PublishProgress.NONE);
    }

    /**
     * Like {@link #upload}, but first lists the plans' folders in the bucket and skips every file whose object
     * already has an ETag equal to its MD5 (decisions F5: unchanged files are not uploaded, so not purged either).
     */
    PublishReport sync(List<ContentFile> files, PublishProgress progress);

    /** Deletes these keys (relative paths), in requests of at most 1,000 keys. Missing keys are fine. */
    DeleteReport delete(Collection<String> paths);

    /**
     * Deletes every object under {@code plans/{planId}/} — with the trailing slash, so deleting {@code P1} never
     * touches {@code P10} (decisions F8) — in requests of at most 1,000 keys.
     */
    DeleteReport deletePlan(String planId);

    /** Every object under the prefix (e.g. {@code plans/}), with its ETag; no directories. */
    List<RemoteObject> list(String prefix);
}
