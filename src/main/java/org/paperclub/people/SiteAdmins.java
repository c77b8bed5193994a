package org.paperclub.people;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.system.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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

    /** One site administrator as the admin page lists them. */
    @Serdeable
    public record AdminView(@Nullable Long userId, String email, @Nullable String name, boolean namedByEnvironment,
                            @Nullable Long grantedById, @Nullable String grantedByName, @Nullable Instant grantedAt) {
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

    /**
     * Everyone who administers the site: first those the environment names (an address without an account yet is
     * listed too, so that a typo in the variable shows), then those granted in the app, oldest grant first.
     */
    public List<AdminView> list() {
        List<SiteAdminRow> granted = rows.listOrderByGrantedAt();
        Set<Long> ids = granted.stream().flatMap(r -> java.util.stream.Stream.of(r.userId(), r.grantedBy()))
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<Long, User> byId = ids.isEmpty() ? Map.of() : users.findByIdIn(ids).stream().collect(Collectors.toMap(User::id, Function.identity()));
        Map<String, User> byEmail = configured.isEmpty() ? Map.of()
                : users.findByEmailIn(configured).stream().collect(Collectors.toMap(User::email, Function.identity()));
        List<AdminView> out = new ArrayList<>();
        configured.stream().sorted().forEach(email -> {
            User u = byEmail.get(email);
            out.add(new AdminView(u == null ? null : u.id(), email, u == null ? null : u.name(), true, null, null, null));
        });
        for (SiteAdminRow r : granted) {
            User u = byId.get(r.userId());
            if (u == null || configured.contains(u.email())) {
                continue;
            }
            User by = r.grantedBy() == null ? null : byId.get(r.grantedBy());
            out.add(new AdminView(u.id(), u.email(), u.name(), false, r.grantedBy(), by == null ? null : by.name(), r.grantedAt()));
        }
        return out;
    }

    /** Makes the account with this address an administrator; the answer says whether it was one already. */
    @Transactional
    public Granted grantByEmail(String email, long grantedBy) {
        String address = email == null ? "" : PeopleService.normalizeEmail(email.strip());
        if (address.isEmpty()) {
            throw ProblemException.badRequest("Give the e-mail address of the person to make a site administrator.");
        }
        User user = users.findByEmail(address).orElseThrow(() -> ProblemException.notFound("No account has the address "
                + address + ". The person must have a Paperclub account (signed in once, or added to a course) before "
                + "they can be made a site administrator."));
        boolean already = isAdmin(user.id());
        if (!already) {
            grant(user.id(), grantedBy);
        }
        AdminView view = list().stream().filter(a -> user.id().equals(a.userId())).findFirst().orElseThrow();
        return new Granted(view, !already);
    }

    /** The administrator after a grant, and whether this grant made them one. */
    public record Granted(AdminView admin, boolean isNew) {
    }

    /**
     * Takes administration away from someone granted it in the app. Refused for those the environment names, and when
     * it would leave the site without any administrator who can sign in.
     */
    @Transactional
    public void revokeGranted(long userId, long byUserId) {
        List<SiteAdminRow> locked = rows.lockAll();
        User user = users.findById(userId).orElseThrow(() -> ProblemException.notFound("There is no account " + userId + "."));
        if (configured.contains(user.email())) {
            throw ProblemException.conflict(user.name() + " is a site administrator by the server's configuration "
                    + "(PAPERCLUB_ADMIN_EMAILS), which the app cannot change; remove the address there instead.");
        }
        if (locked.stream().noneMatch(r -> r.userId() == userId)) {
            throw ProblemException.notFound(user.name() + " is not a site administrator.");
        }
        boolean anyConfiguredAccount = !configured.isEmpty() && !users.findByEmailIn(configured).isEmpty();
        long othersGranted = locked.stream().filter(r -> r.userId() != userId).count();
        if (!anyConfiguredAccount && othersGranted == 0) {
            throw ProblemException.conflict((userId == byUserId ? "You are" : user.name() + " is")
                    + " the last site administrator: make someone else an administrator first, so that someone can "
                    + "still register LMS platforms and name administrators.");
        }
        rows.deleteById(userId);
    }
}
