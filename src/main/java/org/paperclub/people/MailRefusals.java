package org.paperclub.people;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.paperclub.mail.MailRefused;

/** Keeps on the account that the SMTP server refused its address, for the person's staff to see on the roster. */
@Singleton
class MailRefusals {

    private final PeopleService people;

    MailRefusals(PeopleService people) {
        this.people = people;
    }

    @EventListener
    void refused(MailRefused event) {
        people.mailRefused(event.userId(), event.address(), event.reason());
    }
}
