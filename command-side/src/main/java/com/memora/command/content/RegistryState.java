package com.memora.command.content;

/** Where a registered node or plan stands; a deleted one keeps its row so its id is never reused. */
public enum RegistryState {
    ACTIVE, TRASHED, DELETED
}
