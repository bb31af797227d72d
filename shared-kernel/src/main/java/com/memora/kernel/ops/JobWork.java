package com.memora.kernel.ops;

import java.util.Map;

/** The body of a background job; what it returns becomes the job's {@code result}. */
@FunctionalInterface
public interface JobWork {

    Map<String, Object> run(JobProgress progress) throws Exception;
}
