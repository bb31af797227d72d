package com.memora.projection.export.files;

import com.memora.kernel.access.PlanAccess;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The complete output of one plan build, in publication order (decisions F3: lessons, units, subjects, search
 * shards, the search index, the manifest last), with the warnings the build report should carry.
 */
public final class PlanFiles {

    private final String planId;
    private final long buildNumber;
    private final Instant generatedAt;
    private final List<GeneratedFile> files;
    private final Map<String, GeneratedFile> byPath = new LinkedHashMap<>();
    private final List<BuildWarning> warnings;
    private final PlanAccess access;

    PlanFiles(String planId, long buildNumber, Instant generatedAt, List<GeneratedFile> files,
              List<BuildWarning> warnings, PlanAccess access) {
        this.planId = planId;
        this.buildNumber = buildNumber;
        this.generatedAt = generatedAt;
        this.files = List.copyOf(files);
        this.warnings = List.copyOf(warnings);
        this.access = access;
        files.forEach(file -> {
            if (byPath.put(file.path(), file) != null) {
                throw new IllegalStateException("Two files of plan " + planId + " at " + file.path());
            }
        });
    }

    public String planId() {
        return planId;
    }

    public long buildNumber() {
        return buildNumber;
    }

    public Instant generatedAt() {
        return generatedAt;
    }

    /** In publication order. */
    public List<GeneratedFile> files() {
        return files;
    }

    public Optional<GeneratedFile> file(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** Every path of this build; a file of the plan that is not among them has left the plan's output. */
    public Set<String> paths() {
        return byPath.keySet();
    }

    public List<GeneratedFile> files(FileKind kind) {
        return files.stream().filter(file -> file.kind() == kind).toList();
    }

    public List<BuildWarning> warnings() {
        return warnings;
    }

    /** What the access rules decided, for reports ("why is this lesson missing?"). */
    public PlanAccess access() {
        return access;
    }
}
