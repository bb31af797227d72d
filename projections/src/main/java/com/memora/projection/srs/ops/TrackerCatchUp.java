package com.memora.projection.srs.ops;

/**
 * Port: whether the tracker projection has applied every stored review of a season. An archive moves the rows only
 * then, so every review accepted before the archive is in it.
 */
public interface TrackerCatchUp {

    Check check(String seasonId);

    /** @param reason why not, in words an operator can act on; {@code null} when caught up */
    record Check(boolean caughtUp, String reason) {

        public static Check done() {
            return new Check(true, null);
        }

        public static Check behind(String reason) {
            return new Check(false, reason);
        }
    }
}
