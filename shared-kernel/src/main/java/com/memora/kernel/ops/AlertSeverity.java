package com.memora.kernel.ops;

public enum AlertSeverity {
    INFO, WARNING, CRITICAL
}
