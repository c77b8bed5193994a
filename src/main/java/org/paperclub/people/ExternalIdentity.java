package org.paperclub.people;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A person as another system names them (an LMS's LTI launch, the campus OpenID provider): issuer and subject. */
@MappedEntity("external_identity")
record ExternalIdentity(@EmbeddedId Key key, Long userId, Instant createdAt, Instant lastSeenAt) {

    @Embeddable
    record Key(@MappedProperty("issuer") String issuer, @MappedProperty("subject") String subject) {
    }
}
