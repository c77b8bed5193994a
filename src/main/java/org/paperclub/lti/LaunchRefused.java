package org.paperclub.lti;

/**
 * A launch (or a step after it) that Paperclub will not finish: {@code sentence} is for the person in front of the LMS,
 * {@code detail} for the administrator who reads it out to whoever runs the platform. Nothing has been written when
 * this is thrown.
 */
class LaunchRefused extends RuntimeException {

    private final int status;
    private final String sentence;
    private final String detail;

    LaunchRefused(int status, String sentence, String detail) {
        super(detail);
        this.status = status;
        this.sentence = sentence;
        this.detail = detail;
    }

    /** A launch whose id_token or login cannot be trusted: the same sentence for every such case, its own detail. */
    static LaunchRefused untrusted(String detail) {
        return new LaunchRefused(401, "Paperclub could not confirm this launch from your LMS, so it did not sign you in. "
                + "Go back to your course in the LMS and open Paperclub again; if this keeps happening, tell your LMS administrator.",
                detail);
    }

    static LaunchRefused bad(String sentence, String detail) {
        return new LaunchRefused(400, sentence, detail);
    }

    int status() {
        return status;
    }

    String sentence() {
        return sentence;
    }

    String detail() {
        return detail;
    }
}
