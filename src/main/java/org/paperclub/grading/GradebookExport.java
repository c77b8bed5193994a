package org.paperclub.grading;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.paperclub.course.GradingPolicy;
import org.paperclub.grading.GradingViews.StudentLine;
import org.paperclub.grading.GradingViews.Summary;
import org.paperclub.people.RosterEntry;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The gradebook as CSV. The Canvas file follows Canvas's gradebook import: the columns Student, ID, SIS User ID,
 * SIS Login ID and Section, one column per component the course weighs (under the course's names for them) and
 * Participation, and a "Points Possible" row under the header.
 * ID and SIS User ID are Canvas's own ids, written back as a Canvas roster import gave them (empty when the roster
 * came from elsewhere; never guessed); SIS Login ID is the email the roster was imported with.
 */
@Singleton
class GradebookExport {

    private final GradeSheets sheets;

    GradebookExport(GradeSheets sheets) {
        this.sheets = sheets;
    }

    /** A component as the exports show it: the course's name for it, and its percentage in a student's line. */
    private record Part(String name, Function<StudentLine, Double> percent) {
    }

    /**
     * The components the course weighs, under the course's names for them, then Participation. A component of weight 0
     * counts toward nothing, so it has no column (a critiques-only course shows no empty "Supporting roles" column).
     */
    private static List<Part> parts(Summary summary) {
        GradingPolicy.Names n = summary.names();
        List<Part> parts = new ArrayList<>();
        if (summary.weights().presentation() > 0) {
            parts.add(new Part(n.presentation(), StudentLine::presentation));
        }
        if (summary.weights().roles() > 0) {
            parts.add(new Part(n.roles(), StudentLine::roles));
        }
        if (summary.weights().critiques() > 0) {
            parts.add(new Part(n.critiques(), StudentLine::critiques));
        }
        parts.add(new Part("Participation", StudentLine::participation));
        return parts;
    }

    String canvas(long courseId, boolean draftsToo) {
        // The roster the summary was made from: reading it again would cost a second query and sort of every name.
        GradeSheets.Gradebook book = sheets.gradebook(courseId, draftsToo);
        Summary summary = book.summary();
        Map<Long, RosterEntry> roster = book.people();
        List<Part> parts = parts(summary);
        return write(out -> {
            List<String> header = new ArrayList<>(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section"));
            parts.forEach(p -> header.add(p.name() + " (%)"));
            out.printRecord(header);
            List<String> possible = new ArrayList<>(List.of("    Points Possible", "", "", "", ""));
            parts.forEach(p -> possible.add("100"));
            out.printRecord(possible);
            for (StudentLine s : summary.students()) {
                RosterEntry e = roster.get(s.studentId());
                List<String> row = new ArrayList<>(List.of(cell(sortable(s.name())), cell(blank(e == null ? null : e.canvasUserId())),
                        cell(blank(e == null ? null : e.sisUserId())), cell(s.email()), cell(blank(s.section()))));
                parts.forEach(p -> row.add(number(p.percent().apply(s))));
                out.printRecord(row);
            }
        });
    }

    String breakdown(long courseId, boolean draftsToo) {
        Summary summary = sheets.summary(courseId, draftsToo);
        GradingPolicy.Names n = summary.names();
        GradingPolicy.Weights w = summary.weights();
        return write(out -> {
            List<String> header = new ArrayList<>(List.of("Student", "Email", "Section", "Enrollment"));
            if (w.presentation() > 0) {
                header.add(n.presentation() + " (%)");
            }
            header.addAll(List.of("Presentations graded", "Presentations required"));
            if (w.roles() > 0) {
                header.add(n.roles() + " (%)");
            }
            header.addAll(List.of("Roles graded", "Roles held", "Roles required"));
            if (w.critiques() > 0) {
                header.add(n.critiques() + " (%)");
            }
            header.addAll(List.of("Critiques handed in", "Critiques graded", "Critiques required", "Participation (%)",
                    "Not graded yet", "Flagged grades", "Draft grades"));
            out.printRecord(header);
            for (StudentLine s : summary.students()) {
                List<Object> row = new ArrayList<>(List.of(cell(s.name()), cell(s.email()), cell(blank(s.section())),
                        s.withdrawn() ? "withdrawn" : "enrolled"));
                if (w.presentation() > 0) {
                    row.add(number(s.presentation()));
                }
                row.addAll(List.of(s.presentationsGraded(), summary.required().presentations()));
                if (w.roles() > 0) {
                    row.add(number(s.roles()));
                }
                row.addAll(List.of(s.rolesGraded(), s.rolesHeld(), summary.required().roles()));
                if (w.critiques() > 0) {
                    row.add(number(s.critiques()));
                }
                row.addAll(List.of(s.critiquesAccepted(), s.critiquesGraded(), summary.required().critiques(),
                        number(s.participation()), s.ungraded(), s.flagged(), s.unpublished()));
                out.printRecord(row);
            }
        });
    }

    /** Canvas lists students as "Last, First"; a one-word name stays as it is. */
    static String sortable(String name) {
        String n = name.strip();
        int space = n.lastIndexOf(' ');
        return space < 0 || n.contains(",") ? n : n.substring(space + 1) + ", " + n.substring(0, space);
    }

    /**
     * Text from the roster, made safe for spreadsheets: a cell that starts with = + - @ (or a tab or return) would run
     * as a formula when the file is opened, so it is prefixed with an apostrophe, which spreadsheets show as text.
     */
    static String cell(String v) {
        return !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }

    private static String blank(@Nullable String v) {
        return v == null ? "" : v;
    }

    private static String number(@Nullable Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** What writes the rows of one CSV file. */
    private interface CsvRows {
        void write(CSVPrinter out) throws IOException;
    }

    private static String write(CsvRows rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter out = new CSVPrinter(text, CSVFormat.DEFAULT)) {
            rows.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
