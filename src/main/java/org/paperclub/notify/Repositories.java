package org.paperclub.notify;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The notify feature's tables. */
final class Repositories {

    private Repositories() {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface NotificationRepository extends CrudRepository<Notification, Long> {

        @Query("select * from notification where user_id = :userId and id < :before order by id desc limit :limit")
        List<Notification> page(long userId, long before, int limit);

        long countByUserIdAndReadAtIsNull(long userId);

        @Query("update notification set read_at = :at where user_id = :userId and id = :id and read_at is null")
        int markRead(long userId, long id, Instant at);

        @Query("update notification set read_at = :at where user_id = :userId and read_at is null")
        int markAllRead(long userId, Instant at);

        @Query("update notification set title = :title, body = :body where subject = :subject")
        int revise(String subject, String title, String body);

        @Query("delete from notification where subject in (:subjects)")
        int withdraw(Collection<String> subjects);

        @Query("select distinct user_id from notification where digest_due = true")
        List<Long> usersOwedDigest();

        @Query("select * from notification where user_id = :userId and digest_due = true order by id")
        List<Notification> owedDigest(long userId);

        @Query("update notification set digest_due = false where id in (:ids)")
        void digested(Collection<Long> ids);

        @Query("update notification set digest_due = false where user_id = :userId and kind = :kind and digest_due = true")
        void leaveDigest(long userId, NoticeKind kind);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface PreferenceRepository extends CrudRepository<NotificationPreference, Long> {

        List<NotificationPreference> findByUserId(long userId);

        List<NotificationPreference> findByKindAndUserIdIn(NoticeKind kind, Collection<Long> userIds);

        @Query("delete from notification_preference where user_id = :userId and kind = :kind")
        void forget(long userId, NoticeKind kind);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface ProfileRepository extends CrudRepository<MailProfile, Long> {

        List<MailProfile> findByUserIdIn(Collection<Long> userIds);

        @Query("select * from mail_profile where user_id = :userId for update skip locked")
        Optional<MailProfile> lockIfFree(long userId);
    }
}
