package org.paperclub.system;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * The order people expect names in: "Student 2" before "Student 10", letters compared as a reader would (case and
 * accents second), so that every list of people sorts alike. The page sorts the same way with
 * {@code Intl.Collator(undefined, {numeric: true})} (frontend/format.js, {@code byName}).
 */
public final class NaturalOrder implements Comparator<String> {

    /** Compares texts naturally; null sorts last. */
    public static final Comparator<String> TEXT = new NaturalOrder();

    /** RuleBasedCollator's compare is synchronized, so one instance serves every request. */
    private static final Collator COLLATOR = collator();

    private NaturalOrder() {
    }

    private static Collator collator() {
        Collator c = Collator.getInstance(Locale.ROOT);
        c.setStrength(Collator.SECONDARY);
        return c;
    }

    /** Sorts things by a name of theirs, naturally. */
    public static <T> Comparator<T> by(Function<? super T, String> name) {
        return Comparator.comparing(name, TEXT);
    }

    @Override
    public int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            boolean da = Character.isDigit(a.charAt(i));
            boolean db = Character.isDigit(b.charAt(j));
            int ei = run(a, i, da);
            int ej = run(b, j, db);
            int c;
            if (da && db) {
                c = numbers(a.substring(i, ei), b.substring(j, ej));
            } else {
                c = COLLATOR.compare(a.substring(i, ei), b.substring(j, ej));
            }
            if (c != 0) {
                return c;
            }
            i = ei;
            j = ej;
        }
        int left = Integer.compare(a.length() - i, b.length() - j);
        if (left != 0) {
            return left;
        }
        // Equal to a reader ("Ana" and "ana"): a fixed order all the same, so that a sort is stable across requests.
        return a.compareTo(b);
    }

    private static int run(String s, int from, boolean digits) {
        int k = from;
        while (k < s.length() && Character.isDigit(s.charAt(k)) == digits) {
            k++;
        }
        return k;
    }

    /** Two runs of digits by their value, however long; "007" after "7" when the values tie. */
    private static int numbers(String x, String y) {
        String a = x.replaceFirst("^0+(?=.)", "");
        String b = y.replaceFirst("^0+(?=.)", "");
        int c = a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        return c != 0 ? c : Integer.compare(x.length(), y.length());
    }
}
