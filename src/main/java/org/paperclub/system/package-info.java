/**
 * What every feature shares and none owns: problem+json errors and the mapping of database refusals, strict JSON
 * reading, the text and date rules ({@link org.paperclub.system.Text}), security headers and the
 * Content-Security-Policy, the clock, durable H2 commits, the 408 for stalled requests, OpenAPI.
 * <p>
 * Depends on no feature package ({@code ArchitectureTest}).
 */
package org.paperclub.system;
