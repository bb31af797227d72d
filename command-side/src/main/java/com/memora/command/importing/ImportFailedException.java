package com.memora.command.importing;

import java.util.List;
import java.util.Map;

/**
 * Some commands of an import were refused (the system changed between validation and dispatch, e.g. a parent was
 * trashed meanwhile). The rest went through; fixing the cause and sending the document again finishes the job.
 */
final class ImportFailedException extends Exception {

    private static final int SHOWN = 20;

    ImportFailedException(List<String> failures, Map<String, Object> summary) {
        super(failures.size() + " command(s) refused; first: " + String.join(" | ",
                failures.subList(0, Math.min(SHOWN, failures.size()))) + ". Done so far: " + summary
              + ". Send the document again once the cause is fixed.");
    }
}
