package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A site administrator granted in the app (those named by PAPERCLUB_ADMIN_EMAILS have no row). */
@MappedEntity("site_admin")
record SiteAdminRow(@Id Long userId, @Nullable Long grantedBy, Instant grantedAt) {
}
