package org.paperclub.lti;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Race;
import org.paperclub.support.TestDatabase;
import org.paperclub.support.TestPlatform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.paperclub.support.TestPlatform.LEARNER;

/**
 * Two app instances on one database, as behind a load balancer: the login may reach one and the launch the other, and
 * a state posted to both at once is accepted by one of them only.
 */
class LaunchTwoInstancesTest {

    static final String SITE = "https://paperclub.example.edu";

    private final Map<String, String> database = TestDatabase.fresh();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        TestDatabase.drop(database.get("paperclub.test.schema"));
    }

    @Test
    void a_login_on_one_instance_is_finished_by_a_launch_on_the_other_and_only_once() throws Exception {
        EmbeddedServer a = start();
        EmbeddedServer b = start();
        TestPlatform lms = new TestPlatform();
        open.add(lms);
        try (Connection c = DriverManager.getConnection(database.get("paperclub.database.url"), database.get("paperclub.database.user"),
                database.get("paperclub.database.password"))) {
            LtiDriver.register(c, lms, "LMS");
        }
        LtiDriver onA = new LtiDriver(a.getURL().toString(), SITE);
        LtiDriver onB = new LtiDriver(b.getURL().toString(), SITE);

        LtiDriver.Login login = onA.login(lms, "hint-two", onA.target());
        Map<String, Object> claims = new LinkedHashMap<>(lms.launchClaims("stu-2", "Two", "two@lms.example.edu", "ctx-two", "Two", LEARNER));
        claims.put("nonce", login.nonce());
        Map<String, String> form = Map.of("id_token", lms.sign(claims), "state", login.state());
        LtiDriver.Answer onOther = onB.post("/lti/launch", form);
        assertEquals(200, onOther.status(), onOther.body());
        assertEquals(401, onA.post("/lti/launch", form).status(), "the state was used on the other instance");

        for (int round = 0; round < 3; round++) {
            LtiDriver.Login race = onA.login(lms, "hint-race", onA.target());
            Map<String, Object> c = new LinkedHashMap<>(claims);
            c.put("nonce", race.nonce());
            Map<String, String> raced = Map.of("id_token", lms.sign(c), "state", race.state());
            List<Callable<Integer>> calls = List.of(() -> onA.post("/lti/launch", raced).status(), () -> onB.post("/lti/launch", raced).status(),
                    () -> onA.post("/lti/launch", raced).status(), () -> onB.post("/lti/launch", raced).status());
            List<Integer> statuses = new ArrayList<>(Race.run(calls, 4));
            Collections.sort(statuses);
            assertEquals(List.of(200, 401, 401, 401), statuses, "one launch per state, whichever instance");
        }
    }

    private EmbeddedServer start() {
        Map<String, Object> settings = new HashMap<>(database);
        settings.put("micronaut.server.port", -1);
        settings.put("paperclub.password.bcrypt-cost", 4);
        settings.put("paperclub.demo.activity", false);
        settings.put("paperclub.demo.files", "classpath:accounts-only.yml");
        settings.put("paperclub.public-url", SITE);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings);
        open.add(0, () -> server.getApplicationContext().close());
        return server;
    }
}
