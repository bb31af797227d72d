package com.memora.kernel.content;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every content event says about where the node sits (decisions D6): its current ancestors, subject first,
 * and for a move or a delete also the ancestors it had before. A consumer that must find the plans a change
 * affects (the plan export) needs nothing but these chains: plans list subjects, and every chain starts at one.
 */
public interface ContentNodeEvent {

    ContentKind kind();

    String id();

    /** The node's ancestors after the change, subject first, parent last; empty for a subject. */
    List<ContentRef> ancestors();

    /** The ancestors before the change; the same as {@link #ancestors()} unless the node moved or was deleted. */
    default List<ContentRef> previousAncestors() {
        return ancestors();
    }

    /** The subjects whose sub-trees the change touches: the roots of both chains, or the subject itself. */
    default Set<String> affectedSubjectIds() {
        Set<String> subjects = new LinkedHashSet<>();
        if (kind() == ContentKind.SUBJECT) {
            subjects.add(id());
        }
        if (!previousAncestors().isEmpty()) {
            subjects.add(previousAncestors().get(0).id());
        }
        if (!ancestors().isEmpty()) {
            subjects.add(ancestors().get(0).id());
        }
        return subjects;
    }
}
