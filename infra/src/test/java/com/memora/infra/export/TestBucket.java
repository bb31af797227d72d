package com.memora.infra.export;

import com.memora.infra.testsupport.TestServers;
import com.memora.projection.export.cdn.Md5;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A bucket of the tests' real S3-compatible server, looked at directly (not through the service's adapter). */
final class TestBucket {

    /** An object as stored: its bytes and the headers it is served with. */
    record StoredObject(byte[] bytes, String contentType, String cacheControl) {
    }

    final String name;
    private final MinioClient minio = TestServers.get().minio();

    TestBucket(String name) {
        this.name = name;
        try {
            if (!minio.bucketExists(BucketExistsArgs.builder().bucket(name).build())) {
                minio.makeBucket(MakeBucketArgs.builder().bucket(name).build());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create bucket " + name, e);
        }
    }

    /** Every object under the prefix with its ETag (the MD5 of a single-part upload). */
    Map<String, String> etags(String prefix) {
        Map<String, String> objects = new TreeMap<>();
        try {
            for (Result<Item> result : minio.listObjects(ListObjectsArgs.builder().bucket(name).prefix(prefix)
                                                                      .recursive(true).build())) {
                Item item = result.get();
                if (!item.isDir()) {
                    objects.put(item.objectName(), Md5.fromEtag(item.etag()));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot list " + name + "/" + prefix, e);
        }
        return objects;
    }

    Map<String, String> plan(String planId) {
        return etags("plans/" + planId + "/");
    }

    StoredObject get(String key) {
        try (GetObjectResponse response = minio.getObject(GetObjectArgs.builder().bucket(name).object(key).build())) {
            return new StoredObject(response.readAllBytes(), response.headers().get("Content-Type"),
                                    response.headers().get("Cache-Control"));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + name + "/" + key, e);
        }
    }

    void put(String key, byte[] bytes) {
        try {
            minio.putObject(PutObjectArgs.builder().bucket(name).object(key).data(bytes, bytes.length).build());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write " + name + "/" + key, e);
        }
    }

    void remove(String key) {
        try {
            minio.removeObject(RemoveObjectArgs.builder().bucket(name).object(key).build());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot remove " + name + "/" + key, e);
        }
    }

    /** The bucket's copy of the plan is exactly the local one: same paths, each ETag the local file's MD5. */
    void assertHoldsExactly(ExportFixture export, String planId) {
        Map<String, String> local = new TreeMap<>();
        export.contents(planId).forEach((path, bytes) -> local.put(path, Md5.hex(bytes)));
        assertThat(local).as("local files of %s", planId).isNotEmpty();
        assertThat(plan(planId)).as("bucket %s holds exactly the local files of %s", name, planId)
                                .isEqualTo(local);
    }
}
