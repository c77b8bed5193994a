package org.paperclub.lti;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A login initiation waiting for its launch (V22 {@code lti_login_state}). */
@MappedEntity("lti_login_state")
record LoginState(@Id String stateHash, String nonce, Long registrationId, String targetLinkUri,
                  @Nullable String browserHash, Instant expiresAt) {
}
