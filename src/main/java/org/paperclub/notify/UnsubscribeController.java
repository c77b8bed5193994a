package org.paperclub.notify;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.net.URI;

/**
 * One-click unsubscribe (RFC 8058): the address in a message's List-Unsubscribe header. A mail client POSTs to it
 * with no session and no form, so the key in the address is the only proof; it switches that kind of notice (or the
 * digest) to "in the app only" and changes nothing else. A GET (a person opening the address) changes nothing: it
 * leads to the page, which asks first, so that a link scanner cannot unsubscribe anyone.
 */
@Controller("/api/mail/unsubscribe/{userId}/{kind}/{key}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Notifications")
class UnsubscribeController {

    /** A key is base64url (MailProfiles); anything else is a mangled address, and must not reach the redirect's URI. */
    private static final String KEY = "[A-Za-z0-9_-]+";

    private final Unsubscribe unsubscribe;

    UnsubscribeController(Unsubscribe unsubscribe) {
        this.unsubscribe = unsubscribe;
    }

    @Serdeable
    record Done(String kind, String label) {
    }

    @Post
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    @Operation(summary = "Stop e-mails of one kind of notice (or the daily digest): the one-click address of List-Unsubscribe")
    Done post(long userId, @Size(max = 40) @Pattern(regexp = "[A-Z_]+") String kind,
              @Size(max = 64) @Pattern(regexp = KEY) String key) {
        return unsubscribe.stop(userId, kind, key);
    }

    @Get
    @Operation(summary = "Leads to the page that asks before stopping these e-mails")
    HttpResponse<?> page(long userId, @Size(max = 40) @Pattern(regexp = "[A-Z_]+") String kind,
                         @Size(max = 64) @Pattern(regexp = KEY) String key) {
        return HttpResponse.seeOther(URI.create("/#/unsubscribe/" + userId + "/" + kind + "/" + key));
    }
}
