package org.paperclub.people;

import jakarta.validation.Valid;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.paperclub.people.SiteAdmins.AdminView;

import java.util.List;

@Controller("/api/admin/site-admins")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Site administrators")
class SiteAdminController {

    private final SiteAdmins admins;

    SiteAdminController(SiteAdmins admins) {
        this.admins = admins;
    }

    /** Whom to make a site administrator: the e-mail address of an existing account. */
    @Serdeable
    record GrantCommand(@io.micronaut.core.annotation.Nullable String email) {
    }

    @Get
    @Operation(summary = "The site administrators: those named by PAPERCLUB_ADMIN_EMAILS (marked so) and those granted in the app, with who granted them and when")
    @SiteAdmin("see who administers the site")
    List<AdminView> list(Authentication auth) {
        return admins.list();
    }

    @Post
    @Operation(summary = "Make the account with this e-mail address a site administrator (201; 200 when it is one already; 404 when no account has the address)")
    @SiteAdmin("name site administrators")
    HttpResponse<AdminView> grant(@Body @Valid GrantCommand command, Authentication auth) {
        SiteAdmins.Granted granted = admins.grantByEmail(command.email(), Viewer.id(auth));
        return granted.isNew() ? HttpResponse.created(granted.admin()) : HttpResponse.ok(granted.admin());
    }

    @Delete("/{userId}")
    @Operation(summary = "Take site administration away from someone granted it in the app (not from those the environment names, nor from the last administrator)")
    @SiteAdmin("remove site administrators")
    HttpResponse<?> revoke(long userId, Authentication auth) {
        admins.revokeGranted(userId, Viewer.id(auth));
        return HttpResponse.noContent();
    }
}
