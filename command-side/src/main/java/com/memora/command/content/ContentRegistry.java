package com.memora.command.content;

import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentRef;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command side's synchronous lookup of content nodes and plans, for the rules that span aggregates (the
 * parent exists and is not trashed, no orphans, override targets exist, Set Sold Separately needs a track with
 * its own item). It is updated by {@link ContentRegistryProjection} in the same transaction that appends the events,
 * so it is never behind the event store, unlike the read model.
 * <p>
 * Reads that a decision depends on lock what they read against concurrent change until the deciding command
 * commits, so two commands can never both pass a check that only one of them may pass (a child created under a
 * node that is being deleted, a lesson edited while its topic moves away).
 */
public interface ContentRegistry {

    /**
     * The node and its ancestors up to its subject, the node first, each locked against concurrent change until
     * the current transaction ends. Empty when the node is unknown or deleted.
     */
    List<RegisteredNode> lineage(ContentKind kind, String id);

    /** The node in whatever state, without locking. */
    Optional<RegisteredNode> find(ContentKind kind, String id);

    /** The nodes of one kind with these ids that are registered (in any state), by id; one query for many. */
    Map<String, RegisteredNode> findAll(ContentKind kind, Collection<String> ids);

    /**
     * Like {@link #findAll}, each row locked against change ({@code FOR SHARE}) until the current transaction ends:
     * for a decision that relies on the nodes staying as read (a plan lists these subjects, an override targets this
     * node), so a concurrent trash or permanent delete waits for it, or it waits for them and sees their outcome.
     */
    Map<String, RegisteredNode> findAllLocked(ContentKind kind, Collection<String> ids);

    /** Locks the node against concurrent change (and new children) and counts its children that are not deleted. */
    int lockAndCountChildren(ContentKind kind, String id);

    /** Every descendant that is not deleted, deepest first (the order a cascading delete needs). */
    List<ContentRef> descendants(ContentKind kind, String id);

    /** Plans (outside or inside the trash, not deleted) that list the subject. */
    List<String> plansListing(String subjectId);

    Optional<RegistryState> planState(String planId);
}
