package com.memora.infra.embedded;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real S3-compatible HTTP server (s3proxy, in-process) on loopback: signatures, ETags, listings and presigned
 * URLs behave as on S3. It can be stopped and started again on the same port to simulate a CDN outage.
 */
public final class EmbeddedS3Server implements AutoCloseable {

    private final BlobStore blobStore;
    private final String accessKey;
    private final String secretKey;
    private S3Proxy proxy;
    private int port;

    private EmbeddedS3Server(BlobStore blobStore, String accessKey, String secretKey) {
        this.blobStore = blobStore;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /**
     * @param dataDirectory where objects are kept across restarts; {@code null} for an in-memory store (tests)
     */
    public static EmbeddedS3Server start(Path dataDirectory, int port, String accessKey, String secretKey)
            throws Exception {
        BlobStore store;
        if (dataDirectory != null) {
            Files.createDirectories(dataDirectory);
            store = new FilesystemNio2BlobStore(dataDirectory.toAbsolutePath().toString());
        } else {
            store = new TransientNio2BlobStore();
        }
        EmbeddedS3Server server = new EmbeddedS3Server(store, accessKey, secretKey);
        server.startOn(port);
        return server;
    }

    private void startOn(int requestedPort) throws Exception {
        proxy = S3Proxy.builder()
                       .blobStore(blobStore)
                       .endpoint(URI.create("http://127.0.0.1:" + requestedPort))
                       .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                       .ignoreUnknownHeaders(true)
                       .build();
        try {
            proxy.start();
        } catch (Exception e) {
            stopQuietly();
            throw e;
        }
        port = proxy.getPort();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** Creates the bucket unless it exists (tools and benchmarks that need a bucket of their own). */
    public void createBucket(String bucket) throws Exception {
        try (MinioClient client = MinioClient.builder().endpoint(endpoint()).region("us-east-1")
                                             .credentials(accessKey, secretKey).build()) {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        }
    }

    public boolean isRunning() {
        return proxy != null;
    }

    /** Stops serving; objects stay in the store, so {@link #restart()} brings them back. */
    public void stop() throws Exception {
        if (proxy != null) {
            S3Proxy running = proxy;
            proxy = null;
            running.stop();
        }
    }

    public void restart() throws Exception {
        stop();
        startOn(port);
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (Exception ignored) {
            // the start already failed; that failure is the one worth reporting
        }
    }

    @Override
    public void close() throws IOException {
        try {
            stop();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Could not stop the embedded S3 server", e);
        }
    }
}
