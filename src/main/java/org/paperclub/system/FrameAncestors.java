package org.paperclub.system;

import java.util.Set;

/**
 * Other sites that may show the app in a frame: the LMSs that launch Paperclub (the lti package knows them). Asked by
 * {@link SecurityHeadersFilter} for the app's page only; every other answer keeps refusing frames.
 */
public interface FrameAncestors {

    /** Origins ({@code https://lms.example.edu}) in the form a CSP source takes; answered from memory, never blocking long. */
    Set<String> origins();
}
