package org.paperclub.course;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for a paper's link, used by the API and the course file: a web address ({@code http} or
 * {@code https} with a host), or a DOI or arXiv id, which is stored as its https address. Anything else
 * ({@code javascript:}, {@code data:}, relative or protocol-relative addresses) could run script or mislead
 * in the page where students click it, so it is refused.
 */
final class PaperLinks {

    static final String RULE = "must be a web address starting with http:// or https:// "
            + "(or a DOI such as 10.1145/3458817.3476209, or an arXiv id such as 1706.03762)";

    private static final Pattern DOI = Pattern.compile("(?i)(?:doi:\\s*)?(10\\.\\d{4,9}/\\S+)");
    private static final Pattern ARXIV = Pattern.compile("(?i)(?:arxiv:\\s*)?(\\d{4}\\.\\d{4,5}(?:v\\d+)?)");
    private static final Pattern OLD_ARXIV = Pattern.compile("(?i)arxiv:\\s*([a-z-]+(?:\\.[a-z-]+)?/\\d{7}(?:v\\d+)?)");
    private static final int MAX = 1000;

    private PaperLinks() {
    }

    /** The link as stored, or null when it is blank. Only call with a link that {@link #acceptable} passed. */
    static String normalize(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String s = link.strip();
        Matcher m;
        if ((m = DOI.matcher(s)).matches()) {
            return "https://doi.org/" + m.group(1);
        }
        if ((m = ARXIV.matcher(s)).matches() || (m = OLD_ARXIV.matcher(s)).matches()) {
            return "https://arxiv.org/abs/" + m.group(1);
        }
        return s;
    }

    /** Whether the link is blank or follows the rule. */
    static boolean acceptable(String link) {
        String s = normalize(link);
        return s == null || isWebAddress(s);
    }

    private static boolean isWebAddress(String s) {
        if (s.length() > MAX) {
            return false;
        }
        // Browsers drop tabs and line breaks inside a URL ("java\nscript:"): no control or space character at all.
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            }
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getRawAuthority() != null
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
