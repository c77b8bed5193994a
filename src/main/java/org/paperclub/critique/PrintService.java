package org.paperclub.critique;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadMemoryMappedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.paperclub.course.ScheduleService;
import org.paperclub.course.ClassSession;
import org.paperclub.people.PeopleService;
import org.paperclub.system.ProblemException;

import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * All accepted critiques of a session (the latest version of each) merged into one PDF for printing, each page
 * headed with the student's name and the paper, so that a printed stack can be handed back and discussed.
 */
@Singleton
class PrintService {

    private final CritiqueRepository critiques;
    private final CritiqueVersionRepository versions;
    private final StoredFiles files;
    private final ScheduleService schedule;
    private final PeopleService people;

    PrintService(CritiqueRepository critiques, CritiqueVersionRepository versions, StoredFiles files,
                 ScheduleService schedule, PeopleService people) {
        this.critiques = critiques;
        this.versions = versions;
        this.files = files;
        this.schedule = schedule;
        this.people = people;
    }

    @Transactional(readOnly = true)
    StreamedFile merged(long courseId, long sessionId) {
        ClassSession session = schedule.requireSession(courseId, sessionId);
        List<Critique> items = critiques.findByCourseId(courseId).stream().filter(c -> c.sessionId().equals(sessionId)).toList();
        if (items.isEmpty()) {
            // The session exists: what is missing is a hand-in, so this is a conflict with its state, not a wrong address.
            throw ProblemException.conflict("There is nothing to print: nobody has handed in a critique for session "
                    + session.number() + " yet.");
        }
        Map<Long, String> names = people.namesOf(courseId);
        Map<Long, CritiqueVersion> latest = versions.findByCritiqueIdInOrderByVersion(items.stream().map(Critique::id).toList()).stream()
                .collect(Collectors.toMap(CritiqueVersion::critiqueId, Function.identity(), (a, b) -> a.version() >= b.version() ? a : b));
        List<Critique> ordered = new ArrayList<>(items);
        ordered.sort(org.paperclub.system.NaturalOrder.by(c -> names.getOrDefault(c.studentId(), "")));
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        // A session's hand-ins can add up to more than the heap (20 students × 5 MB against the recommended 128 MB heap):
        // each is read from a temporary file (memory-mapped), PDFBox buffers in temporary files past 1 MB, and the merged PDF is
        // written to a file and streamed from it, so the heap holds the documents' structure, not their bytes.
        Path dir = null;
        try {
            dir = Files.createTempDirectory("paperclub-print");
            MemoryUsageSetting buffers = MemoryUsageSetting.setupMixed(1L << 20).setTempDir(dir.toFile());
            Path merged = dir.resolve("merged.pdf");
            try (PDDocument out = new PDDocument(buffers.streamCache)) {
                List<PDDocument> sources = new ArrayList<>();
                try {
                    int n = 0;
                    for (Critique c : ordered) {
                        CritiqueVersion v = latest.get(c.id());
                        Path source = dir.resolve("source-" + (++n) + ".pdf");
                        // Copied chunk by chunk (StoredFiles): one chunk in the heap at a time, not the file.
                        try (InputStream in = files.open(v.id(), v.sizeBytes())) {
                            Files.copy(in, source);
                        }
                        // Memory-mapped: PDFBox's buffered file reader keeps 4 MB of pages per file in the heap.
                        PDDocument doc = Loader.loadPDF(new RandomAccessReadMemoryMappedFile(source), "", null, null, buffers.streamCache);
                        sources.add(doc);
                        String header = names.getOrDefault(c.studentId(), "?") + " — " + schedule.requirePaper(courseId, c.paperId()).title()
                                + " (session " + session.number() + ", version " + v.version() + (v.minutesLate() > 0 ? ", late" : "") + ")";
                        for (PDPage page : doc.getPages()) {
                            PDPage imported = out.importPage(page);
                            stamp(out, imported, font, header);
                        }
                    }
                    out.save(merged.toFile());
                } finally {
                    for (PDDocument d : sources) {
                        d.close();
                    }
                }
            }
            long length = Files.size(merged);
            InputStream in = Files.newInputStream(merged);
            deleteQuietly(dir);   // the open stream keeps the merged file readable until the answer is sent
            return new StreamedFile(in, MediaType.of("application/pdf"), System.currentTimeMillis(), length);
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new UncheckedIOException("The session's critiques could not be merged", e);
        } catch (RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    p.toFile().deleteOnExit();
                }
            });
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }

    private static void stamp(PDDocument doc, PDPage page, PDType1Font font, String header) throws IOException {
        PDRectangle box = page.getMediaBox();
        try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
            cs.beginText();
            cs.setFont(font, 8);
            cs.newLineAtOffset(box.getLowerLeftX() + 24, box.getUpperRightY() - 16);
            cs.showText(printable(font, header));
            cs.endText();
        }
    }

    /** The standard fonts cover Latin-1: other characters print as '?', rather than failing the whole stack. */
    private static String printable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        String s = out.toString();
        return s.length() > 140 ? s.substring(0, 140) + "…" : s;
    }
}
