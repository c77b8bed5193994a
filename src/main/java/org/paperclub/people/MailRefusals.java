package org.paperclub.people;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.paperclub.mail.MailAccepted;
import org.paperclub.mail.MailRefused;
import org.paperclub.mail.RefusedAddresses;

import java.util.Collection;
import java.util.Map;

/**
 * Keeps on the account that the SMTP server refused its address, for the person's staff to see on the roster and for
 * the outbox, which sends such a person no more notices until the mark is cleared.
 */
@Singleton
class MailRefusals implements RefusedAddresses {

    private final PeopleService people;

    MailRefusals(PeopleService people) {
        this.people = people;
    }

    @EventListener
    void refused(MailRefused event) {
        people.mailRefused(event.userId(), event.address(), event.reason());
    }

    @EventListener
    void accepted(MailAccepted event) {
        people.mailAccepted(event.userId());
    }

    @Override
    public Map<Long, String> marked(Collection<Long> userIds) {
        return people.mailRefusals(userIds);
    }
}
