package com.memora.projection.export.cdn;

/**
 * Where the outcome of each operation against the CDN goes: {@link CdnHealth} counts runs of failures
 * (decisions O4). An interface so the S3 adapter can be run on its own (tools, the benchmark) with {@link #IGNORED}.
 */
public interface CdnOutcomes {

    CdnOutcomes IGNORED = new CdnOutcomes() {
        @Override
        public void recordSuccess() {
        }

        @Override
        public void recordFailure(String failure) {
        }
    };

    void recordSuccess();

    void recordFailure(String failure);
}
