package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A supporting role of the role-playing format (Peer Reviewer, Archaeologist, ...), with seats per session. */
@MappedEntity("supporting_role")
public record SupportingRole(@Id @GeneratedValue @Nullable Long id,
                             Long courseId,
                             String name,
                             String description,
                             int capacity,
                             int position) {
}
