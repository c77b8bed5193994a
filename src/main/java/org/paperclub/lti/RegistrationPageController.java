package org.paperclub.lti;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.paperclub.system.Html;
import org.paperclub.system.ProblemException;

/**
 * The page an LMS opens for LTI Dynamic Registration. It is authorized by the one-time link's secret, not by a
 * session (see {@link DynamicRegistration}), and answers a page that tells the LMS to close its registration frame.
 */
@Controller("/lti/register")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "LTI tool")
class RegistrationPageController {

    private final DynamicRegistration registration;

    RegistrationPageController(DynamicRegistration registration) {
        this.registration = registration;
    }

    @Get(value = "/{token}", produces = MediaType.TEXT_HTML)
    @Operation(summary = "LTI Dynamic Registration 1.0: the LMS opens a registration link made by a site administrator, with openid_configuration and registration_token")
    HttpResponse<String> register(String token, @QueryValue("openid_configuration") @Nullable String openidConfiguration,
                                  @QueryValue("registration_token") @Nullable String registrationToken) {
        try {
            DynamicRegistration.Registered done = registration.register(token, openidConfiguration, registrationToken);
            Registrations.RegistrationView r = done.registration();
            return page(HttpStatus.OK, "Paperclub is registered",
                    "<p>Paperclub is registered with <strong>" + Html.escape(r.name()) + "</strong> (issuer "
                            + Html.escape(r.issuer()) + ", client id " + Html.escape(r.clientId()) + ", deployment "
                            + Html.escape(String.join(", ", r.deploymentIds())) + ").</p>"
                            + "<p>You can close this window; the LMS continues with its own steps (in Canvas: enable the "
                            + "developer key, then add the app to an account or course).</p>", true);
        } catch (ProblemException e) {
            return page(e.status(), "Paperclub could not be registered", "<p>" + Html.escape(e.getMessage()) + "</p>", false);
        }
    }

    private static HttpResponse<String> page(HttpStatus status, String title, String body, boolean close) {
        // The close message is sent by a script file of the site's own, which the Content-Security-Policy allows.
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.escape(title) + " – Paperclub</title><link rel=\"stylesheet\" href=\"/style.css\">"
                + (close ? "<script src=\"/lti-close.js\" defer></script>" : "")
                + "</head><body><main id=\"main\" class=\"narrow\" style=\"padding:1rem\"><h1>" + Html.escape(title) + "</h1>"
                + "<div role=\"" + (close ? "status" : "alert") + "\">" + body + "</div></main></body></html>";
        return HttpResponse.<String>status(status).body(html).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8");
    }
}
