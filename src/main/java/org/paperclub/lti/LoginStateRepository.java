package org.paperclub.lti;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

/** Login states waiting for their launch, and the nonces of accepted id_tokens (V22). */
@JdbcRepository(dialect = Dialect.ANSI)
interface LoginStateRepository extends CrudRepository<LoginState, String> {

    /** Takes the state for one launch: 1 for the request that deleted it, 0 for any other (on any instance). */
    @Query("delete from lti_login_state where state_hash = :stateHash")
    int take(String stateHash);

    @Query("delete from lti_login_state where expires_at < :now")
    int deleteExpired(Instant now);

    /**
     * 1 when the nonce is recorded now, 0 when it was known; of two requests racing on the same nonce one is refused by
     * the primary key (an exception): call it in a transaction of its own.
     */
    @Query("insert into lti_nonce (issuer, nonce, expires_at) select :issuer, :nonce, :expiresAt where not exists "
            + "(select 1 from lti_nonce where issuer = :issuer and nonce = :nonce)")
    int recordNonce(String issuer, String nonce, Instant expiresAt);

    @Query("delete from lti_nonce where expires_at < :now")
    int deleteExpiredNonces(Instant now);
}
