package org.paperclub.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An LTI 1.3 platform (an LMS) in the test's JVM, speaking HTTP on a free local port: its own RSA keys and JWKS, an
 * OIDC authorization endpoint that answers a tool's login with the auto-posting form a real platform sends, and
 * id_tokens minted as a test asks. Service endpoints (token, roster, grades) are added with {@link #handle}.
 * <p>
 * Claims follow the IMS LTI Core 1.3 names ({@link #LTI}). Nothing here trusts the tool: what it receives is
 * recorded ({@link #requests()}) for the test to check.
 */
public final class TestPlatform implements AutoCloseable {

    public static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    public static final String AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    public static final String DL_CLAIM = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    public static final String TEACHING_ASSISTANT = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant";

    /** One request the platform received. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {
    }

    private final HttpServer server;
    private final List<RSAKey> keys = new CopyOnWriteArrayList<>();
    private volatile RSAKey signing;
    private volatile boolean publishOnlySigningKey;
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    /** Claims of the next launch by login_hint, used by the authorization endpoint (a browser's launch). */
    private final Map<String, Map<String, Object>> pendingLaunches = new ConcurrentHashMap<>();
    public final String clientId = "paperclub-client-" + UUID.randomUUID().toString().substring(0, 8);
    public final String deploymentId = "deployment-1";

    public TestPlatform() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rotateKey();
        server.createContext("/", this::dispatch);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        handle("/jwks", ex -> {
            jwksFetches.incrementAndGet();
            List<JWK> published = publishOnlySigningKey ? List.of(signing.toPublicJWK())
                    : keys.stream().map(k -> (JWK) k.toPublicJWK()).toList();
            respond(ex, 200, "application/json", new JWKSet(published).toString(true));
        });
        handle("/auth", this::authorize);
        server.start();
    }

    // Addresses

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The platform's issuer: its base URL, as Canvas and Moodle use theirs. */
    public String issuer() {
        return url();
    }

    public String authLoginUrl() {
        return url() + "/auth";
    }

    public String accessTokenUrl() {
        return url() + "/token";
    }

    public String jwksUrl() {
        return url() + "/jwks";
    }

    /** The body of {@code POST /api/lti/registrations} for this platform. */
    public Map<String, Object> registration() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", "Test LMS");
        r.put("issuer", issuer());
        r.put("clientId", clientId);
        r.put("deploymentIds", List.of(deploymentId));
        r.put("authLoginUrl", authLoginUrl());
        r.put("accessTokenUrl", accessTokenUrl());
        r.put("jwksUrl", jwksUrl());
        return r;
    }

    // Keys

    /** Makes a new signing key; the old ones stay published (unless {@link #publishOnlySigningKey}). Returns its kid. */
    public String rotateKey() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("platform-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            keys.add(key);
            signing = key;
            return key.getKeyID();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When on, the JWKS holds the current signing key only (a platform that dropped its old key). */
    public void publishOnlySigningKey(boolean on) {
        publishOnlySigningKey = on;
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    public RSAKey signingKey() {
        return signing;
    }

    // Launches

    /**
     * The claims of a resource-link launch by this platform for a person with these LTI roles in a course
     * (context), valid for 5 minutes from now. The nonce is left for the caller to set from the tool's request.
     */
    public Map<String, Object> launchClaims(String sub, String name, String email, String contextId, String contextTitle,
                                            String... roles) {
        Map<String, Object> c = new LinkedHashMap<>();
        long now = Instant.now().getEpochSecond();
        c.put("iss", issuer());
        c.put("aud", clientId);
        c.put("azp", clientId);
        c.put("sub", sub);
        c.put("iat", now);
        c.put("exp", now + 300);
        c.put("name", name);
        c.put("email", email);
        c.put(LTI + "deployment_id", deploymentId);
        c.put(LTI + "message_type", "LtiResourceLinkRequest");
        c.put(LTI + "version", "1.3.0");
        c.put(LTI + "roles", List.of(roles));
        c.put(LTI + "resource_link", Map.of("id", "link-" + contextId, "title", "Paperclub"));
        c.put(LTI + "context", Map.of("id", contextId, "label", contextId.toUpperCase(), "title", contextTitle,
                "type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering")));
        c.put(NRPS_CLAIM, Map.of("context_memberships_url", url() + "/nrps/" + contextId,
                "service_versions", List.of("2.0")));
        c.put(AGS_CLAIM, Map.of("scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                        "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
                        "https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                "lineitems", url() + "/ags/" + contextId + "/lineitems"));
        return c;
    }

    /** Signs claims as this platform's id_token (RS256, header kid of the current signing key). */
    public String sign(Map<String, Object> claims) {
        return sign(claims, signing);
    }

    public static String sign(Map<String, Object> claims, RSAKey key) {
        try {
            JWTClaimsSet.Builder b = new JWTClaimsSet.Builder();
            claims.forEach((k, v) -> {
                if (("exp".equals(k) || "iat".equals(k) || "nbf".equals(k)) && v instanceof Number n) {
                    b.claim(k, new Date(n.longValue() * 1000));
                } else {
                    b.claim(k, v);
                }
            });
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    b.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the authorization endpoint answers to the tool's login for {@code loginHint} (a browser's launch): these
     * claims, with the nonce the tool sent, as an auto-posting form to the tool's redirect_uri.
     */
    public void nextLaunch(String loginHint, Map<String, Object> claims) {
        pendingLaunches.put(loginHint, claims);
    }

    /** The parameters of a login initiation (third-party-initiated login) for a launch of {@code loginHint}. */
    public Map<String, String> loginInitiation(String loginHint, String targetLinkUri) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("iss", issuer());
        p.put("login_hint", loginHint);
        p.put("target_link_uri", targetLinkUri);
        p.put("lti_message_hint", "message-" + loginHint);
        p.put("client_id", clientId);
        p.put("lti_deployment_id", deploymentId);
        return p;
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> p = params(ex.getRequestURI().getRawQuery());
        if ("POST".equals(ex.getRequestMethod())) {
            p.putAll(params(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        Map<String, Object> claims = pendingLaunches.remove(p.getOrDefault("login_hint", ""));
        if (claims == null || !clientId.equals(p.get("client_id")) || !"id_token".equals(p.get("response_type"))
                || !"form_post".equals(p.get("response_mode")) || !"none".equals(p.get("prompt"))
                || p.get("scope") == null || !p.get("scope").contains("openid")) {
            respond(ex, 400, "text/plain", "Bad authentication request: " + p);
            return;
        }
        Map<String, Object> withNonce = new HashMap<>(claims);
        withNonce.put("nonce", p.get("nonce"));
        String form = "<!doctype html><html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\""
                + escape(p.get("redirect_uri")) + "\"><input type=\"hidden\" name=\"id_token\" value=\"" + escape(sign(withNonce))
                + "\"><input type=\"hidden\" name=\"state\" value=\"" + escape(p.getOrDefault("state", "")) + "\"></form></body></html>";
        respond(ex, 200, "text/html; charset=utf-8", form);
    }

    // Services: the token endpoint (1EdTech Security Framework 1.0, client credentials with a JWT assertion), the
    // roster (NRPS 2.0) and the grades (AGS 2.0), each checking the bearer token and its scope as a platform does.

    public static final String NRPS_MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    public static final String LINEITEM_CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    public static final String LINEITEM = "application/vnd.ims.lis.v2.lineitem+json";
    public static final String SCORE = "application/vnd.ims.lis.v1.score+json";
    public static final String SCOPE_NRPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    public static final String SCOPE_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

    /** A score the platform took: the line item's URL, the body as JSON, its media type, and the token's scopes. */
    public record Score(String lineItem, Map<String, Object> body, String contentType) {
    }

    private record Issued(java.util.Set<String> scopes) {
    }

    private volatile String toolJwksUrl;
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final java.util.Set<String> jtis = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final List<String> tokenRefusals = new CopyOnWriteArrayList<>();
    private volatile String refuseTokens;
    private volatile int tokenLifetime = 3600;
    private final Map<String, List<Map<String, Object>>> rosters = new ConcurrentHashMap<>();
    private final Map<String, Integer> pageSizes = new ConcurrentHashMap<>();
    private final Map<String, Integer> failingPages = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> lineItems = new ConcurrentHashMap<>();
    private final AtomicInteger lineItemIds = new AtomicInteger();
    private final List<Score> scores = new CopyOnWriteArrayList<>();
    private volatile boolean outage;
    private volatile int refuseScoresStatus;
    private volatile String refuseScoresBody;
    private volatile long scoreDelayMillis;
    private volatile Runnable onScore;
    private volatile java.util.concurrent.CountDownLatch scoreGate;
    private volatile boolean takeHeldScores;
    private final AtomicInteger scoresHeld = new AtomicInteger();

    /**
     * Serves the token endpoint, the roster and the grades. Client assertions are verified against the tool's key set
     * at {@code toolJwksUrl}, fetched at each token request (as a platform that does not cache would).
     */
    public TestPlatform serveServices(String toolJwksUrl) {
        this.toolJwksUrl = toolJwksUrl;
        handle("/token", this::token);
        handle("/nrps/*", this::memberships);
        handle("/ags/*", this::grades);
        return this;
    }

    public String membershipsUrl(String contextId) {
        return url() + "/nrps/" + contextId;
    }

    public String lineItemsUrl(String contextId) {
        return url() + "/ags/" + contextId + "/lineitems";
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    /** Why token requests were refused (an assertion that did not verify, say), in order. */
    public List<String> tokenRefusals() {
        return List.copyOf(tokenRefusals);
    }

    /** Refuses every token request with this OAuth error (e.g. invalid_client); null accepts them again. */
    public void refuseTokens(String error) {
        refuseTokens = error;
    }

    public void tokenLifetime(int seconds) {
        tokenLifetime = seconds;
    }

    /** Forgets every token issued: a call with one is answered 401. */
    public void revokeTokens() {
        tokens.clear();
    }

    /** A member of a context as NRPS 2.0 lists one. */
    public static Map<String, Object> member(String userId, String name, String email, String status, String... roles) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("name", name);
        m.put("email", email);
        m.put("user_id", userId);
        m.put("lis_person_sourcedid", "sis-" + userId);
        m.put("roles", List.of(roles));
        return m;
    }

    /** The context's members, served {@code pageSize} a page. */
    public void roster(String contextId, List<Map<String, Object>> members, int pageSize) {
        rosters.put(contextId, new CopyOnWriteArrayList<>(members));
        pageSizes.put(contextId, pageSize);
    }

    /** Page {@code page} (1-based) of the context's roster answers 500; 0 serves every page again. */
    public void failRosterPage(String contextId, int page) {
        failingPages.put(contextId, page);
    }

    public List<Map<String, Object>> lineItems(String contextId) {
        return List.copyOf(lineItems.getOrDefault(contextId, List.of()));
    }

    public List<Score> scores() {
        return List.copyOf(scores);
    }

    /** While on, every grades request is answered 503 (the LMS is down). */
    public void outage(boolean on) {
        outage = on;
    }

    /** Refuses every score with this status and body; 0 takes them again. */
    public void refuseScores(int status, String body) {
        refuseScoresStatus = status;
        refuseScoresBody = body;
    }

    /** Each score takes this long to be answered (for two senders to overlap). */
    public void scoreDelay(java.time.Duration delay) {
        scoreDelayMillis = delay.toMillis();
    }

    /** Runs as each score request arrives, before it is answered (null: nothing). */
    public void onScore(Runnable hook) {
        onScore = hook;
    }

    /** From now on every score request waits, unanswered, until {@link #releaseScores} (an LMS that has stalled). */
    public void holdScores() {
        scoreGate = new java.util.concurrent.CountDownLatch(1);
    }

    /** How many score requests are waiting now. */
    public int scoresHeld() {
        return scoresHeld.get();
    }

    /**
     * Lets the waiting score requests go on and takes new ones at once again. {@code take}: the waiting ones are taken
     * as usual; otherwise they are answered 503 and not kept (the LMS never committed them: the tool's connection was
     * cut first).
     */
    public void releaseScores(boolean take) {
        java.util.concurrent.CountDownLatch gate = scoreGate;
        takeHeldScores = take;
        scoreGate = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> p = params(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String refusal = refuseTokens != null ? refuseTokens : checkAssertion(ex, p);
        if (refusal != null) {
            tokenRefusals.add(refusal);
            String error = refuseTokens != null ? refuseTokens : refusal.startsWith("unsupported") ? refusal : "invalid_client";
            respond(ex, error.equals("invalid_scope") ? 400 : 401, "application/json",
                    com.nimbusds.jose.util.JSONObjectUtils.toJSONString(Map.of("error", error.split(":")[0],
                            "error_description", refusal)));
            return;
        }
        String token = "tok-" + UUID.randomUUID();
        java.util.Set<String> scopes = java.util.Set.of(p.getOrDefault("scope", "").split(" "));
        tokens.put(token, new Issued(scopes));
        tokensIssued.incrementAndGet();
        respond(ex, 200, "application/json", com.nimbusds.jose.util.JSONObjectUtils.toJSONString(Map.of("access_token", token,
                "token_type", "Bearer", "expires_in", tokenLifetime, "scope", String.join(" ", scopes))));
    }

    /** Why the token request is refused, or null when its assertion verifies against the tool's published keys. */
    private String checkAssertion(HttpExchange ex, Map<String, String> p) {
        if (!"POST".equals(ex.getRequestMethod()) || !String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"))
                .startsWith("application/x-www-form-urlencoded")) {
            return "unsupported: not a form POST";
        }
        if (!"client_credentials".equals(p.get("grant_type"))) {
            return "unsupported_grant_type: " + p.get("grant_type");
        }
        if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(p.get("client_assertion_type"))) {
            return "invalid_client: client_assertion_type " + p.get("client_assertion_type");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(p.getOrDefault("client_assertion", ""));
            String kid = jwt.getHeader().getKeyID();
            JWKSet set = JWKSet.load(java.net.URI.create(toolJwksUrl).toURL());
            JWK key = kid == null ? null : set.getKeyByKeyId(kid);
            if (key == null) {
                return "invalid_client: no key " + kid + " in the tool's JWKS";
            }
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAKey()))) {
                return "invalid_client: the assertion's signature does not verify";
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            if (!clientId.equals(c.getIssuer()) || !clientId.equals(c.getSubject())) {
                return "invalid_client: iss/sub " + c.getIssuer() + "/" + c.getSubject();
            }
            if (c.getAudience() == null || !c.getAudience().contains(accessTokenUrl())) {
                return "invalid_client: aud " + c.getAudience();
            }
            if (c.getExpirationTime() == null || c.getExpirationTime().toInstant().isBefore(Instant.now())) {
                return "invalid_client: expired";
            }
            if (c.getJWTID() == null || !jtis.add(c.getJWTID())) {
                return "invalid_client: jti missing or replayed";
            }
            return null;
        } catch (Exception e) {
            return "invalid_client: " + e;
        }
    }

    /** The scopes of the request's bearer token; null after answering 401. */
    private boolean authorized(HttpExchange ex, String scope) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Issued t = auth == null || !auth.startsWith("Bearer ") ? null : tokens.get(auth.substring(7));
        if (t == null) {
            respond(ex, 401, "application/json", "{\"error\":\"invalid_token\"}");
            return false;
        }
        if (!t.scopes().contains(scope)) {
            respond(ex, 403, "application/json", "{\"error\":\"insufficient_scope\"}");
            return false;
        }
        return true;
    }

    private void memberships(HttpExchange ex) throws IOException {
        String contextId = ex.getRequestURI().getPath().substring("/nrps/".length());
        if (!authorized(ex, SCOPE_NRPS)) {
            return;
        }
        if (!NRPS_MEDIA_TYPE.equals(ex.getRequestHeaders().getFirst("Accept"))) {
            respond(ex, 406, "text/plain", "Accept " + NRPS_MEDIA_TYPE);
            return;
        }
        List<Map<String, Object>> all = rosters.getOrDefault(contextId, List.of());
        int size = pageSizes.getOrDefault(contextId, 100);
        int page = Integer.parseInt(params(ex.getRequestURI().getRawQuery()).getOrDefault("page", "1"));
        if (failingPages.getOrDefault(contextId, 0) == page) {
            respond(ex, 500, "text/plain", "The roster service failed on page " + page);
            return;
        }
        List<Map<String, Object>> members = all.subList(Math.min(all.size(), (page - 1) * size), Math.min(all.size(), page * size));
        if (page * size < all.size()) {
            ex.getResponseHeaders().add("Link", "<" + membershipsUrl(contextId) + "?page=" + (page + 1) + ">; rel=\"next\"");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", membershipsUrl(contextId) + "?page=" + page);
        body.put("context", Map.of("id", contextId, "label", contextId.toUpperCase(), "title", "Course " + contextId));
        body.put("members", members);
        respond(ex, 200, NRPS_MEDIA_TYPE, com.nimbusds.jose.util.JSONObjectUtils.toJSONString(body));
    }

    private void grades(HttpExchange ex) throws IOException {
        String[] parts = ex.getRequestURI().getPath().substring("/ags/".length()).split("/");
        String contextId = parts[0];
        if (outage) {
            respond(ex, 503, "text/plain", "Service Unavailable");
            return;
        }
        if (parts.length == 2 && "lineitems".equals(parts[1])) {
            if (!authorized(ex, SCOPE_LINEITEM)) {
                return;
            }
            List<Map<String, Object>> items = lineItems.computeIfAbsent(contextId, k -> new CopyOnWriteArrayList<>());
            if ("GET".equals(ex.getRequestMethod())) {
                if (!LINEITEM_CONTAINER.equals(ex.getRequestHeaders().getFirst("Accept"))) {
                    respond(ex, 406, "text/plain", "Accept " + LINEITEM_CONTAINER);
                    return;
                }
                Map<String, String> q = params(ex.getRequestURI().getRawQuery());
                List<Map<String, Object>> found = items.stream()
                        .filter(i -> q.get("resource_id") == null || q.get("resource_id").equals(i.get("resourceId")))
                        .filter(i -> q.get("tag") == null || q.get("tag").equals(i.get("tag"))).toList();
                respond(ex, 200, LINEITEM_CONTAINER, "[" + found.stream().map(com.nimbusds.jose.util.JSONObjectUtils::toJSONString).collect(java.util.stream.Collectors.joining(",")) + "]");
                return;
            }
            if (!LINEITEM.equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
                respond(ex, 415, "text/plain", "Content-Type " + LINEITEM);
                return;
            }
            try {
                Map<String, Object> item = new LinkedHashMap<>(com.nimbusds.jose.util.JSONObjectUtils.parse(
                        new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                item.put("id", lineItemsUrl(contextId) + "/" + lineItemIds.incrementAndGet());
                items.add(item);
                respond(ex, 201, LINEITEM, com.nimbusds.jose.util.JSONObjectUtils.toJSONString(item));
            } catch (java.text.ParseException e) {
                respond(ex, 400, "text/plain", "not JSON");
            }
            return;
        }
        if (parts.length == 4 && "scores".equals(parts[3]) && "POST".equals(ex.getRequestMethod())) {
            if (!authorized(ex, SCOPE_SCORE)) {
                return;
            }
            String lineItem = lineItemsUrl(contextId) + "/" + parts[2];
            if (lineItems.getOrDefault(contextId, List.of()).stream().noneMatch(i -> lineItem.equals(i.get("id")))) {
                respond(ex, 404, "text/plain", "No such line item");
                return;
            }
            Runnable hook = onScore;
            if (hook != null) {
                hook.run();
            }
            java.util.concurrent.CountDownLatch gate = scoreGate;
            if (gate != null) {
                scoresHeld.incrementAndGet();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    scoresHeld.decrementAndGet();
                }
                if (!takeHeldScores) {
                    respond(ex, 503, "text/plain", "Service Unavailable");
                    return;
                }
            }
            if (scoreDelayMillis > 0) {
                try {
                    Thread.sleep(scoreDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (refuseScoresStatus != 0) {
                respond(ex, refuseScoresStatus, "application/json", refuseScoresBody);
                return;
            }
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            try {
                scores.add(new Score(lineItem, com.nimbusds.jose.util.JSONObjectUtils.parse(
                        new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)), type));
            } catch (java.text.ParseException e) {
                respond(ex, 400, "text/plain", "not JSON");
                return;
            }
            respond(ex, 200, "application/json", "{}");
            return;
        }
        respond(ex, 404, "text/plain", "No such grades endpoint");
    }

    // Plumbing

    /** Serves {@code path} (an exact path, or a prefix ending in {@code /*}) with the handler, replacing any before. */
    public void handle(String path, HttpHandler handler) {
        handlers.put(path, handler);
    }

    public List<Received> requests() {
        return new ArrayList<>(received);
    }

    private void dispatch(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            byte[] body = ex.getRequestBody().readAllBytes();
            received.add(new Received(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(), Map.copyOf(ex.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8)));
            ex.setStreams(new java.io.ByteArrayInputStream(body), null);
            HttpHandler h = handlers.get(path);
            if (h == null) {
                h = handlers.entrySet().stream().filter(e -> e.getKey().endsWith("/*")
                                && path.startsWith(e.getKey().substring(0, e.getKey().length() - 1)))
                        .max(java.util.Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue).orElse(null);
            }
            if (h == null) {
                respond(ex, 404, "text/plain", "No such endpoint on the test platform: " + path);
                return;
            }
            h.handle(ex);
        } catch (RuntimeException e) {
            respond(ex, 500, "text/plain", String.valueOf(e));
        }
    }

    public static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }

    public static Map<String, String> params(String raw) {
        Map<String, String> p = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return p;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            p.put(k, v);
        }
        return p;
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
