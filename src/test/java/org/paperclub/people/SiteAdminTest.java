package org.paperclub.people;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * Site administrators: the first ones named by the environment ({@code PAPERCLUB_ADMIN_EMAILS}), more granted in the
 * app by an administrator and revoked again, but never the last one, and never one the environment names. The first
 * test walks the compiled routes so that an endpoint under /api/admin or /api/lti that forgets to say it is for
 * administrators fails the build by name.
 */
@MicronautTest
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
@Property(name = "paperclub.admin-emails", value = SiteAdminTest.ADMIN + ", nobody-yet@example.edu")
class SiteAdminTest extends ApiTest {

    static final String ADMIN = "root@example.edu";
    private static final String ADMINS = "/api/admin/site-admins";
    /** Routes under the admin prefixes that are deliberately not for site administrators only (none so far). */
    private static final Set<String> NOT_SITE_ADMIN = Set.of();

    @Inject
    Router router;

    @Inject
    PeopleService people;

    private long rootId;

    @BeforeAll
    void anAdministratorNamedByTheEnvironment() {
        rootId = people.createAccount(ADMIN, "Robin Root", people.hashPassword(Api.PASSWORD), false).id();
    }

    private Api.Session root() {
        return api().login(ADMIN);
    }

    private long idOf(String email) {
        return people.userByEmail(email).orElseThrow().id();
    }

    /** What is wrong with how an admin route says who may call it, or nothing. */
    static List<String> problems(String route, AnnotationMetadata annotations, Argument<?>[] arguments) {
        String path = route.substring(route.indexOf(' ') + 1);
        boolean admin = path.startsWith("/api/admin/") || path.equals("/api/admin") || path.startsWith("/api/lti/") || path.equals("/api/lti");
        List<String> problems = new ArrayList<>();
        if (!admin || NOT_SITE_ADMIN.contains(route)) {
            return problems;
        }
        if (!annotations.hasAnnotation(SiteAdmin.class)) {
            problems.add(route + ": says nothing of who may call it (add @SiteAdmin(\"...\"), or list it in NOT_SITE_ADMIN with why)");
        }
        if (Arrays.stream(arguments).noneMatch(a -> a.getType() == Authentication.class)) {
            problems.add(route + ": has no Authentication parameter, so the gate cannot know who calls");
        }
        return problems;
    }

    @Test
    void every_route_under_api_admin_and_api_lti_is_for_site_administrators() {
        List<String> routes = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        router.uriRoutes().forEach((UriRouteInfo<?, ?> r) -> {
            String route = r.getHttpMethodName() + " " + r.getUriMatchTemplate();
            routes.add(route);
            wrong.addAll(problems(route, r.getTargetMethod().getAnnotationMetadata(), r.getTargetMethod().getArguments()));
        });
        assertTrue(routes.contains("POST /api/lti/registrations") && routes.contains("DELETE " + ADMINS + "/{userId}"),
                "the router knows the admin endpoints: " + routes);
        assertTrue(wrong.isEmpty(), "admin endpoints that do not say they are for site administrators:\n" + String.join("\n", wrong));
    }

    @Test
    void the_walk_names_an_admin_route_that_says_nobody() {
        UriRouteInfo<?, ?> me = router.uriRoutes().filter(r -> (r.getHttpMethodName() + " " + r.getUriMatchTemplate()).equals("GET /api/me/home"))
                .findFirst().orElseThrow();
        assertEquals(List.of(), problems("GET /api/me/home", me.getTargetMethod().getAnnotationMetadata(), me.getTargetMethod().getArguments()));
        assertEquals(List.of("GET /api/admin/home: says nothing of who may call it (add @SiteAdmin(\"...\"), or list it in "
                        + "NOT_SITE_ADMIN with why)"),
                problems("GET /api/admin/home", me.getTargetMethod().getAnnotationMetadata(), me.getTargetMethod().getArguments()));
    }

    @Test
    void the_list_marks_those_the_environment_names_even_before_they_have_an_account() {
        List<Map<String, Object>> admins = root().list(ADMINS);
        Map<String, Object> root = admins.stream().filter(a -> ADMIN.equals(a.get("email"))).findFirst().orElseThrow();
        assertEquals(true, root.get("namedByEnvironment"));
        assertEquals("Robin Root", root.get("name"));
        assertEquals(rootId, Api.longOf(root, "userId"));
        Map<String, Object> waiting = admins.stream().filter(a -> "nobody-yet@example.edu".equals(a.get("email"))).findFirst().orElseThrow();
        assertEquals(true, waiting.get("namedByEnvironment"));
        assertNull(waiting.get("userId"));
        assertEquals(true, root().get("/api/me").get("siteAdmin"));
        assertEquals(false, student(5).get("/api/me").get("siteAdmin"));
    }

    @Test
    void an_administrator_grants_another_who_then_may_act_and_is_listed_with_who_granted_them() {
        var created = root().post(ADMINS, Map.of("email", "  Student7@Example.edu "));
        assertEquals(201, created.code());
        assertEquals("student7@example.edu", created.body().get("email"));
        assertEquals(false, created.body().get("namedByEnvironment"));
        assertEquals("Robin Root", created.body().get("grantedByName"));
        assertNotNull(created.body().get("grantedAt"));
        Api.Session granted = student(7);
        assertEquals(true, granted.get("/api/me").get("siteAdmin"));
        assertTrue(granted.list(ADMINS).stream().anyMatch(a -> "student7@example.edu".equals(a.get("email"))));
        // Granting again changes nothing and says so with 200.
        assertEquals(200, root().post(ADMINS, Map.of("email", "student7@example.edu")).code());
        assertEquals(200, root().post(ADMINS, Map.of("email", ADMIN)).code());
    }

    @Test
    void granting_an_address_without_an_account_is_404_with_a_sentence() {
        Map<String, Object> p = problem(404, () -> root().post(ADMINS, Map.of("email", "stranger@example.edu")));
        assertEquals("No account has the address stranger@example.edu. The person must have a Paperclub account (signed "
                + "in once, or added to a course) before they can be made a site administrator.", p.get("detail"));
        problem(400, () -> root().post(ADMINS, Map.of("email", " ")));
    }

    @Test
    void someone_who_is_not_an_administrator_cannot_list_grant_or_revoke() {
        assertEquals("Only a site administrator can name site administrators.",
                problem(403, () -> instructor().post(ADMINS, Map.of("email", "instructor@example.edu"))).get("detail"));
        assertEquals("Only a site administrator can see who administers the site.", problem(403, () -> ta().list(ADMINS)).get("detail"));
        problem(403, () -> student(2).delete(ADMINS + "/" + rootId));
        problem(401, () -> client.toBlocking().exchange(HttpRequest.GET(ADMINS)));
        assertEquals(false, instructor().get("/api/me").get("siteAdmin"));
    }

    @Test
    void a_granted_administrator_is_revoked_and_loses_access_at_once() {
        root().post(ADMINS, Map.of("email", "student8@example.edu"));
        Api.Session formerly = student(8);
        assertEquals(204, root().delete(ADMINS + "/" + idOf("student8@example.edu")).code());
        assertEquals(false, formerly.get("/api/me").get("siteAdmin"));
        problem(403, () -> formerly.list("/api/lti/registrations"));
        assertFalse(root().list(ADMINS).stream().anyMatch(a -> "student8@example.edu".equals(a.get("email"))));
        long id = idOf("student8@example.edu");
        assertEquals(people.user(id).orElseThrow().name() + " is not a site administrator.",
                problem(404, () -> root().delete(ADMINS + "/" + id)).get("detail"));
    }

    @Test
    void an_administrator_named_by_the_environment_cannot_be_revoked_in_the_app() {
        root().post(ADMINS, Map.of("email", "student9@example.edu"));
        Map<String, Object> p = problem(409, () -> student(9).delete(ADMINS + "/" + rootId));
        assertEquals("Robin Root is a site administrator by the server's configuration (PAPERCLUB_ADMIN_EMAILS), which the "
                + "app cannot change; remove the address there instead.", p.get("detail"));
        assertEquals(true, root().get("/api/me").get("siteAdmin"));
    }

    @Test
    void a_granted_administrator_may_step_down_while_others_remain() {
        root().post(ADMINS, Map.of("email", "student10@example.edu"));
        Api.Session leaving = student(10);
        assertEquals(204, leaving.delete(ADMINS + "/" + idOf("student10@example.edu")).code());
        assertEquals(false, leaving.get("/api/me").get("siteAdmin"));
    }
}
