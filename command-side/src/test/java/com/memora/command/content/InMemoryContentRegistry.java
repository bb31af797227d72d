package com.memora.command.content;

import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentRef;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The content registry for aggregate tests: a map instead of a table, with the same answers as the JDBC adapter
 * (which the integration tests exercise against PostgreSQL). Tests describe the tree around the aggregate with
 * {@link #node}; locks have no meaning in a single-threaded fixture.
 */
public class InMemoryContentRegistry implements ContentRegistry {

    private final Map<ContentRef, RegisteredNode> nodes = new LinkedHashMap<>();
    private final Map<String, RegistryState> plans = new HashMap<>();
    private final Map<String, Set<String>> planSubjects = new HashMap<>();

    public InMemoryContentRegistry node(ContentKind kind, String id, String parentId, RegistryState state,
                                        boolean ownItem) {
        nodes.put(new ContentRef(kind, id), new RegisteredNode(kind, id, parentId, state, ownItem));
        return this;
    }

    public InMemoryContentRegistry node(ContentKind kind, String id, String parentId) {
        return node(kind, id, parentId, RegistryState.ACTIVE, false);
    }

    /** MATH → CORE → U1 → T1 (all active), the usual place for a lesson. */
    public InMemoryContentRegistry standardTree() {
        return node(ContentKind.SUBJECT, "MATH", null, RegistryState.ACTIVE, true)
                .node(ContentKind.TRACK, "CORE", "MATH")
                .node(ContentKind.UNIT, "U1", "CORE")
                .node(ContentKind.TOPIC, "T1", "U1");
    }

    public InMemoryContentRegistry plan(String planId, RegistryState state, String... subjectIds) {
        plans.put(planId, state);
        planSubjects.put(planId, new HashSet<>(List.of(subjectIds)));
        return this;
    }

    @Override
    public List<RegisteredNode> lineage(ContentKind kind, String id) {
        List<RegisteredNode> lineage = new ArrayList<>();
        ContentKind level = kind;
        String current = id;
        while (level != null) {
            RegisteredNode node = nodes.get(new ContentRef(level, current));
            if (node == null || node.deleted()) {
                return List.of();
            }
            lineage.add(node);
            current = node.parentId();
            level = level.parent();
        }
        return lineage;
    }

    @Override
    public Optional<RegisteredNode> find(ContentKind kind, String id) {
        return Optional.ofNullable(nodes.get(new ContentRef(kind, id)));
    }

    @Override
    public Map<String, RegisteredNode> findAll(ContentKind kind, Collection<String> ids) {
        Map<String, RegisteredNode> found = new HashMap<>();
        ids.forEach(id -> find(kind, id).ifPresent(node -> found.put(id, node)));
        return found;
    }

    @Override
    public Map<String, RegisteredNode> findAllLocked(ContentKind kind, Collection<String> ids) {
        return findAll(kind, ids);
    }

    @Override
    public int lockAndCountChildren(ContentKind kind, String id) {
        return (int) nodes.values().stream()
                          .filter(node -> node.kind() == kind.child() && id.equals(node.parentId()) && !node.deleted())
                          .count();
    }

    @Override
    public List<ContentRef> descendants(ContentKind kind, String id) {
        List<ContentRef> found = new ArrayList<>();
        for (RegisteredNode node : nodes.values()) {
            if (node.kind() == kind.child() && id.equals(node.parentId()) && !node.deleted()) {
                found.addAll(descendants(node.kind(), node.id()));
                found.add(node.ref());
            }
        }
        found.sort(Comparator.comparingInt((ContentRef ref) -> -ref.kind().depth()));
        return found;
    }

    @Override
    public List<String> plansListing(String subjectId) {
        return planSubjects.entrySet().stream()
                           .filter(entry -> entry.getValue().contains(subjectId))
                           .filter(entry -> plans.get(entry.getKey()) != RegistryState.DELETED)
                           .map(Map.Entry::getKey).sorted().toList();
    }

    @Override
    public Optional<RegistryState> planState(String planId) {
        return Optional.ofNullable(plans.get(planId));
    }
}
