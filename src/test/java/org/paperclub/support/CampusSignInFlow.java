package org.paperclub.support;

import io.micronaut.http.client.BlockingHttpClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A browser's walk through campus sign-in without a browser: one cookie jar, redirects followed by hand, so that a
 * test sees every hop (the app's start, the provider, the app's callback) and may tamper with one.
 */
public final class CampusSignInFlow {

    private final String app;
    private final CookieManager jar = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(jar).followRedirects(HttpClient.Redirect.NEVER).build();

    public CampusSignInFlow(String app) {
        this.app = app;
    }

    /** Where the browser lands in the app after signing in at the provider (e.g. {@code /#/}), the provider's address untouched. */
    public String signIn(String next) {
        return signIn(next, UnaryOperator.identity());
    }

    /** As {@link #signIn(String)}, with the provider's authorization address changed on the way (a forged state or nonce). */
    public String signIn(String next, UnaryOperator<String> authorizationAddress) {
        String authorize = authorizationAddress.apply(start(next));
        HttpResponse<String> atProvider = get(authorize);
        if (atProvider.statusCode() / 100 != 3) {
            throw new AssertionError("the provider did not send the browser back: " + atProvider.statusCode() + " " + atProvider.body());
        }
        return back(location(atProvider));
    }

    /** Clicks the button: the app's answer must send the browser to the provider; returns that address. */
    public String start(String next) {
        HttpResponse<String> start = get(app + "/oauth/login/campus" + (next == null ? "" : "?next=" + java.net.URLEncoder.encode(next,
                java.nio.charset.StandardCharsets.UTF_8)));
        if (start.statusCode() / 100 != 3) {
            throw new AssertionError("the sign-in did not start: " + start.statusCode() + " " + start.body());
        }
        return location(start);
    }

    /** The browser arrives at the app's callback; returns where the app sends it (relative to the app). */
    public String back(String callback) {
        HttpResponse<String> landing = get(callback);
        if (landing.statusCode() != 303) {
            throw new AssertionError("the callback answered " + landing.statusCode() + " " + landing.headers() + " " + landing.body());
        }
        return inApp(location(landing));
    }

    public HttpResponse<String> get(String address) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(address)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Optional<String> cookie(String name) {
        return jar.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name) && !c.getValue().isEmpty())
                .map(HttpCookie::getValue).findFirst();
    }

    /** The session these cookies hold, to call the API as the browser would. */
    public Api.Session session(BlockingHttpClient client) {
        return new Api.Session(client, cookie("PAPERCLUB_SESSION").orElseThrow(() -> new AssertionError("no session cookie")),
                cookie("XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie")));
    }

    private static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location in " + response.headers()));
        return response.uri().resolve(location).toString();
    }

    /** The address relative to the app, as a person reads it in the address bar: {@code /#/courses/1}. */
    public String inApp(String address) {
        return address.startsWith(app) ? address.substring(app.length()) : address;
    }
}
