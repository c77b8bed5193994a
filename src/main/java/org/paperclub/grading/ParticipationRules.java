package org.paperclub.grading;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.paperclub.course.GradingPolicy;
import org.paperclub.course.GradingPolicy.MissingWork;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The participation grade (Cornell CS 6785, generalised by the course's {@link GradingPolicy}): three components,
 * each a percentage of its scale, combined by the policy's weights.
 * <ul>
 * <li>Main presentation: the average of the student's presentation grades.</li>
 * <li>Supporting roles: the average of the per-session role grades ("after each class, each team that performed in
 * a supporting role will get a grade, and the final grade for the supporting role will be the average").</li>
 * <li>Critiques: the best {@code required} critique grades, each times the share of points its late penalty kept.</li>
 * </ul>
 * Required items not (yet) graded count 0 under {@link MissingWork#ZERO}; under {@link MissingWork#EXCLUDED} they
 * are left out, and a component with nothing graded drops out of the weighted average (its weight with it).
 */
final class ParticipationRules {

    private ParticipationRules() {
    }

    /**
     * What the student has been given, as percentages of each scale (critiques with the late penalty applied), and
     * in how many coverage blocks they have a graded role: a block without one is what is missing of the roles.
     */
    record Graded(List<Double> presentations, List<Double> roles, List<Double> critiques, int roleBlocksGraded) {

        /** Every role in a block of its own. */
        Graded(List<Double> presentations, List<Double> roles, List<Double> critiques) {
            this(presentations, roles, critiques, roles.size());
        }
    }

    /** How many items of each kind the term asks of a student. */
    record Required(int presentations, int roles, int critiques) {
    }

    /** One component: its percentage (null when there is nothing to count), what was graded, required and counted. */
    @Serdeable
    record Component(@Nullable Double percent, int graded, int required, int counted) {
    }

    @Serdeable
    record Participation(Component presentation, Component roles, Component critiques, GradingPolicy.Weights weights,
                         MissingWork missing, @Nullable Double percent, List<String> explanation) {
    }

    private record Weighted(Component component, double weight) {
    }

    /** An item's share of its scale, times what the late penalty kept (100 for anything but a late critique). */
    static double percent(double points, double maxPoints, double keepPercent) {
        return maxPoints <= 0 ? 0 : points / maxPoints * keepPercent;
    }

    static Participation compute(GradingPolicy policy, Required required, Graded graded) {
        return compute(policy, required, graded, true);
    }

    /** With {@code explain} false the explanation stays empty: a summary of thousands of students shows none. */
    static Participation compute(GradingPolicy policy, Required required, Graded graded, boolean explain) {
        MissingWork missing = policy.missing();
        List<String> lines = explain ? new ArrayList<>() : null;
        GradingPolicy.Weights w = policy.weights();
        GradingPolicy.Names n = policy.named();
        Component presentation = average(n.presentation(), graded.presentations(), required.presentations(), -1, missing, false,
                w.presentation(), lines);
        Component roles = average(n.roles(), graded.roles(), required.roles(),
                Math.max(0, required.roles() - graded.roleBlocksGraded()), missing, false, w.roles(), lines);
        Component critiques = average(n.critiques(), graded.critiques(), required.critiques(), -1, missing, true, w.critiques(), lines);

        double sum = 0;
        double weights = 0;
        List<String> terms = new ArrayList<>();
        for (Weighted part : List.of(new Weighted(presentation, w.presentation()), new Weighted(roles, w.roles()),
                new Weighted(critiques, w.critiques()))) {
            if (part.weight() > 0 && part.component().percent() != null) {
                sum += part.component().percent() * part.weight();
                weights += part.weight();
                if (explain) {
                    terms.add(one(part.component().percent()) + " × " + GradingPolicy.number(part.weight()));
                }
            }
        }
        Double total = weights == 0 ? null : round(sum / weights);
        if (!explain) {
            return new Participation(presentation, roles, critiques, w, missing, total, List.of());
        }
        if (total == null) {
            lines.add("Participation: nothing graded yet.");
        } else {
            lines.add("Participation = (" + String.join(" + ", terms) + ") / " + GradingPolicy.number(weights) + " = " + one(total) + " %.");
        }
        return new Participation(presentation, roles, critiques, w, missing, total, lines);
    }

    /**
     * The average of a component. Critiques count the best {@code required} (extra critiques can only help); the
     * other kinds count every graded item, since a student who holds more roles than required was graded for each.
     * What is missing is {@code required} less what was graded, unless {@code missingItems} (0 or more) says: for the
     * roles, the blocks without a graded role, since extra roles in one block do not make up for another.
     */
    private static Component average(String name, List<Double> percents, int required, int missingItems, MissingWork missing,
                                     boolean bestOnly, double weight, @Nullable List<String> lines) {
        List<Double> sorted = percents.stream().sorted(Comparator.reverseOrder()).toList();
        List<Double> taken = bestOnly && required > 0 && sorted.size() > required ? sorted.subList(0, required) : sorted;
        int notGraded = missingItems >= 0 ? missingItems : Math.max(0, required - taken.size());
        int denominator = missing == MissingWork.ZERO ? taken.size() + notGraded : taken.size();
        if (denominator == 0) {
            if (lines != null && required == 0 && percents.isEmpty()) {
                // A course without roles (or presentations, or critiques) asks for none: its weight goes to the others.
                lines.add(name + ": none required in this course" + (weight > 0 ? "; its weight of " + GradingPolicy.number(weight)
                        + " is left out, so the other components make up the grade." : "."));
            } else if (lines != null) {
                lines.add(name + ": nothing to count yet" + (required > 0 ? " (" + required + " required)." : "."));
            }
            return new Component(null, percents.size(), required, 0);
        }
        double sum = taken.stream().mapToDouble(Double::doubleValue).sum();
        double percent = round(sum / denominator);
        if (lines == null) {
            return new Component(percent, percents.size(), required, denominator);
        }
        StringBuilder line = new StringBuilder(name).append(": ");
        if (taken.isEmpty()) {
            line.append("none graded");
        } else {
            line.append(taken.size() == 1 ? "1 grade (" : (bestOnly && taken.size() < percents.size() ? "the best " : "") + taken.size() + " grades (")
                    .append(String.join(", ", taken.stream().map(p -> one(p) + " %").toList())).append(")");
        }
        if (notGraded > 0) {
            line.append(missing == MissingWork.ZERO ? " and " + notGraded + " missing counted as 0"
                    : "; " + notGraded + " more required, left out until graded");
        }
        line.append(" → ").append(one(percent)).append(" %.");
        lines.add(line.toString());
        return new Component(percent, percents.size(), required, denominator);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
