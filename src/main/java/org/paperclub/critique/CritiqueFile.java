package org.paperclub.critique;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The bytes of a version, apart from its record so that listing critiques never loads files. */
@MappedEntity("critique_file")
public record CritiqueFile(@Id Long versionId, byte[] content) {
}
