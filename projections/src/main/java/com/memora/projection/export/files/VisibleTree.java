package com.memora.projection.export.files;

import com.memora.kernel.access.NodeKind;
import com.memora.kernel.access.NodeRef;
import com.memora.kernel.access.PlanAccess;
import com.memora.kernel.access.ResolvedNode;
import com.memora.projection.export.content.LessonContent;
import com.memora.projection.export.content.NodeDetails;
import com.memora.projection.export.content.PlanContent;
import com.memora.projection.export.content.PlanSubject;
import com.memora.projection.export.content.SubjectContent;
import com.memora.projection.export.content.TopicContent;
import com.memora.projection.export.content.TrackContent;
import com.memora.projection.export.content.UnitContent;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The part of a plan's tree that is exported, in display order: subjects by the plan's sort order, every other
 * level by {@code sort_order} with ties broken by id (decisions D7). Each node pairs its content with what the
 * access rules resolved (title after Rename, access block).
 */
final class VisibleTree {

    record Subject(SubjectContent content, ResolvedNode node, int planSortOrder, List<Track> tracks) {

        /** Every lesson of the subject with its parents, track by track in reading order. */
        List<LessonPlace> lessonPlaces() {
            return tracks.stream().flatMap(track -> track.lessonPlaces().stream()).toList();
        }

        int lessonCount() {
            return tracks.stream().mapToInt(track -> track.lessonPlaces().size()).sum();
        }

        int unitCount() {
            return tracks.stream().mapToInt(track -> track.units().size()).sum();
        }

        int topicCount() {
            return tracks.stream().flatMap(track -> track.units().stream()).mapToInt(unit -> unit.topics().size())
                         .sum();
        }
    }

    record Track(TrackContent content, ResolvedNode node, List<Unit> units) {

        /** The track's lessons with their parents in reading order: unit by unit, topic by topic (D7). */
        List<LessonPlace> lessonPlaces() {
            return units.stream()
                        .flatMap(unit -> unit.topics().stream()
                                             .flatMap(topic -> topic.lessons().stream().map(
                                                     lesson -> new LessonPlace(this, unit, topic, lesson))))
                        .toList();
        }
    }

    record Unit(UnitContent content, ResolvedNode node, List<Topic> topics) {

        int lessonCount() {
            return topics.stream().mapToInt(topic -> topic.lessons().size()).sum();
        }
    }

    record Topic(TopicContent content, ResolvedNode node, List<Lesson> lessons) {
    }

    record Lesson(LessonContent content, ResolvedNode node) {
    }

    /** A lesson with the track, unit and topic it sits in. */
    record LessonPlace(Track track, Unit unit, Topic topic, Lesson lesson) {
    }

    private static final Comparator<NodeDetails> DISPLAY_ORDER =
            Comparator.comparingInt(NodeDetails::sortOrder).thenComparing(NodeDetails::id);

    private VisibleTree() {
    }

    static List<Subject> of(PlanContent plan, PlanAccess access) {
        return plan.subjects().stream()
                   .sorted(Comparator.comparingInt(PlanSubject::sortOrder)
                                     .thenComparing(planSubject -> planSubject.subject().id()))
                   .flatMap(planSubject -> visible(access, NodeKind.SUBJECT, planSubject.subject().details())
                           .map(node -> new Subject(planSubject.subject(), node, planSubject.sortOrder(),
                                                    children(access, NodeKind.TRACK, planSubject.subject().tracks(),
                                                             TrackContent::details, VisibleTree::track)))
                           .stream())
                   .toList();
    }

    private static Track track(TrackContent content, ResolvedNode node, PlanAccess access) {
        return new Track(content, node, children(access, NodeKind.UNIT, content.units(), UnitContent::details,
                                                 VisibleTree::unit));
    }

    private static Unit unit(UnitContent content, ResolvedNode node, PlanAccess access) {
        return new Unit(content, node, children(access, NodeKind.TOPIC, content.topics(), TopicContent::details,
                                                VisibleTree::topic));
    }

    private static Topic topic(TopicContent content, ResolvedNode node, PlanAccess access) {
        return new Topic(content, node, children(access, NodeKind.LESSON, content.lessons(), LessonContent::details,
                                                 (lesson, resolved, ignored) -> new Lesson(lesson, resolved)));
    }

    @FunctionalInterface
    private interface Maker<C, V> {
        V make(C content, ResolvedNode node, PlanAccess access);
    }

    private static <C, V> List<V> children(PlanAccess access, NodeKind kind, List<C> contents,
                                           Function<C, NodeDetails> details, Maker<C, V> maker) {
        return contents.stream()
                       .sorted(Comparator.comparing(details, DISPLAY_ORDER))
                       .flatMap(content -> visible(access, kind, details.apply(content))
                               .map(node -> maker.make(content, node, access)).stream())
                       .toList();
    }

    private static Optional<ResolvedNode> visible(PlanAccess access, NodeKind kind, NodeDetails details) {
        return access.find(NodeRef.of(kind, details.id()));
    }
}
