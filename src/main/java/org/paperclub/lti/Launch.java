package org.paperclub.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/** A verified id_token of a registered platform: who, from which LMS course, asking for what. */
record Launch(Registration registration, JWTClaimsSet claims, String deploymentId, String messageType,
              String targetLinkUri) {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    static final String DEEP_LINKING = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
    static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";

    boolean deepLinking() {
        return DEEP_LINKING_REQUEST.equals(messageType);
    }

    String issuer() {
        return claims.getIssuer();
    }

    String subject() {
        return claims.getSubject();
    }

    @SuppressWarnings("unchecked")
    List<String> roles() {
        Object roles = claims.getClaim(LTI + "roles");
        return roles instanceof List<?> l ? l.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
    }

    @Nullable
    Map<String, Object> object(String claim) {
        try {
            return claims.getJSONObjectClaim(claim);
        } catch (java.text.ParseException e) {
            return null;
        }
    }

    @Nullable
    String string(String claim) {
        Object v = claims.getClaim(claim);
        return v instanceof String s && !s.isBlank() ? s : null;
    }

    @Nullable
    static String string(@Nullable Map<String, Object> object, String key) {
        Object v = object == null ? null : object.get(key);
        return v instanceof String s && !s.isBlank() ? s : null;
    }

    @Nullable
    Map<String, Object> context() {
        return object(LTI + "context");
    }

    @Nullable
    String contextId() {
        return string(context(), "id");
    }

    /** The person's name as the platform gives it: {@code name}, else given and family name. */
    @Nullable
    String name() {
        String name = string("name");
        if (name != null) {
            return name;
        }
        String given = string("given_name");
        String family = string("family_name");
        String both = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        return both.isEmpty() ? null : both;
    }

    @Nullable
    String email() {
        return string("email");
    }

    /** Where the LMS shows the person after Paperclub ({@code launch_presentation.return_url}): the LMS's own pages. */
    @Nullable
    String returnUrl() {
        return string(object(LTI + "launch_presentation"), "return_url");
    }

    /** The platform's display name for pages: the registration's name. */
    String platformName() {
        return registration.name();
    }
}
