package com.memora.command.web;

/**
 * The answer to a trash, restore or delete.
 *
 * @param state              {@code active}, {@code trashed} or {@code deleted}
 * @param deletedDescendants nodes deleted with it (permanent deletes only)
 */
public record LifecycleResponse(String id, String state, Integer deletedDescendants) {

    public static LifecycleResponse trashed(String id) {
        return new LifecycleResponse(id, "trashed", null);
    }

    public static LifecycleResponse active(String id) {
        return new LifecycleResponse(id, "active", null);
    }

    public static LifecycleResponse deleted(String id, Integer descendants) {
        return new LifecycleResponse(id, "deleted", descendants);
    }
}
