package org.paperclub.critique;

import jakarta.inject.Singleton;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * The checks of an uploaded critique file that PDFBox answers: a real, openable, unencrypted PDF of at most the
 * page limit, no page larger than US Letter or A4 (one tall page is not one page), and the warnings a reader
 * would give (no text: a scan?; far from one page's worth of words; not two paragraphs). Parsing runs on a small
 * dedicated pool, with a cap on what it buffers (past 4 MB in a temporary file), and under a time limit, so that a hostile file costs a bounded effort.
 */
@Singleton
class PdfInspector {

    /** A page narrower than an inch (a 0 × 0 media box, a sliver) holds no readable critique; NaN fails too. */
    static final float MIN_SIDE = 72;
    /** US Letter is 612 × 792 points, A4 595.3 × 841.9: the larger of each side, plus 3 % for rounding. */
    static final float MAX_SHORT_SIDE = 612f * 1.03f;
    static final float MAX_LONG_SIDE = 841.9f * 1.03f;
    static final int MIN_WORDS = 250;
    static final int MAX_WORDS = 1000;
    /** What one parse may buffer in all; past {@link #PARSE_HEAP} it goes to a temporary file, not the heap. */
    private static final long PARSE_MEMORY = 64L * 1024 * 1024;
    private static final long PARSE_HEAP = 4L * 1024 * 1024;
    private static final long TIME_LIMIT_MS = 10_000;

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "pdf-inspector");
        t.setDaemon(true);
        return t;
    });

    /** What the file is, or why it is refused ({@code failures}); warnings never refuse. */
    record Inspection(int pages, int words, int paragraphs, List<String> failures, List<String> warnings) {
        boolean accepted() {
            return failures.isEmpty();
        }

        static Inspection refused(String why) {
            return new Inspection(0, 0, 0, List.of(why), List.of());
        }
    }

    Inspection inspect(byte[] file, int maxPages) {
        return start(file, maxPages).result();
    }

    /**
     * Starts the checks on the pool and returns at once, so that the caller can read what else it needs meanwhile:
     * the parse is most of an upload's time, and the database's reads most of the rest. The caller must end it:
     * {@link Pending#result()}, or {@link Pending#close()} when it no longer wants the answer.
     */
    Pending start(byte[] file, int maxPages) {
        if (file.length == 0) {
            return new Pending(Inspection.refused("The file is empty."));
        }
        if (!startsWithPdfHeader(file)) {
            return new Pending(Inspection.refused("The file is not a PDF (it does not start with %PDF-). Export or print your critique as PDF."));
        }
        Pending pending = new Pending(System.nanoTime());
        pending.work = pool.submit(() -> {
            if (!pending.begun.compareAndSet(false, true)) {
                return null;   // closed before it began: nobody wants the answer
            }
            try {
                return parse(file, maxPages);
            } finally {
                pending.ended.countDown();
            }
        });
        return pending;
    }

    /** Checks under way (or already answered). */
    static final class Pending implements AutoCloseable {
        private final Inspection answered;
        private final long started;
        /** Claimed by the parse when it begins, or by {@link #close} to keep it from beginning: one of them wins. */
        private final AtomicBoolean begun = new AtomicBoolean();
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile Future<Inspection> work;

        private Pending(Inspection answered) {
            this.answered = answered;
            this.started = 0;
        }

        private Pending(long started) {
            this.answered = null;
            this.started = started;
        }

        /** The answer, once the checks are done; the time limit counts from {@link #start}. */
        Inspection result() {
            if (work == null) {
                return answered;
            }
            try {
                return work.get(left(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                work.cancel(true);
                return Inspection.refused("The PDF could not be checked within " + TIME_LIMIT_MS / 1000
                        + " seconds; it is probably damaged. Export it again and upload the new file.");
            } catch (ExecutionException e) {
                return Inspection.refused("The PDF could not be read (" + brief(e.getCause()) + "). Export it again and upload the new file.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Inspection.refused("The check was interrupted; please upload again.");
            }
        }

        private long left() {
            return Math.max(0, TIME_LIMIT_MS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }

        /**
         * Not wanted any more (the upload was refused for another reason): kept from beginning if it has not, otherwise
         * waited for, within the time limit. PDFBox cannot be interrupted, and the file's bytes are in the heap until
         * the parse ends: the upload must not give back its share of the upload memory before that, nor leave work
         * behind in the pool.
         */
        @Override
        public void close() {
            if (work == null || work.isDone() && ended.getCount() == 0) {
                return;
            }
            if (begun.compareAndSet(false, true)) {
                work.cancel(false);
                return;
            }
            try {
                ended.await(left(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static boolean startsWithPdfHeader(byte[] file) {
        return file.length >= 5 && new String(file, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
    }

    /** The checks themselves, on the calling thread and without the time limit: for {@link #inspect} (and its benchmark). */
    static Inspection parse(byte[] file, int maxPages) {
        try (PDDocument doc = Loader.loadPDF(file, "", null, null, MemoryUsageSetting.setupMixed(PARSE_HEAP, PARSE_MEMORY).streamCache)) {
            List<String> failures = new ArrayList<>();
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                return Inspection.refused("The PDF has no pages.");
            }
            if (pages > maxPages) {
                failures.add("The PDF has " + pages + " pages; a critique has at most " + maxPages + (maxPages == 1 ? " page." : " pages."));
            }
            // The declared /Count can lie (a two-page critique declared as one, a node that is its own kid):
            // the pages actually reachable must agree with it.
            int reachable = 0;
            for (PDPage ignored : doc.getPages()) {
                if (++reachable > pages + 1) {
                    break;
                }
            }
            if (reachable != pages) {
                return Inspection.refused("The PDF's page tree is damaged (it declares " + pages + (pages == 1 ? " page" : " pages")
                        + " but holds " + (reachable > pages ? "more" : String.valueOf(reachable)) + "). Export it again and upload the new file.");
            }
            int index = 0;
            for (PDPage page : doc.getPages()) {
                index++;
                if (index > maxPages + 1) {
                    break;
                }
                // What a viewer shows and a printer prints is the crop box clipped to the media box, not the media box:
                // a Letter page with /CropBox [0 0 0 0] shows nothing. A crop box off the page clips to a negative size.
                PDRectangle media = page.getMediaBox();
                PDRectangle box = page.getCropBox();
                float w = Math.min(Math.abs(media.getWidth()), Math.max(0, box.getWidth()));
                float h = Math.min(Math.abs(media.getHeight()), Math.max(0, box.getHeight()));
                float shortSide = Math.min(w, h);
                float longSide = Math.max(w, h);
                if (!(shortSide >= MIN_SIDE)) {
                    failures.add(String.format(Locale.ROOT, "Page %d is %.1f × %.1f cm: that is not a real page. Export the "
                            + "critique again on US Letter or A4 paper.", index, w / 72 * 2.54, h / 72 * 2.54));
                } else if (shortSide > MAX_SHORT_SIDE || longSide > MAX_LONG_SIDE) {
                    failures.add(String.format(Locale.ROOT, "Page %d is %.1f × %.1f cm, larger than US Letter or A4: "
                            + "one tall page is not one page.", index, w / 72 * 2.54, h / 72 * 2.54));
                }
            }
            if (!failures.isEmpty()) {
                return new Inspection(pages, 0, 0, failures, List.of());
            }
            String tooBig = oversizedContent(doc, maxPages);
            if (tooBig != null) {
                return new Inspection(pages, 0, 0, List.of(tooBig), List.of());
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(maxPages);
            stripper.setParagraphStart("\u2029");
            String text = stripper.getText(doc);
            int words = countWords(text);
            int paragraphs = countParagraphs(text);
            List<String> warnings = new ArrayList<>();
            if (words == 0) {
                warnings.add("No text could be read from the PDF: is it a scan? Readers and search will not see its words.");
            } else {
                if (words < MIN_WORDS) {
                    warnings.add("It has " + words + " words, far fewer than a page holds (" + MIN_WORDS + " or more is usual).");
                } else if (words > MAX_WORDS) {
                    warnings.add("It has " + words + " words, more than fits a readable page (" + MAX_WORDS + " at most is usual).");
                }
                if (paragraphs < 2) {
                    warnings.add("It does not seem to have two paragraphs: a summary, then your critical insight or questions.");
                }
            }
            return new Inspection(pages, words, paragraphs, List.of(), warnings);
        } catch (InvalidPasswordException e) {
            return Inspection.refused("The PDF is protected by a password. Upload it without protection.");
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return Inspection.refused("The PDF could not be read (" + brief(e) + "). Export it again and upload the new file.");
        }
    }

    /** A page's content unpacks to a few hundred KB at most; a "zip bomb" unpacks to gigabytes of nothing. */
    static final long MAX_UNPACKED_CONTENT = 8L * 1024 * 1024;

    /**
     * Unpacks, up to a cap, the streams the text extraction would read (page contents and form XObjects), so that
     * a stream inflating to gigabytes is refused in milliseconds instead of keeping a parser busy for minutes.
     */
    private static String oversizedContent(PDDocument doc, int maxPages) throws IOException {
        long[] budget = {MAX_UNPACKED_CONTENT};
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int index = 0;
        for (PDPage page : doc.getPages()) {
            if (++index > maxPages) {
                break;
            }
            COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
            List<COSBase> streams = new ArrayList<>();
            if (contents instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    streams.add(array.getObject(i));
                }
            } else if (contents != null) {
                streams.add(contents);
            }
            collectForms(page.getResources(), streams, seen, 0);
            for (COSBase base : streams) {
                if (base instanceof COSStream stream) {
                    // PDFBox unpacks all but the last of stacked filters into memory, unbounded: refuse them here.
                    COSBase filters = stream.getFilters();
                    if (filters instanceof COSArray list && list.size() > 1) {
                        return "The PDF's page content is packed with " + list.size() + " stacked filters, which no ordinary "
                                + "PDF export produces; it is damaged or hostile. Export it again and upload the new file.";
                    }
                    String problem = unpackWithin(stream, budget);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Counts what the stream unpacks to, stopping at the budget. PDFBox's own createInputStream() would first
     * unpack the whole stream into memory, so Flate (what every PDF export uses) is inflated here, streaming;
     * the ASCII filters only shrink; any other filter on page content is allowed only on a small stream.
     */
    private static String unpackWithin(COSStream stream, long[] budget) throws IOException {
        COSBase filters = stream.getFilters();
        COSBase filter = filters instanceof COSArray list && list.size() == 1 ? list.getObject(0) : filters;
        String tooBig = "The PDF's page content unpacks to more than " + MAX_UNPACKED_CONTENT / (1024 * 1024)
                + " MB, far more than a page of text; it is damaged or hostile.";
        if (filter == null || COSName.ASCII_HEX_DECODE.equals(filter) || COSName.ASCII85_DECODE.equals(filter)) {
            budget[0] -= stream.getLength();
            return budget[0] < 0 ? tooBig : null;
        }
        if (COSName.FLATE_DECODE.equals(filter)) {
            Inflater inflater = new Inflater();
            try (InputStream raw = stream.createRawInputStream();
                 InputStream in = new InflaterInputStream(raw, inflater, 64 * 1024)) {
                byte[] chunk = new byte[64 * 1024];
                for (int n; (n = in.read(chunk)) > 0; ) {
                    budget[0] -= n;
                    if (budget[0] < 0) {
                        return tooBig;
                    }
                }
            } catch (ZipException | EOFException e) {
                // A damaged Flate stream ends early: the text extraction reads what it can, as readers do.
            } finally {
                inflater.end();
            }
            return null;
        }
        if (stream.getLength() > 4096) {
            return "The PDF's page content uses an unusual compression (" + filter + "); export it again as an ordinary PDF.";
        }
        return null;
    }

    private static void collectForms(PDResources resources, List<COSBase> out,
                                     Set<COSBase> seen, int depth) {
        if (resources == null || depth > 3) {
            return;
        }
        COSDictionary xobjects = resources.getCOSObject().getCOSDictionary(COSName.XOBJECT);
        if (xobjects == null) {
            return;
        }
        for (COSName name : xobjects.keySet()) {
            COSBase x = xobjects.getDictionaryObject(name);
            if (x instanceof COSStream stream && !seen.contains(stream)
                    && COSName.FORM.equals(stream.getCOSName(COSName.SUBTYPE))) {
                seen.add(stream);
                out.add(stream);
                COSBase inner = stream.getDictionaryObject(COSName.RESOURCES);
                if (inner instanceof COSDictionary dict) {
                    collectForms(new PDResources(dict), out, seen, depth + 1);
                }
            }
        }
    }

    static int countWords(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    /** Where the text stripper starts a paragraph, or a blank line: compiled once, not on every upload. */
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\u2029|\\n\\s*\\n");

    static int countParagraphs(String text) {
        int count = 0;
        for (String block : PARAGRAPH_BREAK.split(text)) {
            if (countWords(block) >= 5) {
                count++;
            }
        }
        return count;
    }

    private static String brief(Throwable e) {
        String m = e == null ? "unknown error" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 120 ? m.substring(0, 120) + "…" : m;
    }
}
