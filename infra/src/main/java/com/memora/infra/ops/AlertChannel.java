package com.memora.infra.ops;

import com.memora.kernel.ops.Alert;

/** Somewhere a new (not de-duplicated) alert is delivered besides the in-app list, e.g. mail. */
public interface AlertChannel {

    void deliver(Alert alert);
}
