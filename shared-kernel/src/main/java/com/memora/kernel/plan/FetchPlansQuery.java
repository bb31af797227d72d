package com.memora.kernel.plan;

/** Plans by title, outside the trash or in it. */
public record FetchPlansQuery(boolean trashed, int limit, int offset) {
}
