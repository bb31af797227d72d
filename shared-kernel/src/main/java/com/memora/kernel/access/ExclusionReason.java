package com.memora.kernel.access;

/** Why a node (and with it its whole sub-tree) is absent from every file of a plan (decisions D3, D4). */
public enum ExclusionReason {
    /** In the trash; trashing removes the sub-tree until it is restored. */
    TRASHED,
    /** Not published (yet); drafts never leave the editor (seed FR-010). */
    UNPUBLISHED,
    /** A Hide override of this plan. */
    HIDDEN
}
