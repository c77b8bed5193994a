package org.paperclub.lti;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.grading.GradeNews;
import org.paperclub.grading.GradesPublished;
import org.paperclub.lti.ServiceRepositories.GradeSettings;
import org.paperclub.lti.ServiceRepositories.GradeSettingsRepository;
import org.paperclub.lti.ServiceRepositories.LineItemRepository;
import org.paperclub.lti.ServiceRepositories.ScoreRepository;
import org.paperclub.lti.ServiceRepositories.ScoreRow;
import org.paperclub.people.Identities;
import org.paperclub.people.PeopleService;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The grade passback (AGS 2.0): when grades are published, each student's participation grade (and, when the course
 * asks, each component) is queued for every linked context that grants the score service, in the publishing
 * transaction. {@link ScoreSender} posts the queue. A score equal to the one queued or posted last is not queued again;
 * a newer one supersedes a queued older one. A student with no identity on the platform (never launched from it, not
 * on its synced roster) cannot be named to it and is skipped.
 */
@Singleton
class GradePassback {

    static final String PARTICIPATION = "paperclub-participation";

    /** A grade column: the participation grade or one component. */
    record Item(String resourceId, String tag, String label) {
    }

    @Serdeable
    record Queued(int queued, int unchanged, int skipped) {
    }

    private final LtiContextRepository contexts;
    private final Registrations registrations;
    private final GradeNews grades;
    private final Identities identities;
    private final ScoreRepository scores;
    private final GradeSettingsRepository settings;
    private final LineItemRepository lineItems;
    private final PeopleService people;
    private final Clock clock;

    GradePassback(LtiContextRepository contexts, Registrations registrations, GradeNews grades, Identities identities,
                  ScoreRepository scores, GradeSettingsRepository settings, LineItemRepository lineItems, PeopleService people,
                  Clock clock) {
        this.contexts = contexts;
        this.registrations = registrations;
        this.grades = grades;
        this.identities = identities;
        this.scores = scores;
        this.settings = settings;
        this.lineItems = lineItems;
        this.people = people;
        this.clock = clock;
    }

    /** Heard inside the publishing transaction: the scores are queued if and only if the publish commits. */
    @EventListener
    void onPublished(GradesPublished e) {
        if (!gradeContexts(e.courseId()).isEmpty()) {
            enqueue(e.courseId(), Set.copyOf(e.studentIds()), false);
        }
    }

    /** The contexts linked to the course whose platform lets Paperclub make line items and post scores. */
    List<LtiContext> gradeContexts(long courseId) {
        return contexts.findByCourseId(courseId).stream().filter(c -> c.lineitemsUrl() != null && !c.lineitemsUrl().isBlank()
                && c.grants(Ags.SCOPE_SCORE) && c.grants(Ags.SCOPE_LINEITEM)).toList();
    }

    boolean perComponent(long courseId) {
        return settings.findById(courseId).map(GradeSettings::perComponent).orElse(false);
    }

    @Transactional
    void perComponent(long courseId, boolean on) {
        if (settings.existsById(courseId)) {
            settings.update(new GradeSettings(courseId, on));
        } else {
            settings.save(new GradeSettings(courseId, on));
        }
    }

    /**
     * Queues the current published grade of {@code only} (null: every student) for every grade context. {@code again}:
     * a score that failed is queued again even when unchanged (staff asked to send everything again).
     */
    @Transactional
    Queued enqueue(long courseId, @Nullable Collection<Long> only, boolean again) {
        List<LtiContext> linked = gradeContexts(courseId);
        if (linked.isEmpty()) {
            return new Queued(0, 0, 0);
        }
        GradeNews.Standings standings = grades.standings(courseId);
        List<Item> items = items(standings, perComponent(courseId));
        List<GradeNews.Standing> students = standings.students().stream()
                .filter(s -> !s.withdrawn() && s.participation() != null && (only == null || only.contains(s.studentId()))).toList();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int queued = 0;
        int unchanged = 0;
        int skipped = 0;
        for (LtiContext c : linked) {
            Registration r = registrations.find(c.registrationId()).orElseThrow();
            Map<Long, String> subjects = identities.subjectsAt(r.issuer(), students.stream().map(GradeNews.Standing::studentId).toList());
            for (GradeNews.Standing s : students) {
                String subject = subjects.get(s.studentId());
                if (subject == null) {
                    skipped++;
                    continue;
                }
                for (Item item : items) {
                    Double value = value(item, s);
                    if (value == null) {
                        continue;
                    }
                    ScoreRow row = new ScoreRow(null, courseId, c.id(), item.resourceId(), item.label(), item.tag(), s.studentId(),
                            subject, Math.round(value * 100) / 100.0, 100, s.complete() ? "Completed" : "InProgress",
                            s.pending() ? "Pending" : "FullyGraded", now, "QUEUED", 0, now, now, null, null, null);
                    Optional<ScoreRow> latest = scores.latest(c.id(), item.resourceId(), s.studentId());
                    if (latest.isPresent() && latest.get().sameAs(row) && (!"FAILED".equals(latest.get().status()) || !again)
                            && !"SUPERSEDED".equals(latest.get().status())) {
                        unchanged++;
                        continue;
                    }
                    // AGS platforms keep a score only if its timestamp is newer than the last they took for the user.
                    Instant at = latest.map(l -> l.scoreTimestamp().plusMillis(1)).filter(t -> t.isAfter(now)).orElse(now);
                    scores.supersede(c.id(), item.resourceId(), s.studentId(), clock.instant());
                    scores.save(new ScoreRow(null, courseId, c.id(), item.resourceId(), item.label(), item.tag(), s.studentId(),
                            subject, row.scoreGiven(), 100, row.activityProgress(), row.gradingProgress(), at, "QUEUED", 0, now,
                            now, null, null, null));
                    queued++;
                }
            }
        }
        return new Queued(queued, unchanged, skipped);
    }

    private static List<Item> items(GradeNews.Standings s, boolean perComponent) {
        List<Item> items = new ArrayList<>(List.of(new Item(PARTICIPATION, "participation", "Participation")));
        if (perComponent) {
            if (s.presentationWeight() > 0) {
                items.add(new Item("paperclub-presentation", "presentation", s.presentationName()));
            }
            if (s.rolesWeight() > 0) {
                items.add(new Item("paperclub-roles", "roles", s.rolesName()));
            }
            if (s.critiquesWeight() > 0) {
                items.add(new Item("paperclub-critiques", "critiques", s.critiquesName()));
            }
        }
        return items;
    }

    private static Double value(Item item, GradeNews.Standing s) {
        return switch (item.tag()) {
            case "presentation" -> s.presentation();
            case "roles" -> s.roles();
            case "critiques" -> s.critiques();
            default -> s.participation();
        };
    }

    // What staff see

    @Serdeable
    record ContextView(long id, String platform, @Nullable String title, @Nullable String label, boolean roster, boolean grades) {
    }

    @Serdeable
    record LineItemView(String label, String resourceId, String url, @Nullable String context) {
    }

    @Serdeable
    record FailureView(long studentId, String student, String item, @Nullable String error, Instant queuedAt) {
    }

    @Serdeable
    record GradesView(List<ContextView> contexts, boolean canPost, boolean perComponent, List<LineItemView> lineItems,
                      long queued, long sent, long failed, @Nullable Instant lastSentAt, @Nullable String lastError,
                      List<FailureView> failures) {
    }

    @Transactional
    GradesView view(long courseId) {
        List<LtiContext> linked = contexts.findByCourseId(courseId);
        List<ContextView> cs = linked.stream().map(c -> new ContextView(c.id(),
                registrations.find(c.registrationId()).map(Registration::name).orElse("LMS"), c.title(), c.label(),
                c.membershipsUrl() != null && !c.membershipsUrl().isBlank(),
                c.lineitemsUrl() != null && c.grants(Ags.SCOPE_SCORE) && c.grants(Ags.SCOPE_LINEITEM))).toList();
        Map<Long, String> titles = new java.util.HashMap<>();
        linked.forEach(c -> titles.put(c.id(), c.title()));
        List<LineItemView> items = linked.isEmpty() ? List.of() : lineItems.findByContextIdInOrderById(titles.keySet()).stream()
                .map(l -> new LineItemView(l.label(), l.resourceId(), l.url(), titles.get(l.contextId()))).toList();
        Map<Long, String> names = people.namesOf(courseId);
        List<FailureView> failures = scores.findByCourseIdAndStatusOrderByIdDesc(courseId, "FAILED").stream().limit(50)
                .map(r -> new FailureView(r.studentId(), names.getOrDefault(r.studentId(), "A former student"), r.label(),
                        r.lastError(), r.createdAt())).toList();
        String lastError = scores.findByCourseIdAndStatusOrderByIdDesc(courseId, "QUEUED").stream()
                .map(ScoreRow::lastError).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return new GradesView(cs, cs.stream().anyMatch(ContextView::grades), perComponent(courseId), items,
                scores.countByCourseIdAndStatus(courseId, "QUEUED"), scores.countByCourseIdAndStatus(courseId, "SENT"),
                scores.countByCourseIdAndStatus(courseId, "FAILED"), scores.lastSent(courseId).map(ScoreRow::sentAt).orElse(null),
                lastError, failures);
    }
}
