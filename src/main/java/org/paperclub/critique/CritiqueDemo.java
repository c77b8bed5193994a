package org.paperclub.critique;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.paperclub.course.Course;
import org.paperclub.course.DemoSeeder;
import org.paperclub.course.ReadingKind;
import org.paperclub.course.ScheduleService;
import org.paperclub.course.ClassSession;
import org.paperclub.course.CourseViews.ReadingView;
import org.paperclub.course.CourseViews.SessionView;
import org.paperclub.course.SessionKind;
import org.paperclub.system.Sha256;
import org.paperclub.system.Dates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's critiques: for each session already past, most students handed in a one-page critique of one of its
 * assigned papers, on time. Written straight to the tables, because the upload's deadline check would refuse a
 * critique of a past session; each is a real PDF that opens and prints.
 */
@Singleton
class CritiqueDemo implements DemoSeeder {

    private final ScheduleService schedule;
    private final CritiqueRepository critiques;
    private final CritiqueVersionRepository versions;
    private final CritiqueFileRepository files;
    private final Clock clock;

    CritiqueDemo(ScheduleService schedule, CritiqueRepository critiques, CritiqueVersionRepository versions,
                 CritiqueFileRepository files, Clock clock) {
        this.schedule = schedule;
        this.critiques = critiques;
        this.versions = versions;
        this.files = files;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    @Transactional
    public void seed(Course course, List<Long> students, long instructorId, long taId) {
        if (course.critiquesRequired() == 0) {
            return;
        }
        Instant now = clock.instant();
        Map<String, byte[]> pdfs = new HashMap<>();
        for (SessionView s : schedule.schedule(course.id())) {
            List<ReadingView> assigned = s.readings().stream().filter(r -> r.kind() == ReadingKind.ASSIGNED).toList();
            ZonedDateTime due = s.startsAt().atZoneSameInstant(course.zone()).minusMinutes(course.deadlineOffsetMinutes());
            if (s.kind() == SessionKind.NO_CLASS || assigned.isEmpty() || !due.toInstant().isBefore(now)) {
                continue;
            }
            for (int i = 0; i < students.size(); i++) {
                if ((i + s.number()) % 4 == 0) {
                    continue;   // about one student in four skips a session: the term has gaps to see
                }
                ReadingView paper = assigned.get(i % assigned.size());
                Instant uploaded = due.toInstant().minus(Duration.ofMinutes(30 + (i * 97L + s.number() * 13L) % (36 * 60)));
                byte[] pdf = pdfs.computeIfAbsent(paper.paper().title(), CritiqueDemo::pdf);
                Critique c = critiques.save(new Critique(null, course.id(), s.id(), paper.paperId(), students.get(i), 1, uploaded));
                CritiqueVersion v = versions.save(new CritiqueVersion(null, c.id(), 1, uploaded, students.get(i),
                        "critique.pdf", Sha256.hex(pdf), pdf.length, 1, 420, 0, 0, 100,
                        "On time (due " + Dates.WHEN.format(due) + ").", null));
                files.save(new CritiqueFile(v.id(), pdf));
            }
        }
    }

    private static byte[] pdf(String paper) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(font, 11);
                cs.setLeading(14);
                cs.newLineAtOffset(60, 720);
                cs.showText("Critique of \"" + ascii(paper) + "\" (a demo critique)");
                cs.newLine();
                cs.newLine();
                for (String line : List.of("Summary. The paper asks how far its method scales and answers with careful experiments.",
                        "Its main claim is that the gains come from the data rather than from the architecture.",
                        "", "Critique. The baselines are strong, but the ablations leave open which part matters most.",
                        "A smaller-scale replication would make the argument easier to check.")) {
                    cs.showText(line);
                    cs.newLine();
                }
                cs.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standard PDF fonts cover Latin-1 only; the demo's titles are plain enough for that. */
    private static String ascii(String text) {
        String t = text.length() > 70 ? text.substring(0, 67) + "..." : text;
        return t.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
