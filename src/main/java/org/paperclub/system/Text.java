package org.paperclub.system;

import io.micronaut.core.annotation.Nullable;

/**
 * The one rule for text people type: no control characters (C0, DEL, C1: a NUL or an escape sequence breaks
 * exports, printing and terminals, and is never meant) and no lone UTF-16 surrogates (not a character at all; the
 * database or a CSV reader would mangle it). Free text — descriptions, comments, reasons — may keep its line breaks
 * and tabs; a single-line field (a title, a name, a topic) may not, nor the invisible characters that change how
 * it reads: the bidi embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069; an override makes
 * "fdp.exe" show as "exe.pdf"), the line and paragraph separators U+2028/U+2029 and U+FEFF. The zero-width
 * (non-)joiners U+200C/U+200D stay: Persian and Indic names are spelled with them.
 */
public final class Text {

    private Text() {
    }

    /** What is wrong with a single-line value, or null when nothing is. */
    @Nullable
    public static String singleLine(@Nullable CharSequence value) {
        return problem(value, false);
    }

    /** What is wrong with a free-text value (line breaks and tabs allowed), or null when nothing is. */
    @Nullable
    public static String freeText(@Nullable CharSequence value) {
        return problem(value, true);
    }

    @Nullable
    private static String problem(@Nullable CharSequence value, boolean multiline) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "holds a broken character (a lone UTF-16 surrogate at position " + (i + 1) + ")";
            } else if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            } else if (!multiline && invisible(c)) {
                return "must not hold invisible characters that change its direction or break its line"
                        + String.format(" (U+%04X at position %d)", (int) c, i + 1);
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return "must not hold control characters" + (multiline ? " other than line breaks and tabs" : " or line breaks")
                        + String.format(" (U+%04X at position %d)", (int) c, i + 1);
            }
        }
        return null;
    }

    private static boolean invisible(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029'
                || c == '\uFEFF';
    }
}
