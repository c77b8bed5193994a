package org.paperclub.lti;

/** The names of Assignment and Grade Services 2.0: scopes and media types, as the specification spells them. */
final class Ags {

    static final String SCOPE_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    static final String LINEITEM_CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    static final String LINEITEM = "application/vnd.ims.lis.v2.lineitem+json";
    static final String SCORE = "application/vnd.ims.lis.v1.score+json";

    private Ags() {
    }

    /** A service URL with a query parameter added, keeping the query it has (Moodle's line items URL has one). */
    static String withParam(String url, String name, String value) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        return base + (base.contains("?") ? "&" : "?") + name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A line item's scores endpoint: "/scores" added to the path of the line item's URL, its query kept (AGS 2.0, 3.4). */
    static String scoresOf(String lineItemUrl) {
        int q = lineItemUrl.indexOf('?');
        String path = q < 0 ? lineItemUrl : lineItemUrl.substring(0, q);
        String query = q < 0 ? "" : lineItemUrl.substring(q);
        return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/scores" + query;
    }
}
