package com.memora.kernel.ops;

/**
 * The alert port: raising never throws, whatever is down, because the caller is usually handling a failure.
 * <p>
 * An alert opens an episode under its de-duplication key: repeats are counted on it, not sent again, except for a
 * reminder once per de-duplication window (measured from the episode's first raise) while the condition lasts.
 * {@link #resolve(String)} ends the episode when the condition is over, so a relapse is news again.
 */
public interface Alerts {

    void raise(Alert alert);

    /**
     * The condition behind the alerts with this de-duplication key is over (disk space is back, the plan was
     * published): the next alert with the key opens a new episode and is sent at once. Never throws; a key with
     * no open episode is ignored.
     *
     * @return whether an open episode ended now (false when there was none, or the store could not answer)
     */
    boolean resolve(String dedupKey);
}
