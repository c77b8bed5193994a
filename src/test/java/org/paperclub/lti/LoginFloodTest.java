package org.paperclub.lti;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.ApiTest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Anyone may start an LMS login, and each start keeps a state for 10 minutes: one client cannot fill the table with
 * them. Past the limit a client is told to wait, and nothing more is kept; a class launching at once stays far below.
 */
@MicronautTest(transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
@Property(name = "paperclub.lti.login-limit", value = "3")
class LoginFloodTest extends LtiLaunchTest {




    @Override
    String platformName() {
        return "Moodle at Example U";
    }

    private long loginStates() throws SQLException {
        try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from lti_login_state")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void a_client_starting_more_logins_than_the_limit_is_told_to_wait_and_nothing_more_is_kept() throws SQLException {
        for (int i = 0; i < 3; i++) {
            assertEquals(302, driver.login(lms, "hint-" + i, driver.target()).answer().status());
        }
        long kept = loginStates();

        LtiDriver.Answer refused = driver.login(lms, "hint-flood", driver.target()).answer();

        assertEquals(429, refused.status(), refused.body());
        assertTrue(refused.body().contains("Too many sign-ins from your network"), refused.body());
        assertEquals(kept, loginStates(), "a refused login keeps no state");
    }
}
