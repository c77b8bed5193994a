package org.paperclub.lti;

import jakarta.validation.Valid;
import io.micronaut.core.annotation.Nullable;
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
import org.paperclub.lti.ToolKeys.KeyView;
import org.paperclub.people.SiteAdmin;
import org.paperclub.system.ProblemException;

import java.time.Duration;
import java.util.List;

/** The tool's keys and the details an LMS administrator pastes, for site administrators. */
@Controller("/api/lti")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "LTI tool")
class ToolAdminController {

    /** How long a new key is published before it signs, unless the request says otherwise. */
    static final int DEFAULT_MINUTES = 60;
    static final int MAX_MINUTES = 7 * 24 * 60;

    private final ToolKeys keys;
    private final ToolDocuments documents;
    private final DynamicRegistration dynamic;

    ToolAdminController(ToolKeys keys, ToolDocuments documents, DynamicRegistration dynamic) {
        this.keys = keys;
        this.documents = documents;
        this.dynamic = dynamic;
    }

    @Post("/registration-links")
    @Operation(summary = "A one-time LTI Dynamic Registration link (valid 24 hours) to paste into an LMS's \"register by URL\" field")
    @SiteAdmin("make a registration link")
    HttpResponse<DynamicRegistration.NewLink> registrationLink(Authentication auth) {
        return HttpResponse.created(dynamic.newLink(org.paperclub.people.Viewer.id(auth)));
    }

    /** A rotation: how many minutes the new key is published before it starts signing. */
    @Serdeable
    record NewKey(@Nullable Integer signsAfterMinutes) {
    }

    @Get("/tool")
    @Operation(summary = "What to paste into an LMS: login, launch (redirect) and JWKS URLs, the Canvas JSON's address, Moodle's and Canvas's form fields")
    @SiteAdmin("see the tool's configuration")
    ToolDocuments.ToolDetails tool(Authentication auth) {
        return documents.details();
    }

    @Get("/keys")
    @Operation(summary = "The tool's published keys, newest first, with the one that signs now")
    @SiteAdmin("see the tool's keys")
    List<KeyView> keys(Authentication auth) {
        return keys.views();
    }

    @Post("/keys")
    @Operation(summary = "Add a key: published at once, signing after signsAfterMinutes (default 60, 0 allowed), so platforms know it first")
    @SiteAdmin("rotate the tool's keys")
    HttpResponse<KeyView> add(@Body @Valid @Nullable NewKey body, Authentication auth) {
        int minutes = body == null || body.signsAfterMinutes() == null ? DEFAULT_MINUTES : body.signsAfterMinutes();
        if (minutes < 0 || minutes > MAX_MINUTES) {
            throw ProblemException.badRequest("signsAfterMinutes must be between 0 and " + MAX_MINUTES + " (a week); it was "
                    + minutes + ".");
        }
        String kid = keys.add(Duration.ofMinutes(minutes));
        return HttpResponse.created(keys.views().stream().filter(k -> k.kid().equals(kid)).findFirst().orElseThrow());
    }

    @Delete("/keys/{kid}")
    @Operation(summary = "Retire a key: it leaves the published set, and what it signed no longer verifies; the only key that signs now cannot be retired")
    @SiteAdmin("retire the tool's keys")
    HttpResponse<?> retire(String kid, Authentication auth) {
        keys.retireChecked(kid);
        return HttpResponse.noContent();
    }
}
