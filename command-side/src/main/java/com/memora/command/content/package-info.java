/**
 * Content authoring: subjects, tracks, units, topics and lessons.
 *
 * <h2>Aggregate boundaries</h2>
 * One aggregate per content node ({@link com.memora.command.content.ContentNodeAggregate}, stream
 * {@code <kind>:<id>}), lesson stages inside their lesson. Not one aggregate per subject tree: a subject of the
 * 5,000-lesson import would replay tens of thousands of events for every edit, every edit anywhere in the subject
 * would contend for one stream, and an import could not create lessons in parallel. Stages stay inside the lesson
 * because they are ordered, edited as a list and never referenced on their own.
 * <p>
 * What a node decides alone (its fields, the fields its kind allows, its stages, its trash and publication state)
 * it decides from its own events. What spans nodes is checked against the {@link
 * com.memora.command.content.ContentRegistry}: a table of every node's kind, parent, state and whether it has its
 * own item, written by a subscribing event processor in the same transaction as the event append, and read with
 * row locks so that concurrent commands cannot both pass a check only one may pass. Never against the
 * asynchronous read model, which may lag. The registry is rebuilt from the event store if ever needed (see
 * {@link com.memora.command.content.ContentRegistryProjection}).
 *
 * <h2>Trash, restore and permanent delete</h2>
 * <ul>
 *     <li><b>Trash</b> marks the node only. Its sub-tree keeps its own state but is hidden with it: nothing under a
 *     trashed node reaches a plan (decisions D3), no child can be created or moved under it, and its descendants
 *     can still be edited or moved out. Trashing is one event however large the sub-tree.</li>
 *     <li><b>Restore</b> brings the node back with its whole sub-tree as it was. It needs every ancestor out of the
 *     trash (restore from the top down). Its event carries everything a create does, so consumers treat it as a
 *     create (decisions F8).</li>
 *     <li><b>Permanent delete</b> (ADMIN, {@code confirm=true}; D8) removes the node and its whole sub-tree, deepest
 *     first, one event per node, each with the ancestors the node had. The root's own preconditions (a subject a
 *     plan lists is refused) are checked under lock before anything is deleted, and the root goes to the trash
 *     first, so nothing is created or moved into the sub-tree while the cascade runs. Each node's delete names the
 *     cascade's root and is skipped when the node, read under lock, is no longer under it (moved out meanwhile); a
 *     root restored meanwhile stops the cascade with 409 {@code deletion-interrupted}. A node with children left
 *     refuses to be deleted, so an interrupted cascade leaves no orphan and is finished by sending the delete again.
 *     A deleted id can never be used again: its stream stays in the event store (docs/content.md).</li>
 * </ul>
 */
package com.memora.command.content;
