package org.paperclub.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.paperclub.mail.Outbox;
import org.paperclub.notify.CourseLabels.CourseLabel;
import org.paperclub.notify.Repositories.NotificationRepository;
import org.paperclub.notify.Repositories.PreferenceRepository;
import org.paperclub.people.PeopleService;
import org.paperclub.people.User;
import org.paperclub.system.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A person's notices (the bell) and their choice of delivery per kind. */
@Singleton
class Inbox {

    private final NotificationRepository notifications;
    private final PreferenceRepository preferences;
    private final MailProfiles profiles;
    private final Outbox outbox;
    private final PeopleService people;
    private final CourseLabels courses;
    private final Clock clock;

    Inbox(NotificationRepository notifications, PreferenceRepository preferences, MailProfiles profiles, Outbox outbox,
          PeopleService people, CourseLabels courses, Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.profiles = profiles;
        this.outbox = outbox;
        this.people = people;
        this.courses = courses;
        this.clock = clock;
    }

    @Serdeable
    record Item(long id, NoticeKind kind, @Nullable Long courseId, @Nullable String courseCode, String title, String body,
                String link, @Nullable Instant happensAt, Instant createdAt, @Nullable Instant readAt) {
    }

    @Serdeable
    record Page(long unread, List<Item> items, @Nullable Long nextBefore) {
    }

    @Serdeable
    record Unread(long unread) {
    }

    @Serdeable
    record KindSetting(NoticeKind kind, String label, Delivery delivery) {
    }

    /** {@code mailEnabled}: whether this site sends e-mail at all; off, every notice is in the app only. */
    @Serdeable
    record Settings(boolean mailEnabled, String email, @Nullable String timeZone, List<KindSetting> kinds) {
    }

    @Serdeable
    record Choice(@NotNull NoticeKind kind, @NotNull Delivery delivery) {
    }

    @Serdeable
    record SettingsCommand(@Nullable @Size(max = 20) List<@Valid @NotNull Choice> kinds,
                           @Nullable @Size(max = 64) String timeZone) {
    }

    @Transactional(readOnly = true)
    Page page(long userId, @Nullable Long before, int limit) {
        List<Notification> rows = notifications.page(userId, before == null ? Long.MAX_VALUE : before, limit);
        Map<Long, String> codes = new HashMap<>();
        List<Item> items = rows.stream().map(n -> new Item(n.id(), n.kind(), n.courseId(),
                n.courseId() == null ? null : codes.computeIfAbsent(n.courseId(),
                        id -> courses.label(id).map(CourseLabel::code).orElse(null)),
                n.title(), n.body(), n.link(), n.happensAt(), n.createdAt(), n.readAt())).toList();
        Long next = rows.size() == limit ? rows.get(rows.size() - 1).id() : null;
        return new Page(notifications.countByUserIdAndReadAtIsNull(userId), items, next);
    }

    @Transactional(readOnly = true)
    Unread unread(long userId) {
        return new Unread(notifications.countByUserIdAndReadAtIsNull(userId));
    }

    @Transactional
    void markRead(long userId, long id) {
        if (notifications.markRead(userId, id, clock.instant()) == 0
                && notifications.findById(id).filter(n -> n.userId() == userId).isEmpty()) {
            throw ProblemException.notFound("There is no such notice of yours.");
        }
    }

    @Transactional
    void markAllRead(long userId) {
        notifications.markAllRead(userId, clock.instant());
    }

    @Transactional
    Settings settings(long userId) {
        User user = people.user(userId).orElseThrow(() -> ProblemException.notFound("There is no such account."));
        Map<NoticeKind, Delivery> chosen = new HashMap<>();
        preferences.findByUserId(userId).forEach(p -> chosen.put(p.kind(), p.delivery()));
        List<KindSetting> kinds = Arrays.stream(NoticeKind.values())
                .map(k -> new KindSetting(k, k.label(), chosen.getOrDefault(k, k.byDefault()))).toList();
        return new Settings(outbox.enabled(), user.email(), profiles.of(userId).timeZone(), kinds);
    }

    @Transactional
    Settings change(long userId, SettingsCommand command) {
        if (command.timeZone() != null) {
            if (!MailProfiles.valid(command.timeZone())) {
                throw ProblemException.badRequest("\"" + command.timeZone() + "\" is not a time zone this server knows "
                        + "(use a name such as America/New_York).");
            }
            profiles.setZone(userId, command.timeZone());
        }
        if (command.kinds() != null) {
            for (Choice c : command.kinds()) {
                choose(userId, c.kind(), c.delivery());
            }
        }
        return settings(userId);
    }

    /**
     * One kind's delivery; the kind's default is kept as no row, so that a better default later reaches everyone.
     * Notices of that kind already waiting for the digest leave it too: whoever stops the digest (or its one-click
     * unsubscribe) gets no digest the next morning.
     */
    @Transactional
    void choose(long userId, NoticeKind kind, Delivery delivery) {
        preferences.forget(userId, kind);
        if (delivery != kind.byDefault()) {
            preferences.save(new NotificationPreference(null, userId, kind, delivery));
        }
        if (delivery != Delivery.DIGEST) {
            notifications.leaveDigest(userId, kind);
        }
    }
}
