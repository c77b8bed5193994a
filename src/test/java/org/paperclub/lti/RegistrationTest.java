package org.paperclub.lti;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.people.PeopleService;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPlatform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * A site administrator registers the LMS platforms that may launch Paperclub: every field checked with a sentence
 * that says what is wrong, one registration per issuer and client id, deployments replaced as a whole on a change.
 */
@MicronautTest(transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
@Property(name = "paperclub.admin-emails", value = RegistrationTest.ADMIN)
class RegistrationTest extends ApiTest {

    static final String ADMIN = "root@example.edu";
    private static final String REGISTRATIONS = "/api/lti/registrations";

    @Inject
    PeopleService people;

    @Inject
    Registrations registrations;

    private final TestPlatform platform = new TestPlatform();

    @BeforeAll
    void anAdministratorNamedByTheEnvironment() {
        people.createAccount(ADMIN, "Ada Admin", people.hashPassword(Api.PASSWORD), false);
    }

    @AfterAll
    void closePlatform() {
        platform.close();
    }

    private Api.Session admin() {
        return api().login(ADMIN);
    }

    /** The test platform's registration with some fields changed (null removes one). */
    private Map<String, Object> registration(Object... changes) {
        Map<String, Object> r = new HashMap<>(platform.registration());
        r.put("clientId", "client-" + java.util.UUID.randomUUID());
        for (int i = 0; i < changes.length; i += 2) {
            r.put((String) changes[i], changes[i + 1]);
        }
        return r;
    }

    /** The failed checks of a problem, as "field: message". */
    private List<String> checks(Map<String, Object> problem) {
        return Api.listOf(problem, "errors").stream().map(e -> e.get("field") + ": " + e.get("message")).toList();
    }

    @Test
    void an_administrator_named_by_the_environment_registers_a_platform_and_a_launch_can_find_it() {
        Map<String, Object> body = registration();
        HttpResponse<Map<String, Object>> created = admin().post(REGISTRATIONS, body);
        assertEquals(201, created.code());
        long id = Api.id(created.body());
        assertEquals(REGISTRATIONS + "/" + id, created.header("Location"));
        assertEquals("Test LMS", created.body().get("name"));
        assertEquals(platform.issuer(), created.body().get("issuer"));
        assertEquals(List.of(platform.deploymentId), created.body().get("deploymentIds"));
        assertEquals(platform.jwksUrl(), created.body().get("jwksUrl"));

        assertEquals(created.body().get("clientId"), admin().get(REGISTRATIONS + "/" + id).get("clientId"));
        assertTrue(admin().list(REGISTRATIONS).stream().anyMatch(r -> Api.id(r) == id));
        // What the launch will ask: the platform by issuer and client id, and whether the deployment is known.
        Registration found = registrations.find(platform.issuer(), (String) body.get("clientId")).orElseThrow();
        assertEquals(id, found.id());
        assertTrue(registrations.deploymentKnown(id, platform.deploymentId));
    }

    @Test
    void without_a_name_the_platform_is_called_by_its_issuers_host() {
        Map<String, Object> body = registration("name", null, "issuer", "https://canvas.instructure.com");
        assertEquals("canvas.instructure.com", admin().post(REGISTRATIONS, body).body().get("name"));
    }

    @Test
    void an_instructor_who_is_not_an_administrator_is_told_who_may_register() {
        Map<String, Object> p = problem(403, () -> instructor().post(REGISTRATIONS, registration()));
        assertEquals("Only a site administrator can register an LMS platform.", p.get("detail"));
        assertEquals("Only a site administrator can see the registered LMS platforms.",
                problem(403, () -> instructor().list(REGISTRATIONS)).get("detail"));
    }

    @Test
    void someone_not_signed_in_gets_401() {
        problem(401, () -> client.toBlocking().exchange(HttpRequest.GET(REGISTRATIONS)));
        problem(401, () -> client.toBlocking().exchange(HttpRequest.POST(REGISTRATIONS, registration())));
    }

    @Test
    void a_registration_with_fields_missing_names_each_of_them_and_nothing_is_stored() {
        int before = registrations.all().size();
        Map<String, Object> p = problem(422, () -> admin().post(REGISTRATIONS, Map.of("issuer", platform.issuer())));
        assertEquals("This registration has 5 problems, so nothing was saved.", p.get("detail"));
        List<String> checks = checks(p);
        assertTrue(checks.containsAll(List.of("clientId: is missing", "authLoginUrl: is missing", "accessTokenUrl: is missing",
                "jwksUrl: is missing")), checks::toString);
        assertTrue(checks.stream().anyMatch(s -> s.startsWith("deploymentIds: is needed")), checks::toString);
        assertEquals(before, registrations.all().size());
    }

    @Test
    void urls_must_be_https_except_on_this_machine() {
        Map<String, Object> p = problem(422, () -> admin().post(REGISTRATIONS,
                registration("authLoginUrl", "http://lms.example.edu/auth")));
        assertEquals("The OIDC authentication (login) URL \"http://lms.example.edu/auth\" must start with https:// "
                + "(plain http is allowed only for 127.0.0.1, localhost or [::1]).", p.get("detail"));
        assertEquals(List.of("authLoginUrl: must start with https:// (plain http is allowed only for 127.0.0.1, localhost or [::1])"),
                checks(p));
        Map<String, Object> relative = problem(422, () -> admin().post(REGISTRATIONS, registration("jwksUrl", "/jwks")));
        assertTrue(((String) relative.get("detail")).contains("is not a full URL"), relative::toString);
        // The loopback names the test platform and a developer's LMS use are accepted.
        assertEquals(201, admin().post(REGISTRATIONS, registration("jwksUrl", "http://localhost:9999/jwks")).code());
        assertEquals(201, admin().post(REGISTRATIONS, registration("jwksUrl", "http://[::1]:9999/jwks")).code());
    }

    @Test
    void an_issuer_with_a_query_or_fragment_is_refused_and_its_case_is_kept() {
        Map<String, Object> p = problem(422, () -> admin().post(REGISTRATIONS, registration("issuer", "https://lms.example.edu/?a=1")));
        assertTrue(((String) p.get("detail")).contains("must not have a query"), p::toString);
        problem(422, () -> admin().post(REGISTRATIONS, registration("issuer", "https://lms.example.edu#top")));
        problem(422, () -> admin().post(REGISTRATIONS, registration("issuer", "lms.example.edu")));
        // Issuers compare as they are: a mixed-case path stays mixed-case.
        assertEquals("https://lms.example.edu/Tenant-A",
                admin().post(REGISTRATIONS, registration("issuer", "https://lms.example.edu/Tenant-A")).body().get("issuer"));
    }

    @Test
    void deployment_ids_must_be_given_short_enough_and_each_once() {
        problem(422, () -> admin().post(REGISTRATIONS, registration("deploymentIds", List.of())));
        Map<String, Object> twice = problem(422, () -> admin().post(REGISTRATIONS, registration("deploymentIds", List.of("d-1", "d-1"))));
        assertEquals("The deployment id \"d-1\" is listed twice.", twice.get("detail"));
        Map<String, Object> tooLong = problem(422, () -> admin().post(REGISTRATIONS, registration("deploymentIds", List.of("x".repeat(256)))));
        assertTrue(((String) tooLong.get("detail")).endsWith("is 256 characters long; at most 255 are allowed."), tooLong::toString);
    }

    @Test
    void fields_longer_than_their_columns_are_refused_with_their_length() {
        Map<String, Object> p = problem(422, () -> admin().post(REGISTRATIONS, registration("clientId", "c".repeat(256))));
        assertEquals("The client id is 256 characters long; at most 255 are allowed.", p.get("detail"));
        problem(422, () -> admin().post(REGISTRATIONS, registration("name", "n".repeat(201))));
        problem(422, () -> admin().post(REGISTRATIONS, registration("jwksUrl", "https://lms.example.edu/" + "j".repeat(1000))));
    }

    @Test
    void the_same_issuer_and_client_id_twice_is_a_conflict_naming_the_first() {
        Map<String, Object> body = registration("name", "Campus Canvas");
        long first = Api.id(admin().post(REGISTRATIONS, body).body());
        Map<String, Object> p = problem(409, () -> admin().post(REGISTRATIONS, body));
        assertEquals("\"Campus Canvas\" (platform " + first + ") is already registered with issuer " + platform.issuer()
                + " and client id " + body.get("clientId") + ". Change that one instead, or check the client id.", p.get("detail"));
        // Changing another registration into the same pair is refused the same way.
        long second = Api.id(admin().post(REGISTRATIONS, registration()).body());
        problem(409, () -> admin().put(REGISTRATIONS + "/" + second, body));
    }

    @Test
    void a_change_replaces_the_deployments_and_says_which_launches_stop() {
        Map<String, Object> body = registration("deploymentIds", List.of("d-1", "d-2"));
        long id = Api.id(admin().post(REGISTRATIONS, body).body());
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("deploymentIds", List.of("d-2", "d-3"));
        changed.put("name", "Renamed LMS");
        Map<String, Object> answer = admin().put(REGISTRATIONS + "/" + id, changed).body();
        assertEquals(List.of("d-2", "d-3"), answer.get("deploymentIds"));
        assertEquals(List.of("d-1"), answer.get("removedDeploymentIds"));
        assertEquals("Deployment d-1 was removed: launches from it are refused from now on.", answer.get("notice"));
        assertEquals("Renamed LMS", admin().get(REGISTRATIONS + "/" + id).get("name"));
        assertFalse(registrations.deploymentKnown(id, "d-1"));
        assertTrue(registrations.deploymentKnown(id, "d-3"));
    }

    @Test
    void a_refused_change_leaves_the_registration_as_it_was() {
        Map<String, Object> body = registration("deploymentIds", List.of("d-1"));
        long id = Api.id(admin().post(REGISTRATIONS, body).body());
        Map<String, Object> bad = new HashMap<>(body);
        bad.put("deploymentIds", List.of("d-9"));
        bad.put("accessTokenUrl", "ftp://lms.example.edu/token");
        problem(422, () -> admin().put(REGISTRATIONS + "/" + id, bad));
        assertEquals(List.of("d-1"), registrations.deploymentIds(id));
        assertEquals(platform.accessTokenUrl(), admin().get(REGISTRATIONS + "/" + id).get("accessTokenUrl"));
    }

    @Test
    void a_removed_platform_is_gone_and_its_launches_find_nothing() {
        Map<String, Object> body = registration();
        long id = Api.id(admin().post(REGISTRATIONS, body).body());
        assertEquals(204, admin().delete(REGISTRATIONS + "/" + id).code());
        assertTrue(registrations.find(platform.issuer(), (String) body.get("clientId")).isEmpty());
        assertEquals("There is no LMS platform " + id + ".", problem(404, () -> admin().get(REGISTRATIONS + "/" + id)).get("detail"));
        problem(404, () -> admin().delete(REGISTRATIONS + "/" + id));
    }

    @Test
    void an_unknown_field_is_refused_rather_than_dropped() {
        problem(400, () -> admin().post(REGISTRATIONS, registration("clientSecret", "s")));
    }
}
