package org.paperclub.people;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Site administrators: they register LMS platforms and name other administrators. Named by the environment
 * ({@code PAPERCLUB_ADMIN_EMAILS}, comma-separated: the first administrator of a deployment, who cannot be removed in
 * the app) or granted in the app by another administrator.
 */
@Singleton
public class SiteAdmins {

    private final SiteAdminRepository rows;
    private final UserRepository users;
    private final Clock clock;
    private final Set<String> configured;

    SiteAdmins(SiteAdminRepository rows, UserRepository users, Clock clock,
               @Value("${paperclub.admin-emails:}") @Nullable String emails) {
        this.rows = rows;
        this.users = users;
        this.clock = clock;
        this.configured = emails == null ? Set.of() : Arrays.stream(emails.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(PeopleService::normalizeEmail).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isAdmin(long userId) {
        if (rows.existsById(userId)) {
            return true;
        }
        return !configured.isEmpty() && users.findById(userId).map(u -> configured.contains(u.email())).orElse(false);
    }

    /** Whether the administrator is named by the environment (and so cannot be removed in the app). */
    public boolean namedByEnvironment(String email) {
        return configured.contains(PeopleService.normalizeEmail(email));
    }

    /** The e-mail addresses the environment names. */
    public Set<String> configuredEmails() {
        return configured;
    }

    /** Administrators granted in the app. */
    public List<SiteAdminRow> granted() {
        return rows.findAll();
    }

    public void grant(long userId, long grantedBy) {
        rows.insertIfAbsent(userId, grantedBy, clock.instant());
    }

    public void revoke(long userId) {
        rows.deleteById(userId);
    }
}
