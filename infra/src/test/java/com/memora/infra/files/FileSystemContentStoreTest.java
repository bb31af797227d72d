package com.memora.infra.files;

import com.memora.projection.export.staging.ContentFile;
import com.memora.projection.export.staging.ContentPathRejectedException;
import com.memora.projection.export.staging.ContentStorageException;
import com.memora.projection.export.staging.DiskSpace;
import com.memora.projection.export.staging.InsufficientDiskSpaceException;
import com.memora.projection.export.staging.WriteOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The local content store on real temporary directories: F9 write order, O5 disk guard, I1 paths, §11.4 deletes. */
class FileSystemContentStoreTest {

    private static final String LESSON = "plans/P1/lessons/L1.json";
    private static final DiskSpace PLENTY = new DiskSpace(900, 1000);

    @TempDir
    Path temp;

    private Path root;
    private final AtomicReference<DiskSpace> disk = new AtomicReference<>(PLENTY);
    private FileSystemContentStore store;

    @BeforeEach
    void setUp() {
        root = temp.resolve("content");
        store = new FileSystemContentStore(root, 10.0, directory -> disk.get());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String contentOf(String relative) throws IOException {
        return Files.readString(root.resolve(relative));
    }

    private List<String> namesIn(String relativeDirectory) throws IOException {
        try (Stream<Path> entries = Files.list(root.resolve(relativeDirectory))) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    // ---- writes and the one previous version --------------------------------------------------------------------

    @Test
    void createsTheRootAndWritesTheFile() {
        assertThat(root).isDirectory();

        assertThat(store.write(LESSON, bytes("{\"v\":1}"))).isEqualTo(WriteOutcome.WRITTEN);

        assertThat(root.resolve(LESSON)).hasContent("{\"v\":1}");
        assertThat(store.read(LESSON)).hasValueSatisfying(read -> assertThat(read).isEqualTo(bytes("{\"v\":1}")));
        assertThat(store.exists(LESSON)).isTrue();
    }

    @Test
    void keepsExactlyOnePreviousVersion() throws IOException {
        store.write(LESSON, bytes("v1"));
        assertThat(namesIn("plans/P1/lessons")).containsExactly("L1.json");

        store.write(LESSON, bytes("v2"));
        store.write(LESSON, bytes("v3"));

        assertThat(contentOf(LESSON)).isEqualTo("v3");
        assertThat(contentOf(LESSON + ".prev")).isEqualTo("v2");
        assertThat(namesIn("plans/P1/lessons")).containsExactly("L1.json", "L1.json.prev");
    }

    @Test
    void sameBytesWriteNothingAtAll() throws IOException {
        store.write(LESSON, bytes("v1"));
        store.write(LESSON, bytes("v2"));
        Object fileKey = Files.readAttributes(root.resolve(LESSON), "unix:ino").get("ino");
        Object prevKey = Files.readAttributes(root.resolve(LESSON + ".prev"), "unix:ino").get("ino");

        assertThat(store.write(LESSON, bytes("v2"))).isEqualTo(WriteOutcome.UNCHANGED);

        assertThat(Files.readAttributes(root.resolve(LESSON), "unix:ino").get("ino")).isEqualTo(fileKey);
        assertThat(Files.readAttributes(root.resolve(LESSON + ".prev"), "unix:ino").get("ino")).isEqualTo(prevKey);
        assertThat(contentOf(LESSON + ".prev")).isEqualTo("v1");
    }

    @Test
    void previousVersionIsAHardLinkToTheReplacedFile() throws IOException {
        store.write(LESSON, bytes("v1"));
        Object replacedInode = Files.readAttributes(root.resolve(LESSON), "unix:ino").get("ino");

        store.write(LESSON, bytes("v2"));

        assertThat(Files.readAttributes(root.resolve(LESSON + ".prev"), "unix:ino").get("ino"))
                .isEqualTo(replacedInode);
    }

    // ---- a plan's files in one batch ----------------------------------------------------------------------------

    @Test
    void writeAllStagesEveryFileAsWriteDoesAndReportsEachOutcome() throws IOException {
        store.write(LESSON, bytes("v1"));
        store.write("plans/P1/manifest.json", bytes("{}"));

        Map<String, WriteOutcome> outcomes = store.writeAll(List.of(
                new ContentFile(LESSON, bytes("v2")),
                new ContentFile("plans/P1/lessons/L2.json", bytes("new")),
                new ContentFile("plans/P1/manifest.json", bytes("{}"))));

        assertThat(outcomes).containsExactly(entry(LESSON, WriteOutcome.WRITTEN),
                                             entry("plans/P1/lessons/L2.json", WriteOutcome.WRITTEN),
                                             entry("plans/P1/manifest.json", WriteOutcome.UNCHANGED));
        assertThat(contentOf(LESSON)).isEqualTo("v2");
        assertThat(contentOf(LESSON + ".prev")).isEqualTo("v1");
        assertThat(namesIn("plans/P1/lessons")).containsExactly("L1.json", "L1.json.prev", "L2.json");
        assertThat(namesIn("plans/P1")).containsExactly("lessons", "manifest.json");
    }

    @Test
    void writeAllStopsAtTheFirstFailureWithEarlierFilesComplete() throws IOException {
        assertThatThrownBy(() -> store.writeAll(List.of(
                new ContentFile(LESSON, bytes("first")),
                new ContentFile("plans/P1/../../escape.json", bytes("evil")),
                new ContentFile("plans/P1/manifest.json", bytes("never")))))
                .isInstanceOf(ContentPathRejectedException.class);

        assertThat(store.list()).containsExactly(LESSON);
        assertThat(contentOf(LESSON)).isEqualTo("first");
    }

    @Test
    void writeAllPausesOnLowDiskBeforeTheNextFile() {
        disk.set(new DiskSpace(1, 1000));

        assertThatThrownBy(() -> store.writeAll(List.of(new ContentFile(LESSON, bytes("x")))))
                .isInstanceOf(InsufficientDiskSpaceException.class);
        assertThat(store.list()).isEmpty();
    }

    // ---- readers and writers at the same time -------------------------------------------------------------------

    @Test
    void readersPollingDuring1000RewritesNeverSeeTheFileMissingOrPartial() throws Exception {
        byte[] small = bytes("{\"v\":\"" + "a".repeat(20_000) + "\"}");
        byte[] large = bytes("{\"v\":\"" + "b".repeat(45_000) + "\"}");
        store.write(LESSON, small);
        Path file = root.resolve(LESSON);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger missing = new AtomicInteger();
        AtomicInteger partial = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            running.add(readers.submit(() -> {
                do {
                    try {
                        byte[] seen = Files.readAllBytes(file);
                        if (!Arrays.equals(seen, small) && !Arrays.equals(seen, large)) {
                            partial.incrementAndGet();
                        }
                    } catch (NoSuchFileException gone) {
                        missing.incrementAndGet();
                    }
                    reads.incrementAndGet();
                } while (writing.get());
                return null;
            }));
        }

        for (int i = 0; i < 1_000; i++) {
            store.write(LESSON, i % 2 == 0 ? large : small);
        }
        writing.set(false);
        for (Future<?> reader : running) {
            reader.get(1, TimeUnit.MINUTES);
        }
        readers.shutdown();

        assertThat(reads.get()).isGreaterThanOrEqualTo(2);
        assertThat(missing.get()).as("reads that found no file").isZero();
        assertThat(partial.get()).as("reads that found a partial file").isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(small);
        assertThat(Files.readAllBytes(root.resolve(LESSON + ".prev"))).isEqualTo(large);
        assertThat(namesIn("plans/P1/lessons")).containsExactly("L1.json", "L1.json.prev");
        System.out.printf("readers made %,d reads during 1,000 rewrites%n", reads.get());
    }

    @Test
    void twoConcurrentWritersLeaveOneCompleteFile() throws Exception {
        byte[] first = bytes("{\"writer\":1,\"pad\":\"" + "1".repeat(30_000) + "\"}");
        byte[] second = bytes("{\"writer\":2,\"pad\":\"" + "2".repeat(50_000) + "\"}");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (byte[] payload : List.of(first, second)) {
            running.add(writers.submit(() -> {
                start.await();
                for (int i = 0; i < 200; i++) {
                    store.write(LESSON, payload);
                }
                return null;
            }));
        }

        start.countDown();
        for (Future<?> writer : running) {
            writer.get(1, TimeUnit.MINUTES);
        }
        writers.shutdown();

        byte[] result = Files.readAllBytes(root.resolve(LESSON));
        assertThat(Arrays.equals(result, first) || Arrays.equals(result, second)).as("one writer's whole file").isTrue();
        // Usually there is a .prev; not always: if each writer's first write found no file (both raced to create
        // it) and every later write found its own bytes, nothing was ever replaced. What must hold: at most one
        // .prev, whole, and no temporary file left behind.
        Path previousFile = root.resolve(LESSON + ".prev");
        if (Files.exists(previousFile)) {
            byte[] previous = Files.readAllBytes(previousFile);
            assertThat(Arrays.equals(previous, first) || Arrays.equals(previous, second)).isTrue();
        }
        assertThat(namesIn("plans/P1/lessons")).isSubsetOf("L1.json", "L1.json.prev").contains("L1.json");
    }

    // ---- low disk (O5) ------------------------------------------------------------------------------------------

    @Test
    void belowTheMinimumFreeShareNothingIsWritten() throws IOException {
        store.write(LESSON, bytes("v1"));
        disk.set(new DiskSpace(99L * 1024 * 1024, 1000L * 1024 * 1024));

        assertThatThrownBy(() -> store.write(LESSON, bytes("v2")))
                .isInstanceOfSatisfying(InsufficientDiskSpaceException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Insufficient disk space: 9.9% free (99.0 MiB of 1000.0"
                                                         + " MiB), writing needs at least 10.0% free; nothing was"
                                                         + " written to plans/P1/lessons/L1.json");
                    assertThat(e.space().freePercent()).isEqualTo(9.9);
                    assertThat(e.permanent()).isFalse();
                });
        assertThatThrownBy(() -> store.write("plans/P1/manifest.json", bytes("{}")))
                .isInstanceOf(InsufficientDiskSpaceException.class);
        assertThatThrownBy(store::requireFreeSpace).isInstanceOf(InsufficientDiskSpaceException.class)
                                                   .hasMessageStartingWith("Insufficient disk space: 9.9% free");

        assertThat(contentOf(LESSON)).isEqualTo("v1");
        assertThat(namesIn("plans/P1")).containsExactly("lessons");
        assertThat(namesIn("plans/P1/lessons")).containsExactly("L1.json");
    }

    @Test
    void writingResumesOnceSpaceIsBack() {
        disk.set(new DiskSpace(50, 1000));
        assertThatThrownBy(() -> store.write(LESSON, bytes("v1"))).isInstanceOf(InsufficientDiskSpaceException.class);

        disk.set(new DiskSpace(100, 1000)); // exactly 10 % is enough: only "below" pauses

        assertThat(store.write(LESSON, bytes("v1"))).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(store.diskSpace().freePercent()).isEqualTo(10.0);
    }

    @Test
    void realProbeReportsTheVolumeOfTheRoot() throws IOException {
        DiskSpace real = FreeSpaceProbe.fileStore().probe(root);

        assertThat(real.totalBytes()).isEqualTo(Files.getFileStore(root).getTotalSpace());
        assertThat(real.freePercent()).isBetween(0.0, 100.0);
    }

    // ---- paths stay under the root (I1) -------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"../escape.json", "plans/../../escape.json", "plans/P1/../../../escape.json",
                            "/etc/passwd", "plans//P1.json", "plans/./P1.json", "plans\\P1.json", "C:/x.json",
                            "plans/.hidden.json", "plans/P1 /x.json", "plans/P1/x.json.prev",
                            "plans/P1/x.json.tmp.1234", "plans/", ".."})
    void pathsThatCouldLeaveTheRootAreRefused(String path) throws IOException {
        assertThatThrownBy(() -> store.write(path, bytes("x")))
                .isInstanceOfSatisfying(ContentPathRejectedException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Refused content path '" + path + "': ");
                    assertThat(e.permanent()).isTrue();
                });
        assertThatThrownBy(() -> store.delete(path)).isInstanceOf(ContentPathRejectedException.class);
        assertThatThrownBy(() -> store.read(path)).isInstanceOf(ContentPathRejectedException.class);

        try (Stream<Path> everything = Files.walk(temp)) {
            assertThat(everything.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void rootItselfCannotBeDeleted() {
        assertThatThrownBy(() -> store.deleteDirectory("")).isInstanceOf(ContentPathRejectedException.class);
        assertThatThrownBy(() -> store.deleteDirectory(".")).isInstanceOf(ContentPathRejectedException.class);
        assertThat(root).isDirectory();
    }

    @Test
    void symbolicLinksOutOfTheRootAreRefused() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createDirectories(root.resolve("plans"));
        Files.createSymbolicLink(root.resolve("plans/P1"), outside);
        Files.writeString(outside.resolve("keep.json"), "precious");
        Files.createSymbolicLink(root.resolve("plans/file.json"), outside.resolve("keep.json"));

        assertThatThrownBy(() -> store.write("plans/P1/lessons/L1.json", bytes("x")))
                .isInstanceOf(ContentPathRejectedException.class)
                .hasMessageContaining("'plans/P1' is a symbolic link");
        assertThatThrownBy(() -> store.write("plans/file.json", bytes("x")))
                .isInstanceOf(ContentPathRejectedException.class);
        assertThatThrownBy(() -> store.deleteDirectory("plans/P1")).isInstanceOf(ContentPathRejectedException.class);
        assertThatThrownBy(() -> store.delete("plans/P1/keep.json")).isInstanceOf(ContentPathRejectedException.class);

        assertThat(outside.resolve("keep.json")).hasContent("precious");
        assertThat(outside.resolve("lessons")).doesNotExist();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void rootMayItselfBeALinkToASharedVolume() throws IOException {
        Path volume = Files.createDirectories(temp.resolve("shared-volume"));
        Path link = Files.createSymbolicLink(temp.resolve("linked-root"), volume);
        FileSystemContentStore linked = new FileSystemContentStore(link, 10.0, directory -> PLENTY);

        linked.write(LESSON, bytes("v1"));

        assertThat(volume.resolve(LESSON)).hasContent("v1");
        assertThat(linked.root()).isEqualTo(volume.toRealPath());
    }

    // ---- permissions --------------------------------------------------------------------------------------------

    @Test
    void unwritableDirectoryIsAClearPermanentFailureOfThatWriteOnly() throws Exception {
        store.write(LESSON, bytes("v1"));
        Path lessons = root.resolve("plans/P1/lessons");

        ReadOnlyDirectory readOnly = ReadOnlyDirectory.of(lessons);
        try (readOnly) {
            assertThatThrownBy(() -> store.write(LESSON, bytes("v2")))
                    .isInstanceOfSatisfying(ContentStorageException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ContentStorageException.Reason.PERMISSION_DENIED);
                        assertThat(e.permanent()).isTrue();
                        assertThat(e.path()).isEqualTo(LESSON);
                        assertThat(e.getMessage()).startsWith("Permission denied: cannot write " + LESSON + " (");
                    });
            assertThatThrownBy(() -> store.write("plans/P1/lessons/L2.json", bytes("new")))
                    .isInstanceOf(ContentStorageException.class);

            assertThat(contentOf(LESSON)).isEqualTo("v1");
            assertThat(namesIn("plans/P1/lessons")).containsExactly("L1.json");
            // the store keeps working everywhere else
            assertThat(store.write("plans/P1/manifest.json", bytes("{}"))).isEqualTo(WriteOutcome.WRITTEN);
        }
    }

    // ---- deletes and listing (domain §11.4) ---------------------------------------------------------------------

    @Test
    void deleteRemovesFilePreviousAndLeftoversThenEmptyParents() throws IOException {
        store.write(LESSON, bytes("v1"));
        store.write(LESSON, bytes("v2"));
        Files.writeString(root.resolve(LESSON + ".tmp.crashed"), "half");
        store.write("plans/P1/manifest.json", bytes("{}"));

        assertThat(store.delete(LESSON)).isTrue();

        assertThat(root.resolve("plans/P1/lessons")).doesNotExist();
        assertThat(namesIn("plans/P1")).containsExactly("manifest.json");

        assertThat(store.delete("plans/P1/manifest.json")).isTrue();
        assertThat(root.resolve("plans")).doesNotExist();
        assertThat(root).isEmptyDirectory();
        assertThat(store.delete("plans/P1/manifest.json")).isFalse();
    }

    @Test
    void deleteDirectoryRemovesAWholePlanAndNothingElse() throws IOException {
        store.write("plans/P1/manifest.json", bytes("{}"));
        store.write(LESSON, bytes("v1"));
        store.write(LESSON, bytes("v2"));
        store.write("plans/P2/manifest.json", bytes("{}"));

        assertThat(store.deleteDirectory("plans/P1")).isTrue();

        assertThat(root.resolve("plans/P1")).doesNotExist();
        assertThat(store.list()).containsExactly("plans/P2/manifest.json");
        assertThat(store.deleteDirectory("plans/P1")).isFalse();
        assertThat(store.deleteDirectory("plans/P2")).isTrue();
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void listingShowsContentFilesOnlySorted() throws IOException {
        store.write("plans/P1/manifest.json", bytes("{}"));
        store.write(LESSON, bytes("v1"));
        store.write(LESSON, bytes("v2"));
        store.write("plans/P2/search/S.json", bytes("{}"));
        Files.writeString(root.resolve("plans/P1/manifest.json.tmp.0c1f"), "half");

        assertThat(store.list()).containsExactly("plans/P1/lessons/L1.json", "plans/P1/manifest.json",
                                                 "plans/P2/search/S.json");
        assertThat(store.list("plans/P1")).containsExactly("plans/P1/lessons/L1.json", "plans/P1/manifest.json");
        assertThat(store.list("plans/P9")).isEmpty();
    }

    @Test
    void readOfAMissingFileIsEmpty() {
        assertThat(store.read(LESSON)).isEmpty();
        assertThat(store.exists(LESSON)).isFalse();
    }

    @Test
    void aDirectoryIsNotOverwrittenByAFile() throws IOException {
        Files.createDirectories(root.resolve("plans/P1/lessons/L1.json"));

        assertThatThrownBy(() -> store.write(LESSON, bytes("x"))).isInstanceOf(ContentPathRejectedException.class)
                                                                  .hasMessageContaining("is a directory");
        assertThat(Files.isDirectory(root.resolve(LESSON), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    // ---- listing while the tree changes -------------------------------------------------------------------------

    @Test
    void aListingSurvivesFoldersThatDisappearDuringTheWalk() throws Exception {
        store.write("plans/KEEP/manifest.json", bytes("{}"));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService churn = Executors.newSingleThreadExecutor();
        try {
            // another writer keeps creating and removing whole plan folders, as plan deletions do during a full scan
            Future<?> deleting = churn.submit(() -> {
                int round = 0;
                while (!stop.get()) {
                    String folder = "plans/GONE" + (round++ % 4);
                    for (int lesson = 0; lesson < 20; lesson++) {
                        store.write(folder + "/lessons/L" + lesson + ".json", bytes("{}"));
                    }
                    store.deleteDirectory(folder);
                }
                return null;
            });
            for (int listing = 0; listing < 2_000; listing++) {
                assertThat(store.list()).as("listing %d", listing).contains("plans/KEEP/manifest.json");
            }
            stop.set(true);
            deleting.get(30, TimeUnit.SECONDS);
        } finally {
            stop.set(true);
            churn.shutdownNow();
        }
    }
}
