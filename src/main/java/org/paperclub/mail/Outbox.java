package org.paperclub.mail;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Where every feature puts the mail it sends. A message is a row written in the caller's transaction: it exists
 * if and only if what it tells about was committed, survives a restart or an SMTP outage, and costs the request no
 * SMTP round trip. {@link MailSender} sends it.
 */
@Singleton
public class Outbox {

    private final OutboxRepository rows;
    private final MailSettings settings;
    private final Clock clock;

    Outbox(OutboxRepository rows, MailSettings settings, Clock clock) {
        this.rows = rows;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether mail goes out at all (an SMTP server is configured). */
    public boolean enabled() {
        return settings.enabled();
    }

    /** Set while {@link #withoutMail} runs on this thread. */
    private static final ThreadLocal<Boolean> QUIET = ThreadLocal.withInitial(() -> false);

    /** Runs the work with nothing queued from this thread (the demo term's made-up activity): notices stay in the app. */
    public void withoutMail(Runnable work) {
        boolean before = QUIET.get();
        QUIET.set(true);
        try {
            work.run();
        } finally {
            QUIET.set(before);
        }
    }

    /** Queues the message, or does nothing when e-mail is off (it would otherwise flood in once turned on). */
    @Transactional
    public boolean enqueue(Mail mail) {
        return enqueueAll(List.of(mail)) == 1;
    }

    /** Queues the messages in batches; the number queued. */
    @Transactional
    public int enqueueAll(Collection<Mail> mails) {
        if (!settings.enabled() || mails.isEmpty() || QUIET.get()) {
            return 0;
        }
        Instant now = clock.instant();
        List<OutboxRow> batch = new ArrayList<>(mails.size());
        for (Mail m : mails) {
            batch.add(new OutboxRow(null, m.userId(), m.to(), m.kind(), m.subject(), m.text(), m.html(), m.unsubscribeUrl(),
                    "PENDING", 0, now, now, null, null, null));
        }
        for (int i = 0; i < batch.size(); i += 500) {
            rows.saveAll(batch.subList(i, Math.min(batch.size(), i + 500)));
        }
        return batch.size();
    }
}
