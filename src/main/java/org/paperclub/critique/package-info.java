/**
 * One-page critique uploads: the PDF checks ({@link org.paperclub.critique.PdfInspector}), deadlines, extensions and
 * the late policy ({@link org.paperclub.critique.DeadlineRules}: the deadline with extensions, grace left, the policy
 * applied), the per-session limit ({@link org.paperclub.critique.CritiqueRules}), versions, receipts, downloads and
 * the print PDF.
 * <p>
 * Owns {@code critique}, {@code critique_version}, {@code critique_file}, {@code extension}. Uses {@code course},
 * {@code people}, {@code notify} (extensions granted), {@code system}; others read it through {@link org.paperclub.critique.CritiqueLedger}.
 */
package org.paperclub.critique;
