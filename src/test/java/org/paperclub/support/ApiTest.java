package org.paperclub.support;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * Base of the HTTP tests: one app per test class on its own fresh database with the demo course loaded, and a
 * {@link Api} to call it as a signed-in user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    protected HttpClient client;

    /** The app's "now": ticking until a test sets it, and ticking again after every test (see {@link TestClock}). */
    @Inject
    protected TestClock clock;

    private Map<String, String> database;

    @Override
    public Map<String, String> getProperties() {
        database = TestDatabase.fresh();
        Map<String, String> properties = new HashMap<>(database);
        properties.put("micronaut.server.port", "-1");
        properties.put("paperclub.password.bcrypt-cost", "4");
        // Every test starts from the empty demo courses; DemoActivityTest turns the activity on.
        properties.put("paperclub.demo.activity", "false");
        // Reminders go out when a test calls ReminderJob.runNow(), not at a moment of the background schedule.
        properties.put("paperclub.reminders.interval", "1h");
        properties.putAll(extraProperties());
        return properties;
    }

    /** More settings for this test class's app. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @AfterEach
    void systemClockAgain() {
        clock.reset();
    }

    @AfterAll
    void dropDatabase() {
        TestDatabase.drop(database.get("paperclub.test.schema"));
    }

    /** A plain JDBC connection to this test's database, for what no endpoint does (e.g. moving a time back). */
    protected java.sql.Connection jdbc() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(database.get("paperclub.database.url"), database.get("paperclub.database.user"),
                database.get("paperclub.database.password"));
    }

    protected Api api() {
        return new Api(client.toBlocking());
    }

    protected Api.Session instructor() {
        return api().login("instructor@example.edu");
    }

    protected Api.Session ta() {
        return api().login("ta@example.edu");
    }

    protected Api.Session student(int n) {
        return api().login("student" + n + "@example.edu");
    }

    protected Api.Session student() {
        return student(1);
    }

    /** The demo course is the first course of every fresh database. */
    protected static final long DEMO = 1;

    /**
     * For a class that builds every course it uses: {@code @Property(name = "paperclub.demo.files", value =
     * ApiTest.ACCOUNTS_ONLY)} keeps the demo accounts (instructor, TA, student1..20, password "paperclub") but enrolls
     * them in one empty course instead of importing the demo courses, which makes the class's app start faster.
     * {@link #DEMO} is then that empty course.
     */
    public static final String ACCOUNTS_ONLY = "classpath:accounts-only.yml";
}
