package org.paperclub.people;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.Race;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * A site with no administrator named by the environment keeps at least one granted in the app: the last cannot step
 * down, and two revoking each other at the same moment leave one of them.
 */
@MicronautTest(transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
@Property(name = "paperclub.admin-emails", value = "")
class LastSiteAdminTest extends ApiTest {

    private static final String ADMINS = "/api/admin/site-admins";

    @Inject
    PeopleService people;

    @Inject
    SiteAdmins admins;

    private long idOf(String email) {
        return people.userByEmail(email).orElseThrow().id();
    }

    /** Makes the account an administrator as an earlier administrator (since gone) would have. */
    private Api.Session grantedAdmin(String email) {
        admins.grant(idOf(email), idOf(email));
        return api().login(email);
    }

    @Test
    void the_last_administrator_cannot_step_down_and_is_told_why() {
        Api.Session only = grantedAdmin("student11@example.edu");
        List.copyOf(admins.granted()).stream().filter(r -> r.userId() != idOf("student11@example.edu")).forEach(r -> admins.revoke(r.userId()));
        Map<String, Object> p = problem(409, () -> only.delete(ADMINS + "/" + idOf("student11@example.edu")));
        assertEquals("You are the last site administrator: make someone else an administrator first, so that someone can "
                + "still register LMS platforms and name administrators.", p.get("detail"));
        assertEquals(true, only.get("/api/me").get("siteAdmin"));
    }

    @Test
    void two_administrators_revoking_each_other_at_once_leave_one_of_them() throws Exception {
        Api.Session a = grantedAdmin("student12@example.edu");
        Api.Session b = grantedAdmin("student13@example.edu");
        List.copyOf(admins.granted()).stream().filter(r -> r.userId() != idOf("student12@example.edu")
                && r.userId() != idOf("student13@example.edu")).forEach(r -> admins.revoke(r.userId()));
        List<Callable<Integer>> calls = List.of(
                () -> a.delete(ADMINS + "/" + idOf("student13@example.edu")).code(),
                () -> b.delete(ADMINS + "/" + idOf("student12@example.edu")).code());
        List<Integer> codes = Race.run(calls, 2);
        assertEquals(1, codes.stream().filter(c -> c == 204).count(), "one revocation wins: " + codes);
        // The other is refused: as the last administrator (409), or, coming second, as no longer an administrator (403).
        assertTrue(codes.stream().anyMatch(c -> c == 409 || c == 403), codes::toString);
        assertEquals(1, admins.granted().size());
    }
}
