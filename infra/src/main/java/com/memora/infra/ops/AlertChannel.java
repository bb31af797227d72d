package com.memora.infra.ops;

import com.memora.kernel.ops.Alert;

/**
 * Somewhere an alert is delivered besides the in-app list, e.g. mail: the first alert of an episode, and a reminder
 * once per de-duplication window while it lasts (repeats in between are only counted).
 */
public interface AlertChannel {

    void deliver(Alert alert, AlertEpisode episode);
}
