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
                                  long durationMs) {
}
