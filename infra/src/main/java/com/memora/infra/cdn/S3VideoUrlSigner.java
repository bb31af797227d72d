package com.memora.infra.cdn;

import com.memora.projection.export.cdn.SigningWindow;
import com.memora.projection.export.files.SignedVideoUrl;
import com.memora.projection.export.files.VideoUrlSigner;
import com.memora.kernel.settings.CdnSettingsRules;
import io.minio.GetObjectArgs;
import io.minio.Http;
import io.minio.Signer;
import io.minio.Time;
import io.minio.credentials.Credentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signs the video links of lesson files (decisions F7, domain §9.1): a Video stage whose {@code video_url} points
 * into our bucket ({@link BucketObjectKeys}) gets a presigned GET URL; an external link stays as it is. The
 * lifetime is the settings' {@code signed_url_expiry_hours} (1–24, default 4), and signatures are made in fixed
 * windows ({@link SigningWindow}): the signing date is the window's start, so the same build time always gives the
 * same URL (F6) and a link has at least half its lifetime left when written. The file's {@code signed_url_expiry}
 * is the window's expiry. If signing fails, the stored URL is kept and the error logged.
 * <p>
 * The URL is signed with minio-java's own SigV4 presigner; only the signing date is ours (minio would take the
 * current time), which is what makes fixed windows possible.
 */
@Component
public class S3VideoUrlSigner implements VideoUrlSigner {

    private static final Logger log = LoggerFactory.getLogger(S3VideoUrlSigner.class);

    private final CdnClients clients;

    S3VideoUrlSigner(CdnClients clients) {
        this.clients = clients;
    }

    @Override
    public SignedVideoUrl sign(String storedUrl, Instant buildTime) {
        return sign(clients.current(), storedUrl, buildTime);
    }

    static SignedVideoUrl sign(CdnTarget target, String storedUrl, Instant buildTime) {
        if (!target.configured()) {
            return SignedVideoUrl.unsigned(storedUrl);
        }
        Optional<String> key = BucketObjectKeys.keyOf(storedUrl, target.endpoint(), target.bucket());
        if (key.isEmpty()) {
            return SignedVideoUrl.unsigned(storedUrl);
        }
        SigningWindow window = SigningWindow.of(buildTime, lifetime(target));
        try {
            return new SignedVideoUrl(presign(target, key.get(), window), window.expiry());
        } catch (Exception e) {
            log.error("Cannot sign the video link {} (key {}); the lesson keeps the stored URL", storedUrl, key.get(),
                      e);
            return SignedVideoUrl.unsigned(storedUrl);
        }
    }

    static Duration lifetime(CdnTarget target) {
        int hours = Math.max(CdnSettingsRules.MIN_EXPIRY_HOURS,
                             Math.min(CdnSettingsRules.MAX_EXPIRY_HOURS, target.settings().signedUrlExpiryHours()));
        return Duration.ofHours(hours);
    }

    private static String presign(CdnTarget target, String key, SigningWindow window) throws Exception {
        Http.S3Request request = Http.S3Request.builder()
                                               .userAgent("memora-core")
                                               .method(Http.Method.GET)
                                               .args(GetObjectArgs.builder().bucket(target.bucket()).object(key)
                                                                  .region(target.region()).build())
                                               .build();
        okhttp3.Request unsigned = request.toRequest(new Http.BaseUrl(target.endpoint()), target.region(),
                                                     new Credentials(target.accessKey(), target.secretKey(), null,
                                                                     null))
                                          .httpRequest()
                                          .newBuilder()
                                          .header(Http.Headers.X_AMZ_DATE, Time.AMZ_DATE_FORMAT.format(window.start()))
                                          .build();
        return Signer.presignV4(unsigned, target.region(), target.accessKey(), target.secretKey(),
                                (int) window.lifetime().toSeconds()).toString();
    }
}
