package org.paperclub.notify;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.system.ProblemException;

import java.util.Arrays;

@Singleton
class Unsubscribe {

    private static final String BAD_LINK = "This unsubscribe link does not work. Sign in and change your e-mail settings under Account.";

    private final MailProfiles profiles;
    private final Inbox inbox;

    Unsubscribe(MailProfiles profiles, Inbox inbox) {
        this.profiles = profiles;
        this.inbox = inbox;
    }

    /** "DIGEST" stops the daily digest: every kind now in it goes to the app only. */
    @Transactional
    UnsubscribeController.Done stop(long userId, String kind, String key) {
        profiles.checked(userId, key).orElseThrow(() -> ProblemException.notFound(BAD_LINK));
        if (kind.equals("DIGEST")) {
            inbox.settings(userId).kinds().stream().filter(k -> k.delivery() == Delivery.DIGEST)
                    .forEach(k -> inbox.choose(userId, k.kind(), Delivery.APP));
            return new UnsubscribeController.Done("DIGEST", "the daily digest");
        }
        NoticeKind k = Arrays.stream(NoticeKind.values()).filter(v -> v.name().equals(kind)).findFirst()
                .orElseThrow(() -> ProblemException.notFound(BAD_LINK));
        inbox.choose(userId, k, Delivery.APP);
        return new UnsubscribeController.Done(k.name(), k.label());
    }
}
