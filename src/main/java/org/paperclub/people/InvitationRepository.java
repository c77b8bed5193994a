package org.paperclub.people;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface InvitationRepository extends CrudRepository<Invitation, Long> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    /** Spends the invitation: 1 when it was unused and unexpired, 0 otherwise, even for two requests at once. */
    @Query("update invitation set used_at = :now where token_hash = :tokenHash and purpose = :purpose and used_at is null "
            + "and expires_at > :now")
    int spend(String tokenHash, String purpose, Instant now);

    /** The newest link of the purpose still unused (expired or not), if any: what staff see of an invitation. */
    @Query("select * from invitation where user_id = :userId and purpose = :purpose and used_at is null order by id desc limit 1")
    Optional<Invitation> findLatestUnused(Long userId, String purpose);

    @Query("delete from invitation where user_id = :userId and used_at is null")
    int deleteUnusedByUserId(Long userId);

    @Query("delete from invitation where user_id = :userId and purpose = :purpose and used_at is null")
    int deleteUnused(Long userId, String purpose);
}
