package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A paper placed on a session; {@code position} keeps the order the instructor listed them in. */
@MappedEntity("reading")
public record Reading(@Id @GeneratedValue @Nullable Long id,
                      Long sessionId,
                      Long paperId,
                      ReadingKind kind,
                      int position) {
}
