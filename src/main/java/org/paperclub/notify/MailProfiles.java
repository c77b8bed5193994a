package org.paperclub.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.notify.Repositories.ProfileRepository;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each person's mail profile: their zone (so that a time reads in their zone as well as the course's) and the key
 * of their unsubscribe links, made on first need. A link carries the key itself: it only changes mail settings, and
 * whoever holds a person's mail could read it anyway.
 */
@Singleton
class MailProfiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProfileRepository profiles;
    private final JdbcOperations jdbc;

    MailProfiles(ProfileRepository profiles, JdbcOperations jdbc) {
        this.profiles = profiles;
        this.jdbc = jdbc;
    }

    @Transactional
    Map<Long, MailProfile> of(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, MailProfile> found = new HashMap<>();
        profiles.findByUserIdIn(userIds).forEach(p -> found.put(p.userId(), p));
        List<Long> missing = userIds.stream().filter(id -> !found.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            // One batch, not a statement per person: a first announcement to a class of 2,000 makes 2,000 profiles.
            // "on conflict do nothing": another request making the same profile at once must not fail this one.
            jdbc.prepareStatement("insert into mail_profile (user_id, unsubscribe_key) values (?, ?) on conflict do nothing", st -> {
                for (Long id : missing) {
                    st.setLong(1, id);
                    st.setString(2, newKey());
                    st.addBatch();
                }
                return st.executeBatch();
            });
            profiles.findByUserIdIn(missing).forEach(p -> found.put(p.userId(), p));
        }
        return found;
    }

    @Transactional
    MailProfile of(long userId) {
        return of(List.of(userId)).get(userId);
    }

    /** Remembers the zone the person's browser reports; an unknown zone is ignored (the course's zone is used). */
    @Transactional
    void setZone(long userId, String zone) {
        MailProfile p = of(userId);
        if (valid(zone) && !zone.equals(p.timeZone())) {
            profiles.update(new MailProfile(userId, zone, p.unsubscribeKey(), p.lastDigestAt()));
        }
    }

    Optional<MailProfile> checked(long userId, @Nullable String key) {
        if (key == null) {
            return Optional.empty();
        }
        return profiles.findById(userId).filter(p -> MessageDigest.isEqual(
                p.unsubscribeKey().getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8)));
    }

    static boolean valid(@Nullable String zone) {
        if (zone == null || zone.length() > 64) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String newKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
