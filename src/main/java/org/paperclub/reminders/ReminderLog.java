package org.paperclub.reminders;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.notify.Notices;
import org.paperclub.reminders.ReminderRules.Reminder;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which reminders went to whom ({@code reminder_sent}), and the sending itself: the mark and the notice commit together. */
@Singleton
class ReminderLog {

    private final JdbcOperations jdbc;
    private final Notices notices;
    private final Clock clock;

    ReminderLog(JdbcOperations jdbc, Notices notices, Clock clock) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.clock = clock;
    }

    /** Of these items, the ones already sent, as {@link #sentKey(long, String)}: most runs find nearly all sent. */
    @Transactional(readOnly = true)
    Set<String> sent(Collection<String> itemKeys) {
        Set<String> out = new HashSet<>();
        List<String> keys = new ArrayList<>(new HashSet<>(itemKeys));
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> part = keys.subList(from, Math.min(keys.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            jdbc.prepareStatement("select user_id, item_key from reminder_sent where item_key in (" + marks + ")", statement -> {
                for (int i = 0; i < part.size(); i++) {
                    statement.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        out.add(sentKey(rs.getLong(1), rs.getString(2)));
                    }
                }
                return null;
            });
        }
        return out;
    }

    /**
     * A mark is needed only while its item can still be reminded of, and the job looks at most 15 days back (its
     * item keys carry the item's time), so marks older than 60 days are dropped and the table stays a term's size.
     */
    @Scheduled(fixedDelay = "6h", initialDelay = "20m")
    @Transactional
    void forgetOld() {
        jdbc.prepareStatement("delete from reminder_sent where sent_at < ?", statement -> {
            statement.setObject(1, OffsetDateTime.ofInstant(clock.instant().minus(java.time.Duration.ofDays(60)), ZoneOffset.UTC));
            return statement.executeUpdate();
        });
    }

    static String sentKey(long userId, String itemKey) {
        return userId + " " + itemKey;
    }

    /**
     * Posts the reminder unless it went out already, and marks it sent, in one transaction: the unique key decides
     * between two instances sending at once (the second waits for the first to commit, then inserts nothing), and a
     * notice that did not commit leaves no mark. True if this call sent it.
     */
    @Transactional
    boolean send(Reminder reminder) {
        int inserted = jdbc.prepareStatement(
                "insert into reminder_sent (user_id, item_key, sent_at) values (?, ?, ?) on conflict do nothing", statement -> {
                    statement.setLong(1, reminder.userId());
                    statement.setString(2, reminder.itemKey());
                    statement.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    return statement.executeUpdate();
                });
        if (inserted == 0) {
            return false;
        }
        notices.post(reminder.notice(), List.of(reminder.userId()));
        return true;
    }
}
