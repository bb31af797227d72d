package com.memora.kernel.ops;

/** The alert port: raising never throws, whatever is down, because the caller is usually handling a failure. */
public interface Alerts {

    void raise(Alert alert);
}
