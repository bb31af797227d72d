package com.memora.projection.export.health;

import java.time.Instant;
import java.util.List;

/**
 * One health report in the shape of the reference contract {@code health-check.schema.json} (field names become
 * snake_case in JSON; absent fields are left out). The contract's fields come first; the rest are additions the
 * contract allows (it does not forbid extra properties) and an operator needs: exact counts where a list is capped,
 * which plans were queued, and whether the CDN could be compared.
 *
 * @param sampleFilesChecked quick check only
 * @param totalFilesExpected full scan only: every file the generator writes for the published plans
 * @param totalFilesFound    full scan only: expected files present (expected − missing)
 * @param missingFiles       expected but absent, sorted, at most the list limit (see {@code missingFilesCount})
 * @param orphanFiles        full scan only: files under the content root nobody expects ({@code .prev} and
 *                           temporary files are not counted), sorted, capped
 * @param hashMismatches     full scan with the CDN enabled only: present in both places with different bytes
 * @param actionTaken        what the check did about it, absent when nothing
 * @param kind               {@code quick} or {@code full}
 * @param plansQueued        plans queued for a rebuild because files of theirs were missing
 * @param plansChecked       published plans whose files were expected
 * @param cdnChecked         full scan only: whether the bucket was compared (false when the CDN is off or failed)
 * @param cdnError           why the bucket could not be compared
 * @param cdnMissingCount    full scan with the CDN: expected local files the bucket does not hold
 * @param pendingFiles       files that differ from the content only because their plan has an edit, a removal or a
 *                           build on its way (missing files it will write, orphans it will remove): neither missing
 *                           nor orphans, no alert, no new mark; sorted, capped (absent in reports before it existed)
 * @param pendingFilesCount  the exact number of pending files
 * @param plansPending       the plans those pending files belong to
 * @param plansNotQueued     plans with missing files whose latest build failed permanently (decisions O2): reported,
 *                           not queued again — they wait for their next edit
 */
public record ContentHealthReport(Instant timestamp,
                                  double diskFreePercent,
                                  boolean diskOk,
                                  Integer sampleFilesChecked,
                                  Integer totalFilesExpected,
                                  Integer totalFilesFound,
                                  List<String> missingFiles,
                                  List<String> orphanFiles,
                                  List<HashMismatch> hashMismatches,
                                  HealthStatus status,
                                  String actionTaken,
                                  ContentCheckKind kind,
                                  int missingFilesCount,
                                  Integer orphanFilesCount,
                                  Integer hashMismatchesCount,
                                  List<String> plansQueued,
                                  int plansChecked,
                                  Boolean cdnChecked,
                                  String cdnError,
                                  Integer cdnMissingCount,
                                  long durationMs,
                                  List<String> pendingFiles,
                                  Integer pendingFilesCount,
                                  List<String> plansPending,
                                  List<String> plansNotQueued) {
}
