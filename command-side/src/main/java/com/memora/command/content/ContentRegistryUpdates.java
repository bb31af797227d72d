package com.memora.command.content;

import com.memora.kernel.content.ContentKind;

import java.util.Collection;

/** The writes that keep {@link ContentRegistry} in step with the events; only its projection calls them. */
public interface ContentRegistryUpdates {

    void registerNode(ContentKind kind, String id, String parentId, RegistryState state, boolean ownItem);

    void moveNode(ContentKind kind, String id, String parentId);

    void changeNodeState(ContentKind kind, String id, RegistryState state);

    void changeOwnItem(ContentKind kind, String id, boolean ownItem);

    void registerPlan(String planId, RegistryState state);

    void changePlanState(String planId, RegistryState state);

    void replacePlanSubjects(String planId, Collection<String> subjectIds);

    /** Empties the registry before a rebuild from the event store. */
    void clear();
}
