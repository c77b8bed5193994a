package org.paperclub.lti;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A deployment of the tool on a registered platform: a launch must name one ({@code deployment_id}). */
@MappedEntity("lti_deployment")
record Deployment(@Id @GeneratedValue @Nullable Long id, Long registrationId, String deploymentId) {
}
