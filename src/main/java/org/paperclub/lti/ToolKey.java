package org.paperclub.lti;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One RSA key pair of the tool: the private key (PKCS#8, base64) and its public JWK (JSON, with its kid). */
@MappedEntity("lti_tool_key")
record ToolKey(@Id String kid, String privateKey, String publicJwk, Instant createdAt, Instant activeFrom,
               @Nullable Instant retiredAt) {
}
