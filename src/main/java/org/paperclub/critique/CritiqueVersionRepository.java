package org.paperclub.critique;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface CritiqueVersionRepository extends CrudRepository<CritiqueVersion, Long> {

    List<CritiqueVersion> findByCritiqueIdInOrderByVersion(Collection<Long> critiqueIds);

    @Query("select coalesce(max(version), 0) from critique_version where critique_id = :critiqueId")
    int lastVersion(Long critiqueId);
}
