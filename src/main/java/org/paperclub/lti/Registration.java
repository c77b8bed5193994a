package org.paperclub.lti;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * An LMS registered with this tool: its issuer ({@code iss} of its id_tokens), the client id it gave Paperclub
 * ({@code aud}), its OIDC authorization endpoint, its OAuth 2 token endpoint and its JWKS.
 */
@MappedEntity("lti_registration")
public record Registration(@Id @GeneratedValue @Nullable Long id,
                           String name,
                           String issuer,
                           String clientId,
                           String authLoginUrl,
                           String accessTokenUrl,
                           String jwksUrl,
                           Instant createdAt,
                           Instant updatedAt) {
}
