package org.paperclub.system;

import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * Sorts things by a name of theirs, naturally. Each name is cut into its runs once, per comparator: comparing two
     * names afresh took a tenth of the gradebook's CPU for 2,000 students (the collator compares under a lock). So
     * make one comparator per sort and do not share it between threads.
     */
    public static <T> Comparator<T> by(Function<? super T, String> name) {
        Map<String, Key> keys = new HashMap<>();
        return (a, b) -> {
            String x = name.apply(a);
            String y = name.apply(b);
            if (x == null || y == null) {
                return TEXT.compare(x, y);
            }
            return keys.computeIfAbsent(x, Key::new).compareTo(keys.computeIfAbsent(y, Key::new));
        };
    }

    /**
     * A name cut into its runs of digits and of other characters, each text run with its collation key: compares as
     * {@link #compare} does, without the collator.
     */
    static final class Key implements Comparable<Key> {
        private final String text;
        private final List<String> runs = new ArrayList<>();
        private final List<CollationKey> collated = new ArrayList<>();
        private final List<Boolean> digits = new ArrayList<>();

        Key(String text) {
            this.text = text;
            int i = 0;
            while (i < text.length()) {
                boolean d = Character.isDigit(text.charAt(i));
                int e = run(text, i, d);
                String r = text.substring(i, e);
                runs.add(r);
                digits.add(d);
                collated.add(COLLATOR.getCollationKey(r));
                i = e;
            }
        }

        @Override
        public int compareTo(Key o) {
            int n = Math.min(runs.size(), o.runs.size());
            for (int k = 0; k < n; k++) {
                int c = digits.get(k) && o.digits.get(k) ? numbers(runs.get(k), o.runs.get(k))
                        : collated.get(k).compareTo(o.collated.get(k));
                if (c != 0) {
                    return c;
                }
            }
            int left = Integer.compare(runs.size(), o.runs.size());
            return left != 0 ? left : text.compareTo(o.text);
        }
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
