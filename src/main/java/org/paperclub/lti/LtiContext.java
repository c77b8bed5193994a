package org.paperclub.lti;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * An LMS course (LTI context) of one deployment, the Paperclub course it is linked to (null until an instructor links
 * one), and the service endpoints its last launch announced: NRPS memberships, AGS line items and granted scopes
 * (space-separated).
 */
@MappedEntity("lti_context")
public record LtiContext(@Id @GeneratedValue @Nullable Long id,
                         Long registrationId,
                         String deploymentId,
                         String contextId,
                         @Nullable Long courseId,
                         @Nullable String title,
                         @Nullable String label,
                         @Nullable String membershipsUrl,
                         @Nullable String lineitemsUrl,
                         @Nullable String agsScopes,
                         Instant createdAt,
                         Instant updatedAt) {

    public boolean grants(String scope) {
        return agsScopes != null && java.util.Arrays.asList(agsScopes.split(" ")).contains(scope);
    }
}
