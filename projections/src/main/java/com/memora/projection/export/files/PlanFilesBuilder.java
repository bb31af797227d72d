package com.memora.projection.export.files;

import com.memora.kernel.access.AccessNode;
import com.memora.kernel.access.AccessWarning;
import com.memora.kernel.access.NodeKind;
import com.memora.kernel.access.NodeRef;
import com.memora.kernel.access.PlanAccess;
import com.memora.kernel.access.PlanAccessRules;
import com.memora.projection.export.content.LessonContent;
import com.memora.projection.export.content.NodeDetails;
import com.memora.projection.export.content.PlanContent;
import com.memora.projection.export.content.SubjectContent;
import com.memora.projection.export.content.TopicContent;
import com.memora.projection.export.content.TrackContent;
import com.memora.projection.export.content.UnitContent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns one plan's content into all of its files (decisions F1–F6): pure, no I/O, the same input always gives
 * the same bytes. Hidden, unpublished and trashed nodes are absent from every file, search index included; titles
 * are the renamed ones; every node carries its access block (D1–D5).
 * <p>
 * The files come in publication order (F3): lessons, units, subjects, search shards, search index, manifest.
 * Files over the size limits of F4 are built anyway and reported as {@link BuildWarning}s, as are overrides the
 * access rules had to ignore.
 */
public final class PlanFilesBuilder {

    /** From this many visible lessons on, the search index is sharded by subject (F4). */
    public static final int SHARDING_THRESHOLD = SearchFiles.SHARDING_THRESHOLD;
    /** A search shard above this many bytes is reported (F4: 100 KB, taken as KiB). */
    public static final int SHARD_WARNING_BYTES = 100 * 1024;
    /** Any file above this many bytes is reported (F4: 10 MB, taken as MiB). */
    public static final int FILE_WARNING_BYTES = 10 * 1024 * 1024;

    private final VideoUrlSigner signer;

    /** A builder that keeps video URLs as stored. */
    public PlanFilesBuilder() {
        this(VideoUrlSigner.UNSIGNED);
    }

    public PlanFilesBuilder(VideoUrlSigner signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /**
     * @param buildNumber the {@code version} every file of this build carries (F5: the pipeline picks it)
     * @param generatedAt the build's time, from the injected clock
     * @throws IllegalArgumentException when the content is not a tree (a node listed twice) or an id cannot
     *                                  become a path (I1)
     */
    public PlanFiles build(PlanContent content, long buildNumber, Instant generatedAt) {
        String planId = content.plan().id();
        PlanAccess access = PlanAccessRules.resolve(accessTree(content), content.overrides());
        List<VisibleTree.Subject> subjects = VisibleTree.of(content, access);
        Stamp stamp = Stamp.of(buildNumber, generatedAt);

        List<GeneratedFile> files = new ArrayList<>();
        subjects.forEach(subject -> files.addAll(LessonFiles.of(planId, subject, stamp, signer)));
        subjects.forEach(subject -> files.addAll(UnitFiles.of(planId, subject, stamp)));
        subjects.forEach(subject -> files.add(SubjectFiles.of(planId, subject, stamp)));
        files.addAll(SearchFiles.of(planId, subjects, stamp));
        files.add(ManifestFile.of(content.plan(), subjects, stamp));

        return new PlanFiles(planId, buildNumber, generatedAt, files, warnings(access, files), access);
    }

    private static List<BuildWarning> warnings(PlanAccess access, List<GeneratedFile> files) {
        List<BuildWarning> warnings = new ArrayList<>();
        for (AccessWarning warning : access.warnings()) {
            warnings.add(new BuildWarning(BuildWarning.Kind.ACCESS_RULE_IGNORED, null, warning.toString()));
        }
        for (GeneratedFile file : files) {
            if (file.kind() == FileKind.SEARCH_SHARD && file.size() > SHARD_WARNING_BYTES) {
                warnings.add(new BuildWarning(BuildWarning.Kind.SHARD_TOO_LARGE, file.path(), String.format(
                        "search shard is %,d bytes, over the %,d-byte goal; clients download it whole",
                        file.size(), SHARD_WARNING_BYTES)));
            }
            if (file.size() > FILE_WARNING_BYTES) {
                warnings.add(new BuildWarning(BuildWarning.Kind.FILE_TOO_LARGE, file.path(), String.format(
                        "file is %,d bytes, over the %,d-byte limit", file.size(), FILE_WARNING_BYTES)));
            }
        }
        return warnings;
    }

    // ---- the access rules' view of the content -----------------------------------------------------------------

    private static List<AccessNode> accessTree(PlanContent content) {
        return content.subjects().stream().map(planSubject -> subject(planSubject.subject())).toList();
    }

    private static AccessNode subject(SubjectContent subject) {
        return node(NodeKind.SUBJECT, subject.details(), subject.requiredItem(), subject.isPublic(), false, false,
                    subject.tracks().stream().map(PlanFilesBuilder::track).toList());
    }

    private static AccessNode track(TrackContent track) {
        return node(NodeKind.TRACK, track.details(), track.requiredItem(), false, track.soldSeparately(),
                    track.parentItemRequired(), track.units().stream().map(PlanFilesBuilder::unit).toList());
    }

    private static AccessNode unit(UnitContent unit) {
        return node(NodeKind.UNIT, unit.details(), null, false, false, false,
                    unit.topics().stream().map(PlanFilesBuilder::topic).toList());
    }

    private static AccessNode topic(TopicContent topic) {
        return node(NodeKind.TOPIC, topic.details(), null, false, false, false,
                    topic.lessons().stream().map(PlanFilesBuilder::lesson).toList());
    }

    private static AccessNode lesson(LessonContent lesson) {
        return node(NodeKind.LESSON, lesson.details(), null, false, false, false, List.of());
    }

    private static AccessNode node(NodeKind kind, NodeDetails details, String requiredItem, boolean isPublic,
                                   boolean soldSeparately, boolean parentItemRequired, List<AccessNode> children) {
        return new AccessNode(NodeRef.of(kind, details.id()), details.title(), details.published(),
                              details.trashed(), details.freePreview(), requiredItem, isPublic, soldSeparately,
                              parentItemRequired, children);
    }
}
