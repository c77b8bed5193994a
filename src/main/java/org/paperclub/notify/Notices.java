package org.paperclub.notify;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.mail.Mail;
import org.paperclub.mail.Outbox;
import org.paperclub.notify.CourseLabels.CourseLabel;
import org.paperclub.notify.Repositories.NotificationRepository;
import org.paperclub.notify.Repositories.PreferenceRepository;
import org.paperclub.people.PeopleService;
import org.paperclub.people.User;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where every feature tells people something. A notice is written in the caller's transaction, one row per person
 * (the bell), and queued as e-mail for those who want this kind at once (the outbox, same transaction) or marked for
 * their daily digest: a notice exists if and only if what it tells about was committed, and is never lost.
 */
@Singleton
public class Notices {

    private final NotificationRepository notifications;
    private final PreferenceRepository preferences;
    private final MailProfiles profiles;
    private final NoticeMail mail;
    private final Outbox outbox;
    private final PeopleService people;
    private final CourseLabels courses;
    private final Clock clock;

    Notices(NotificationRepository notifications, PreferenceRepository preferences, MailProfiles profiles, NoticeMail mail,
            Outbox outbox, PeopleService people, CourseLabels courses, Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.profiles = profiles;
        this.mail = mail;
        this.outbox = outbox;
        this.people = people;
        this.courses = courses;
        this.clock = clock;
    }

    /** Tells each of these people (duplicates once) the notice. */
    @Transactional
    public void post(Notice notice, Collection<Long> userIds) {
        Set<Long> recipients = new LinkedHashSet<>(userIds);
        if (recipients.isEmpty()) {
            return;
        }
        Map<Long, Delivery> delivery = outbox.enabled() ? deliveries(notice.kind(), recipients) : Map.of();
        Instant now = clock.instant();
        List<Notification> rows = new ArrayList<>(recipients.size());
        List<Long> mailNow = new ArrayList<>();
        for (Long userId : recipients) {
            Delivery d = delivery.getOrDefault(userId, Delivery.APP);
            rows.add(new Notification(null, userId, notice.courseId(), notice.kind(), notice.title(), notice.body(),
                    notice.link(), notice.happensAt(), now, null, d == Delivery.DIGEST, notice.subject()));
            if (d == Delivery.EMAIL) {
                mailNow.add(userId);
            }
        }
        for (int i = 0; i < rows.size(); i += 500) {
            notifications.saveAll(rows.subList(i, Math.min(rows.size(), i + 500)));
        }
        if (!mailNow.isEmpty()) {
            CourseLabel course = notice.courseId() == null ? null : courses.label(notice.courseId()).orElse(null);
            Map<Long, MailProfile> mailProfiles = profiles.of(mailNow);
            List<Mail> mails = new ArrayList<>(mailNow.size());
            for (User user : people.users(mailNow)) {
                mails.add(mail.single(user, mailProfiles.get(user.id()), course, notice));
            }
            outbox.enqueueAll(mails);
        }
    }

    /**
     * Puts the corrected title and body into every notice already given about this subject (read or not, and into a
     * digest not yet sent): a bell keeps no stale text. Nobody is told again, and e-mails already queued or sent stay
     * as they were (mail cannot be recalled). Returns how many notices were corrected.
     */
    @Transactional
    public int revise(String subject, Notice corrected) {
        return notifications.revise(subject, corrected.title(), corrected.body());
    }

    /**
     * Takes back every notice given about these subjects: they leave the bells (and any digest not yet sent), so that
     * none points at what is gone. E-mails already queued or sent stay. Returns how many notices went.
     */
    @Transactional
    public int withdraw(Collection<String> subjects) {
        return subjects.isEmpty() ? 0 : notifications.withdraw(subjects);
    }

    /** How each of these people wants this kind: their choice, or the kind's default. */
    Map<Long, Delivery> deliveries(NoticeKind kind, Collection<Long> userIds) {
        Map<Long, Delivery> chosen = new HashMap<>();
        for (Long id : userIds) {
            chosen.put(id, kind.byDefault());
        }
        List<Long> all = new ArrayList<>(userIds);
        for (int from = 0; from < all.size(); from += 1000) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + 1000));
            preferences.findByKindAndUserIdIn(kind, part).forEach(p -> chosen.put(p.userId(), p.delivery()));
        }
        return chosen;
    }
}
