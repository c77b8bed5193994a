package org.paperclub.lti;

import jakarta.validation.Valid;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.paperclub.lti.Registrations.RegistrationCommand;
import org.paperclub.lti.Registrations.RegistrationView;
import org.paperclub.people.SiteAdmin;

import java.net.URI;
import java.util.List;

@Controller("/api/lti/registrations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "LTI platforms")
class RegistrationController {

    private final Registrations registrations;

    RegistrationController(Registrations registrations) {
        this.registrations = registrations;
    }

    @Get
    @Operation(summary = "The LMS platforms registered with Paperclub, with their deployments")
    @SiteAdmin("see the registered LMS platforms")
    List<RegistrationView> list(Authentication auth) {
        return registrations.views();
    }

    @Get("/{id}")
    @Operation(summary = "One registered LMS platform")
    @SiteAdmin("see the registered LMS platforms")
    RegistrationView show(long id, Authentication auth) {
        return registrations.view(id);
    }

    @Post
    @Operation(summary = "Register an LMS platform: issuer, clientId, deploymentIds, authLoginUrl, accessTokenUrl, jwksUrl, and a name (default: the issuer's host)")
    @SiteAdmin("register an LMS platform")
    HttpResponse<RegistrationView> create(@Body @Valid RegistrationCommand command, Authentication auth) {
        RegistrationView created = registrations.create(command);
        return HttpResponse.created(created, URI.create("/api/lti/registrations/" + created.id()));
    }

    @Put("/{id}")
    @Operation(summary = "Change a registered platform; its deployments become exactly the list given (launches from a removed one are refused)")
    @SiteAdmin("change a registered LMS platform")
    RegistrationView update(long id, @Body @Valid RegistrationCommand command, Authentication auth) {
        return registrations.update(id, command);
    }

    @Delete("/{id}")
    @Operation(summary = "Remove a registered platform: its launches are refused; the Paperclub courses and work stay")
    @SiteAdmin("remove a registered LMS platform")
    HttpResponse<?> delete(long id, Authentication auth) {
        registrations.delete(id);
        return HttpResponse.noContent();
    }
}
