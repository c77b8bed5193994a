package org.paperclub.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.paperclub.people.Viewer;

/** The signed-in person's own notices and mail settings; nobody reads or changes another's. */
@Controller("/api/me/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Notifications")
class NotificationController {

    private final Inbox inbox;

    NotificationController(Inbox inbox) {
        this.inbox = inbox;
    }

    @Get
    @Operation(summary = "My notices, newest first (page with ?before=<id>), and how many are unread")
    Inbox.Page list(Authentication auth, @QueryValue @Nullable @Min(1) Long before,
                    @QueryValue @Nullable @Min(1) @Max(100) Integer limit) {
        return inbox.page(Viewer.id(auth), before, limit == null ? 30 : limit);
    }

    @Get("/unread")
    @Operation(summary = "How many of my notices are unread (the bell)")
    Inbox.Unread unread(Authentication auth) {
        return inbox.unread(Viewer.id(auth));
    }

    @Post("/{id}/read")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark one of my notices read")
    void read(Authentication auth, long id) {
        inbox.markRead(Viewer.id(auth), id);
    }

    @Post("/read-all")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark all my notices read")
    void readAll(Authentication auth) {
        inbox.markAllRead(Viewer.id(auth));
    }

    @Get("/settings")
    @Operation(summary = "Whether e-mail is on, and how I get each kind of notice: in the app, by e-mail at once, or in a daily digest")
    Inbox.Settings settings(Authentication auth) {
        return inbox.settings(Viewer.id(auth));
    }

    @Put("/settings")
    @Operation(summary = "Change how I get each kind of notice (kinds not named keep their setting), and my time zone for times in e-mail")
    Inbox.Settings change(Authentication auth, @Body @Valid Inbox.SettingsCommand command) {
        return inbox.change(Viewer.id(auth), command);
    }
}
