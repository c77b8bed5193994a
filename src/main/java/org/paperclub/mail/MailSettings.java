package org.paperclub.mail;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The SMTP server and the site's public address, from the environment (README, "E-mail"). With no host the
 * embedded default has e-mail off: nothing is queued, and the pages say so.
 */
@Singleton
public class MailSettings {

    private final String host;
    private final int port;
    private final boolean startTls;
    private final boolean tls;
    private final String user;
    private final String password;
    private final String from;
    private final String publicUrl;

    MailSettings(@Value("${paperclub.mail.host:}") String host,
                 @Value("${paperclub.mail.port:587}") int port,
                 @Value("${paperclub.mail.starttls:true}") boolean startTls,
                 @Value("${paperclub.mail.tls:false}") boolean tls,
                 @Value("${paperclub.mail.user:}") String user,
                 @Value("${paperclub.mail.password:}") String password,
                 @Value("${paperclub.mail.from:Paperclub <paperclub@localhost>}") String from,
                 @Value("${paperclub.public-url:http://localhost:8080}") String publicUrl) {
        this.host = host.strip();
        this.port = port;
        this.startTls = startTls;
        this.tls = tls;
        this.user = user;
        this.password = password;
        this.from = from;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Whether e-mail is sent at all: an SMTP host is configured. */
    public boolean enabled() {
        return !host.isEmpty();
    }

    /** The site's address as people reach it (no trailing slash), for links in messages. */
    public String publicUrl() {
        return publicUrl;
    }

    /** An absolute link to a path of this site ("/#/courses/1"). */
    public String link(String path) {
        return publicUrl + (path.startsWith("/") ? path : "/" + path);
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    boolean startTls() {
        return startTls;
    }

    boolean tls() {
        return tls;
    }

    @Nullable
    String user() {
        return user.isBlank() ? null : user;
    }

    String password() {
        return password;
    }

    String from() {
        return from;
    }
}
