package com.memora.infra.settings;

import com.memora.command.settings.CdnConnectionCheck;
import com.memora.command.settings.CdnConnectionResult;
import com.memora.infra.s3.S3Properties;
import com.memora.kernel.error.FieldProblem;
import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.settings.CdnSecret;
import com.memora.kernel.settings.StorageProvider;
import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import okhttp3.OkHttpClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The connection test of {@code POST /api/settings/cdn/test}: a real request to the store (does the bucket exist?)
 * with the given settings, or the stored ones for whatever is not given — except the stored keys, which are used only
 * for the stored endpoint: a test of any other endpoint must carry its own access_key and secret_key. Every outcome
 * is a result a person can act on; only a forbidden address given in the request, or another endpoint without its
 * keys, is an input error, raised before anything is sent.
 */
@Component
class MinioCdnConnectionCheck implements CdnConnectionCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final CdnSettingsProvider settings;
    private final S3Properties seed;

    MinioCdnConnectionCheck(CdnSettingsProvider settings, S3Properties seed) {
        this.settings = settings;
        this.seed = seed;
    }

    @Override
    public CdnConnectionResult check(String endpointUrl, String bucketName, Map<CdnSecret, String> secrets) {
        CdnConnectionSettings current = settings.current();
        boolean given = endpointUrl != null || bucketName != null || !secrets.isEmpty();
        String endpoint = endpointUrl != null ? endpointUrl : current.settings().endpointUrl();
        String bucket = bucketName != null ? bucketName : current.settings().bucketName();
        boolean storedEndpoint = endpointUrl == null || sameEndpoint(endpointUrl, current.settings().endpointUrl());
        if (!storedEndpoint) {
            requireGivenKeys(secrets);
        }
        // the stored keys only ever go to the stored endpoint: signing a request to an address an admin typed with
        // them would hand that host the access key and a valid signature
        String accessKey = storedEndpoint ? secrets.getOrDefault(CdnSecret.ACCESS_KEY, current.accessKey())
                                          : secrets.get(CdnSecret.ACCESS_KEY);
        String secretKey = storedEndpoint ? secrets.getOrDefault(CdnSecret.SECRET_KEY, current.secretKey())
                                          : secrets.get(CdnSecret.SECRET_KEY);
        String source = given ? "given" : current.source();
        if (!StringUtils.hasText(endpoint) || !StringUtils.hasText(bucket)) {
            return new CdnConnectionResult(false, endpoint, bucket, null, 0,
                                           "No endpoint_url and bucket_name to test; give them or save them first",
                                           source);
        }
        String region = current.settings().storageProvider() == StorageProvider.CLOUDFLARE_R2 ? "auto"
                                                                                            : seed.region();
        long started = System.nanoTime();
        try (MinioClient client = client(endpoint, accessKey, secretKey, region)) {
            boolean exists = client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
            return new CdnConnectionResult(exists, endpoint, bucket, exists, elapsedMillis(started),
                                           exists ? null : "The store answered, but has no bucket '" + bucket + "'",
                                           source);
        } catch (ErrorResponseException refused) {
            return new CdnConnectionResult(false, endpoint, bucket, null, elapsedMillis(started),
                                           "The store refused the request: " + refused.errorResponse().code() + " ("
                                           + refused.errorResponse().message() + ")", source);
        } catch (GuardedDns.RefusedAddressException refused) {
            return new CdnConnectionResult(false, endpoint, bucket, null, elapsedMillis(started),
                                           "Not connecting: " + refused.getMessage(), source);
        } catch (Exception unreachable) {
            return new CdnConnectionResult(false, endpoint, bucket, null, elapsedMillis(started),
                                           "Cannot reach the store: " + describe(unreachable), source);
        }
    }

    /** A test of another endpoint than the stored one carries its own keys: 400 naming each missing one. */
    private static void requireGivenKeys(Map<CdnSecret, String> secrets) {
        List<FieldProblem> missing = Stream.of(CdnSecret.ACCESS_KEY, CdnSecret.SECRET_KEY)
                                           .filter(secret -> !StringUtils.hasText(secrets.get(secret)))
                                           .map(secret -> new FieldProblem(secret.apiName(), secret.apiName()
                                                   + " is needed to test an endpoint_url other than the stored one "
                                                   + "(the stored keys are only sent to the stored endpoint)"))
                                           .toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("cdn-test-credentials", missing);
        }
    }

    /** The same scheme, host (in any case), port and path, a trailing slash aside. */
    static boolean sameEndpoint(String given, String stored) {
        if (stored == null) {
            return false;
        }
        try {
            URI a = URI.create(given.strip());
            URI b = URI.create(stored.strip());
            return equalsIgnoreCase(a.getScheme(), b.getScheme()) && equalsIgnoreCase(a.getHost(), b.getHost())
                   && port(a) == port(b) && path(a).equals(path(b));
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    private static boolean equalsIgnoreCase(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String path(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static MinioClient client(String endpoint, String accessKey, String secretKey, String region) {
        OkHttpClient http = new OkHttpClient.Builder()
                .dns(GuardedDns.INSTANCE)
                .connectTimeout(TIMEOUT)
                .readTimeout(TIMEOUT)
                .writeTimeout(TIMEOUT)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
        MinioClient.Builder builder = MinioClient.builder().endpoint(endpoint).region(region).httpClient(http, true);
        if (StringUtils.hasText(accessKey) && StringUtils.hasText(secretKey)) {
            builder.credentials(accessKey, secretKey);
        }
        return builder.build();
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static long elapsedMillis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
