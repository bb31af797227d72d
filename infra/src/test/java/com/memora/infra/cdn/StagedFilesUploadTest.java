package com.memora.infra.cdn;

import com.memora.infra.files.FileSystemContentStore;
import com.memora.infra.files.FreeSpaceProbe;
import com.memora.infra.testsupport.Ids;
import com.memora.infra.testsupport.TestServers;
import com.memora.projection.export.cdn.CdnOutcomes;
import com.memora.projection.export.cdn.Md5;
import com.memora.projection.export.cdn.PublishReport;
import com.memora.projection.export.cdn.RemoteObject;
import com.memora.projection.export.cdn.StagedFiles;
import com.memora.projection.export.staging.ContentFile;
import io.minio.GetObjectArgs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline's way: stage locally, read the staged bytes back, upload exactly those (decisions O3). */
class StagedFilesUploadTest {

    private static final String BUCKET = "cdn-staged-test";

    @TempDir
    Path root;

    @BeforeAll
    static void bucket() {
        S3TestTargets.createBucket(BUCKET);
    }

    @Test
    void theBucketGetsTheLocalBytesAndPathsWithNoLocalFileAreReportedNotUploaded() throws Exception {
        FileSystemContentStore store = new FileSystemContentStore(root, 0.0, FreeSpaceProbe.fileStore());
        String plan = Ids.node("P");
        List<ContentFile> built = PlanFixtures.files(plan, 3);
        store.writeAll(built);
        List<String> paths = new ArrayList<>(built.stream().map(ContentFile::path).toList());
        String deletedMeanwhile = "plans/" + plan + "/lessons/L9.json";
        paths.add(deletedMeanwhile);

        StagedFiles staged = StagedFiles.read(store, paths);
        PublishReport report;
        try (MinioCdnPublisher publisher = new MinioCdnPublisher(() -> S3TestTargets.target(BUCKET),
                                                                 CdnOutcomes.IGNORED, "public, max-age=300", 4)) {
            report = publisher.upload(staged.files());
            assertThat(publisher.list("plans/" + plan + "/").stream()
                                .collect(Collectors.toMap(RemoteObject::key, RemoteObject::etag)))
                    .isEqualTo(built.stream().collect(Collectors.toMap(ContentFile::path, f -> Md5.hex(f.bytes()))));
        }

        assertThat(staged.missing()).containsExactly(deletedMeanwhile);
        assertThat(report.uploadedPaths()).hasSize(built.size()).doesNotContain(deletedMeanwhile);
        String manifest = "plans/" + plan + "/manifest.json";
        try (InputStream object = TestServers.get().minio().getObject(GetObjectArgs.builder().bucket(BUCKET)
                                                                                 .object(manifest).build())) {
            assertThat(object.readAllBytes()).isEqualTo(Files.readAllBytes(root.resolve(manifest)));
        }
    }
}
