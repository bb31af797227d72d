package com.memora.projection.export.cdn;

/** Whether trying the same CDN operation again later can succeed (decisions O2). */
public enum CdnFailureKind {
    /** The network, a timeout, a 5xx or a throttled request: the pipeline retries on its schedule. */
    TRANSIENT,
    /** Access denied, no such bucket, a refused address, a file the store keeps storing wrong: FAILED, with reason. */
    PERMANENT
}
