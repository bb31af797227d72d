package com.memora.infra.persistence.content;

import com.memora.command.content.ContentRegistry;
import com.memora.command.content.ContentRegistryUpdates;
import com.memora.command.content.RegisteredNode;
import com.memora.command.content.RegistryState;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content registry in PostgreSQL. Every call runs in the caller's transaction (the command's unit of work), so
 * the locks taken by {@link #lineage} and {@link #lockAndCountChildren} hold until the command commits.
 */
@Repository
class JdbcContentRegistry implements ContentRegistry, ContentRegistryUpdates {

    private static final String PLAN = "plan";

    /** One query per kind: the node joined to each ancestor, every row locked FOR SHARE. */
    private final Map<ContentKind, String> lineageQueries = new EnumMap<>(ContentKind.class);
    private final JdbcClient jdbc;

    JdbcContentRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
        for (ContentKind kind : ContentKind.values()) {
            lineageQueries.put(kind, lineageQuery(kind));
        }
    }

    /**
     * {@code select n0.*, n1.*, … from content_registry n0 join content_registry n1 on n1.id = n0.parent_id …}:
     * the fixed depth of the tree makes the whole chain one locked read instead of one per level.
     */
    private static String lineageQuery(ContentKind kind) {
        StringBuilder select = new StringBuilder("select ");
        StringBuilder from = new StringBuilder(" from content_registry n0");
        ContentKind level = kind;
        for (int i = 0; level != null; i++, level = level.parent()) {
            select.append(i == 0 ? "" : ", ").append("n").append(i).append(".id as id").append(i)
                  .append(", n").append(i).append(".parent_id as parent").append(i)
                  .append(", n").append(i).append(".state as state").append(i)
                  .append(", n").append(i).append(".own_item as own").append(i);
            if (i > 0) {
                from.append(" join content_registry n").append(i).append(" on n").append(i).append(".kind = '")
                    .append(level.singular()).append("' and n").append(i).append(".id = n").append(i - 1)
                    .append(".parent_id");
            }
        }
        return select + from.toString() + " where n0.kind = :kind and n0.id = :id for share";
    }

    /**
     * When a node of the chain is changed by a concurrent transaction (a move), PostgreSQL waits for it and then
     * re-checks the joins against the changed row: the chain it had started to read no longer holds and the query
     * answers nothing. Reading again then sees the committed chain.
     */
    private static final int LINEAGE_ATTEMPTS = 3;

    @Override
    public List<RegisteredNode> lineage(ContentKind kind, String id) {
        for (int attempt = 0; attempt < LINEAGE_ATTEMPTS; attempt++) {
            Optional<List<RegisteredNode>> chain = jdbc.sql(lineageQueries.get(kind))
                    .param("kind", kind.singular()).param("id", id)
                    .query((rs, row) -> chain(rs, kind)).optional();
            if (chain.isPresent()) {
                return chain.get().get(0).deleted() ? List.of() : chain.get();
            }
            Optional<RegisteredNode> node = find(kind, id);
            if (node.isEmpty() || node.get().deleted()) {
                return List.of();
            }
        }
        throw new IllegalStateException("The content registry has no complete ancestor chain for " + kind.singular()
                                        + " " + id + "; rebuild it (POST /api/admin/lookups/content-registry/rebuild)");
    }

    private static List<RegisteredNode> chain(ResultSet rs, ContentKind kind) throws SQLException {
        List<RegisteredNode> chain = new ArrayList<>();
        ContentKind level = kind;
        for (int i = 0; level != null; i++, level = level.parent()) {
            chain.add(new RegisteredNode(level, rs.getString("id" + i), rs.getString("parent" + i),
                                         RegistryState.valueOf(rs.getString("state" + i)), rs.getBoolean("own" + i)));
        }
        return chain;
    }

    @Override
    public Optional<RegisteredNode> find(ContentKind kind, String id) {
        return jdbc.sql("select * from content_registry where kind = :kind and id = :id")
                   .param("kind", kind.singular()).param("id", id)
                   .query((rs, row) -> new RegisteredNode(kind, id, rs.getString("parent_id"),
                                                          RegistryState.valueOf(rs.getString("state")),
                                                          rs.getBoolean("own_item")))
                   .optional();
    }

    @Override
    public Map<String, RegisteredNode> findAll(ContentKind kind, Collection<String> ids) {
        return findAll(kind, ids, "");
    }

    /** In id order, so transactions locking overlapping sets take the locks in the same order. */
    @Override
    public Map<String, RegisteredNode> findAllLocked(ContentKind kind, Collection<String> ids) {
        return findAll(kind, ids, " order by id for share");
    }

    private Map<String, RegisteredNode> findAll(ContentKind kind, Collection<String> ids, String suffix) {
        Map<String, RegisteredNode> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select * from content_registry where kind = :kind and id = any(:ids)" + suffix)
            .param("kind", kind.singular()).param("ids", ids.stream().distinct().toArray(String[]::new))
            .query(rs -> {
                found.put(rs.getString("id"), new RegisteredNode(kind, rs.getString("id"), rs.getString("parent_id"),
                                                                 RegistryState.valueOf(rs.getString("state")),
                                                                 rs.getBoolean("own_item")));
            });
        return found;
    }

    @Override
    public int lockAndCountChildren(ContentKind kind, String id) {
        jdbc.sql("select id from content_registry where kind = :kind and id = :id for update")
            .param("kind", kind.singular()).param("id", id).query(String.class).optional();
        if (kind.child() == null) {
            return 0;
        }
        return jdbc.sql("""
                        select count(*) from content_registry
                        where kind = :kind and parent_id = :parent and state <> 'DELETED'
                        """)
                   .param("kind", kind.child().singular()).param("parent", id)
                   .query(Integer.class).single();
    }

    @Override
    public List<ContentRef> descendants(ContentKind kind, String id) {
        return jdbc.sql("""
                        with recursive tree (kind, id, depth) as (
                            select kind, id, 0 from content_registry where kind = :kind and id = :id
                            union all
                            select child.kind, child.id, tree.depth + 1
                            from content_registry child
                            join tree on child.parent_id = tree.id
                                     and child.kind = case tree.kind when 'subject' then 'track'
                                                                     when 'track' then 'unit'
                                                                     when 'unit' then 'topic'
                                                                     when 'topic' then 'lesson' end
                            where child.state <> 'DELETED'
                        )
                        select kind, id from tree where depth > 0 order by depth desc, id
                        """)
                   .param("kind", kind.singular()).param("id", id)
                   .query((rs, row) -> new ContentRef(ContentKind.fromSingular(rs.getString("kind")).orElseThrow(),
                                                      rs.getString("id")))
                   .list();
    }

    @Override
    public List<String> plansListing(String subjectId) {
        return jdbc.sql("""
                        select listing.plan_id from plan_subject_registry listing
                        join content_registry plan on plan.kind = 'plan' and plan.id = listing.plan_id
                        where listing.subject_id = :subject and plan.state <> 'DELETED'
                        order by listing.plan_id
                        """)
                   .param("subject", subjectId).query(String.class).list();
    }

    @Override
    public Optional<RegistryState> planState(String planId) {
        return jdbc.sql("select state from content_registry where kind = 'plan' and id = :id")
                   .param("id", planId).query(String.class).optional().map(RegistryState::valueOf);
    }

    @Override
    public void registerNode(ContentKind kind, String id, String parentId, RegistryState state, boolean ownItem) {
        upsert(kind.singular(), id, parentId, state, ownItem);
    }

    @Override
    public void moveNode(ContentKind kind, String id, String parentId) {
        jdbc.sql("update content_registry set parent_id = :parent where kind = :kind and id = :id")
            .param("parent", parentId).param("kind", kind.singular()).param("id", id).update();
    }

    @Override
    public void changeNodeState(ContentKind kind, String id, RegistryState state) {
        jdbc.sql("update content_registry set state = :state where kind = :kind and id = :id")
            .param("state", state.name()).param("kind", kind.singular()).param("id", id).update();
    }

    @Override
    public void changeOwnItem(ContentKind kind, String id, boolean ownItem) {
        jdbc.sql("update content_registry set own_item = :own where kind = :kind and id = :id")
            .param("own", ownItem).param("kind", kind.singular()).param("id", id).update();
    }

    @Override
    public void registerPlan(String planId, RegistryState state) {
        upsert(PLAN, planId, null, state, false);
    }

    @Override
    public void changePlanState(String planId, RegistryState state) {
        jdbc.sql("update content_registry set state = :state where kind = 'plan' and id = :id")
            .param("state", state.name()).param("id", planId).update();
    }

    @Override
    public void replacePlanSubjects(String planId, Collection<String> subjectIds) {
        jdbc.sql("delete from plan_subject_registry where plan_id = :plan").param("plan", planId).update();
        for (String subjectId : subjectIds) {
            jdbc.sql("insert into plan_subject_registry (plan_id, subject_id) values (:plan, :subject)")
                .param("plan", planId).param("subject", subjectId).update();
        }
    }

    @Override
    public void clear() {
        jdbc.sql("delete from plan_subject_registry").update();
        jdbc.sql("delete from content_registry").update();
    }

    private void upsert(String kind, String id, String parentId, RegistryState state, boolean ownItem) {
        jdbc.sql("""
                 insert into content_registry (kind, id, parent_id, state, own_item)
                 values (:kind, :id, :parent, :state, :own)
                 on conflict (kind, id) do update set parent_id = excluded.parent_id, state = excluded.state,
                                                      own_item = excluded.own_item
                 """)
            .param("kind", kind).param("id", id).param("parent", parentId).param("state", state.name())
            .param("own", ownItem)
            .update();
    }
}
