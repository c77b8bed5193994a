package org.paperclub.notify;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.mail.Outbox;
import org.paperclub.notify.CourseLabels.CourseLabel;
import org.paperclub.notify.Repositories.NotificationRepository;
import org.paperclub.notify.Repositories.ProfileRepository;
import org.paperclub.people.PeopleService;
import org.paperclub.people.User;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daily digest: once a day, from {@code paperclub.mail.digest-hour} (7:00) in the person's zone, everything a
 * digest owes them goes in one e-mail. Each person's digest is written under their profile row's lock (SKIP LOCKED),
 * so two instances running this job at once send it once.
 */
@Singleton
public class DigestJob {

    private final NotificationRepository notifications;
    private final ProfileRepository profileRows;
    private final MailProfiles profiles;
    private final NoticeMail mail;
    private final Outbox outbox;
    private final PeopleService people;
    private final CourseLabels courses;
    private final Clock clock;
    private final int hour;

    DigestJob(NotificationRepository notifications, ProfileRepository profileRows, MailProfiles profiles, NoticeMail mail,
              Outbox outbox, PeopleService people, CourseLabels courses, Clock clock,
              @Value("${paperclub.mail.digest-hour:7}") int hour) {
        this.notifications = notifications;
        this.profileRows = profileRows;
        this.profiles = profiles;
        this.mail = mail;
        this.outbox = outbox;
        this.people = people;
        this.courses = courses;
        this.clock = clock;
        this.hour = hour;
    }

    @Scheduled(fixedDelay = "${paperclub.mail.digest-interval:10m}", initialDelay = "1m")
    void poll() {
        if (outbox.enabled()) {
            sendDue();
        }
    }

    /** Queues the digests due now; how many. */
    public int sendDue() {
        int sent = 0;
        for (Long userId : notifications.usersOwedDigest()) {
            if (sendIfDue(userId)) {
                sent++;
            }
        }
        return sent;
    }

    @Transactional
    boolean sendIfDue(long userId) {
        profiles.of(userId);
        Optional<MailProfile> locked = profileRows.lockIfFree(userId);
        if (locked.isEmpty()) {
            return false; // another instance is writing this digest now
        }
        MailProfile profile = locked.get();
        Instant now = clock.instant();
        ZoneId zone = MailProfiles.valid(profile.timeZone()) ? ZoneId.of(profile.timeZone()) : ZoneOffset.UTC;
        ZonedDateTime today = now.atZone(zone).toLocalDate().atTime(hour, 0).atZone(zone);
        if (now.isBefore(today.toInstant()) || (profile.lastDigestAt() != null && !profile.lastDigestAt().isBefore(today.toInstant()))) {
            return false;
        }
        List<Notification> owed = notifications.owedDigest(userId);
        Optional<User> user = people.user(userId);
        if (owed.isEmpty() || user.isEmpty()) {
            return false;
        }
        Map<Long, CourseLabel> labels = new HashMap<>();
        owed.stream().map(Notification::courseId).filter(id -> id != null).distinct()
                .forEach(id -> courses.label(id).ifPresent(l -> labels.put(id, l)));
        outbox.enqueue(mail.digest(user.get(), profile, owed, labels));
        notifications.digested(owed.stream().map(Notification::id).toList());
        profileRows.update(new MailProfile(userId, profile.timeZone(), profile.unsubscribeKey(), now));
        return true;
    }
}
