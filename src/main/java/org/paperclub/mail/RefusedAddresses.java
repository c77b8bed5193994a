package org.paperclub.mail;

import java.util.Collection;
import java.util.Map;

/**
 * The marks of addresses the SMTP server refused for good, kept by whoever keeps the addresses ({@code people}, which
 * hears of each refusal as a {@link MailRefused} and of its end as a {@link MailAccepted}). The sender asks before
 * sending, so that a notice does not go out only to be refused again.
 */
public interface RefusedAddresses {

    /** Of these people, those whose address is marked refused, each with what the server answered then. */
    Map<Long, String> marked(Collection<Long> userIds);
}
