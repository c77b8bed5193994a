package org.paperclub.lti;

/**
 * A call to a platform's service that did not succeed, with a sentence staff can act on (it names the platform's own
 * answer). {@code status}: the HTTP status the platform answered (0: no answer at all). {@code retryable}: worth
 * trying again later (the platform is down, overloaded, or unreachable), as opposed to a refusal that will repeat.
 */
class LtiServiceException extends RuntimeException {

    private final int status;
    private final boolean retryable;

    LtiServiceException(String sentence, int status, boolean retryable) {
        super(sentence, null, false, false);
        this.status = status;
        this.retryable = retryable;
    }

    int status() {
        return status;
    }

    boolean retryable() {
        return retryable;
    }

    /** Whether a status says "try again later": the platform or something in front of it is unavailable. */
    static boolean transientStatus(int status) {
        return status == 0 || status == 408 || status == 425 || status == 429 || status >= 500;
    }
}
