package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.paperclub.system.Text;

/**
 * How a course grades participation (after the Cornell CS 6785 syllabus): a scale per kind of item, the weights of
 * the three components (default: main presentation 50 %, the average of the supporting-role grades 50 %,
 * critiques shown as their own component with weight 0), what missing work counts as, and how many days after a
 * grade is published a student may ask for a regrade. {@code names}: what the syllabus calls each component ("In-class
 * Presentation", "Reading and Review"); left out, or any part of it, the defaults of {@link Names#DEFAULTS}.
 */
@Serdeable
public record GradingPolicy(Scale presentationScale, Scale roleScale, Scale critiqueScale, Weights weights,
                            MissingWork missing, int regradeWindowDays, @Nullable Names names) {

    /** The six parts without names: each component is called by its default name. */
    public GradingPolicy(Scale presentationScale, Scale roleScale, Scale critiqueScale, Weights weights, MissingWork missing,
                         int regradeWindowDays) {
        this(presentationScale, roleScale, critiqueScale, weights, missing, regradeWindowDays, null);
    }

    /** The names of the three components, as the gradebook, the summary and a student's grades page show them. */
    @Serdeable
    public record Names(@Nullable String presentation, @Nullable String roles, @Nullable String critiques) {

        public static final Names DEFAULTS = new Names("Main presentation", "Supporting roles", "Critiques");

        /** Each name given, or its default. */
        public Names orDefaults() {
            return new Names(given(presentation, DEFAULTS.presentation), given(roles, DEFAULTS.roles),
                    given(critiques, DEFAULTS.critiques));
        }

        private static String given(String name, String fallback) {
            return name == null || name.isBlank() ? fallback : name.strip();
        }

        List<String> problems() {
            List<String> out = new ArrayList<>();
            for (String name : java.util.Arrays.asList(presentation, roles, critiques)) {
                if (name != null && name.strip().length() > 60) {
                    out.add("a component's name must be at most 60 characters: " + name.strip().substring(0, 20) + "…");
                } else if (name != null && org.paperclub.system.Text.singleLine(name) != null) {
                    out.add("a component's name " + org.paperclub.system.Text.singleLine(name));
                }
            }
            return out;
        }
    }

    /** The components' names, the defaults where none is given. */
    public Names named() {
        return names == null ? Names.DEFAULTS : names.orDefaults();
    }

    /** ZERO: every required item not (yet) graded counts 0. EXCLUDED: it is left out until it is graded. */
    public enum MissingWork { ZERO, EXCLUDED }

    public enum ScaleType { POINTS, MARKS }

    /** A mark such as ✓+ and the points it stands for. */
    @Serdeable
    public record Mark(String label, double points) {
    }

    /** Points from 0 to {@code max}, or a list of marks (their highest points is the maximum). */
    @Serdeable
    public record Scale(ScaleType type, @Nullable Double max, @Nullable List<Mark> marks) {

        /** On a mark scale {@code max} is always the highest mark's points, so readers need not work it out. */
        public Scale {
            if (type == ScaleType.MARKS && marks != null && !marks.isEmpty() && marks.stream().allMatch(m -> m != null)) {
                max = marks.stream().mapToDouble(Mark::points).max().orElse(0);
            }
            if (marks == null) {
                marks = List.of();
            }
        }

        public static Scale points(double max) {
            return new Scale(ScaleType.POINTS, max, List.of());
        }

        public static Scale checkMarks() {
            return new Scale(ScaleType.MARKS, 3.0, List.of(new Mark("✓-", 1), new Mark("✓", 2), new Mark("✓+", 3)));
        }

        public double maxPoints() {
            if (type == ScaleType.MARKS) {
                return marks == null ? 0 : marks.stream().mapToDouble(Mark::points).max().orElse(0);
            }
            return max == null ? 0 : max;
        }

        public Optional<Mark> mark(String label) {
            return marks == null ? Optional.empty() : marks.stream().filter(m -> m.label().equals(label.strip())).findFirst();
        }

        /** How the scale reads in an error message: "0 to 10 points" or "✓- (1), ✓ (2), ✓+ (3)". */
        public String describe() {
            if (type == ScaleType.MARKS) {
                return String.join(", ", marks.stream().map(m -> m.label() + " (" + number(m.points()) + ")").toList());
            }
            return "0 to " + number(maxPoints()) + " points";
        }

        List<String> problems(String name) {
            List<String> out = new ArrayList<>();
            if (type == null) {
                out.add(name + " needs a type, POINTS or MARKS");
            } else if (type == ScaleType.POINTS && (max == null || max <= 0 || max > 1000)) {
                out.add(name + " on POINTS needs a max between 0 and 1000 (exclusive of 0)");
            } else if (type == ScaleType.MARKS) {
                if (marks == null || marks.isEmpty() || marks.size() > 20) {
                    out.add(name + " on MARKS needs 1 to 20 marks");
                } else {
                    Set<String> seen = new HashSet<>();
                    for (Mark m : marks) {
                        if (m == null || m.label() == null || m.label().isBlank() || m.label().strip().length() > 20) {
                            out.add(name + ": every mark needs a label of 1 to 20 characters");
                        } else if (Text.singleLine(m.label()) != null) {
                            out.add(name + ": a mark's label " + Text.singleLine(m.label()));
                        } else if (!seen.add(m.label().strip())) {
                            out.add(name + ": the mark " + m.label() + " is listed twice");
                        } else if (m.points() < 0 || m.points() > 1000) {
                            out.add(name + ": the mark " + m.label() + " needs points between 0 and 1000");
                        }
                    }
                    if (maxPoints() <= 0) {
                        out.add(name + ": at least one mark must be worth more than 0 points");
                    }
                }
            }
            return out;
        }
    }

    /** Percent weights of the components; they need not add up to 100 (the grade divides by their sum). */
    @Serdeable
    public record Weights(double presentation, double roles, double critiques) {
        public double sum() {
            return presentation + roles + critiques;
        }
    }

    public static GradingPolicy defaults() {
        return new GradingPolicy(Scale.points(10), Scale.checkMarks(), Scale.checkMarks(), new Weights(50, 50, 0),
                MissingWork.EXCLUDED, 7);
    }

    /** A policy that cannot grade anything is refused when the course is saved, with the reasons. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        if (presentationScale == null || roleScale == null || critiqueScale == null) {
            out.add("presentationScale, roleScale and critiqueScale are all needed");
        } else {
            out.addAll(presentationScale.problems("presentationScale"));
            out.addAll(roleScale.problems("roleScale"));
            out.addAll(critiqueScale.problems("critiqueScale"));
        }
        if (weights == null) {
            out.add("weights are needed (presentation, roles, critiques in percent)");
        } else if (!(weights.presentation() >= 0 && weights.roles() >= 0 && weights.critiques() >= 0)
                || weights.presentation() > 1000 || weights.roles() > 1000 || weights.critiques() > 1000 || weights.sum() <= 0) {
            out.add("weights must be between 0 and 1000 and not all 0");
        }
        if (missing == null) {
            out.add("missing must be ZERO or EXCLUDED");
        }
        if (regradeWindowDays < 0 || regradeWindowDays > 365) {
            out.add("regradeWindowDays must be between 0 and 365");
        }
        if (names != null) {
            out.addAll(names.problems());
        }
        return out;
    }

    public static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v).replaceAll("0$", "");
    }
}
