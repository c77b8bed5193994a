package org.paperclub.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;

/** Critique PDFs made on the spot with PDFBox: the good one and each way a file can be wrong. */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** A one-page, two-paragraph critique of about 600 words on US Letter: what a student should upload. */
    public static byte[] goodCritique() {
        return pages(PDRectangle.LETTER, 1, 300, true, null);
    }

    /** A good critique whose text carries {@code byline}, so that every such file has its own SHA-256. */
    public static byte[] goodCritique(String byline) {
        return pages(PDRectangle.LETTER, 1, 300, true, null, byline);
    }

    /** A real one-page critique with a large photo-like image (incompressible bytes) drawn below its text. */
    public static byte[] heavyCritique(String byline, int imageBytes, long seed) {
        try (PDDocument doc = Loader.loadPDF(goodCritique(byline)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int side = (int) Math.sqrt(imageBytes / 3.0);
            byte[] pixels = new byte[side * side * 3];
            new Random(seed).nextBytes(pixels);
            PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(pixels), null, side, side, 8, PDDeviceRGB.INSTANCE);
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs.drawImage(image, 400, 40, 150, 150);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] twoPages() {
        return pages(PDRectangle.LETTER, 2, 300, true, null);
    }

    /** One page of 0 × 0 points (a media box of nothing) holding a whole critique's text. */
    public static byte[] zeroSizePage() {
        return pages(new PDRectangle(0, 0), 1, 300, true, null);
    }

    /** One page 1 point wide. */
    public static byte[] sliverPage() {
        return pages(new PDRectangle(1, 792), 1, 300, true, null);
    }

    /** A US Letter page of text whose crop box is {@code crop}: what a viewer shows and prints is the crop box. */
    public static byte[] letterCroppedTo(PDRectangle crop) {
        try (PDDocument doc = Loader.loadPDF(letter()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getPage(0).setCropBox(crop);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] letter() {
        return pages(PDRectangle.LETTER, 1, 300, true, null);
    }

    /** One page 70 cm tall: a whole essay on "one page". */
    public static byte[] tallPage() {
        return pages(new PDRectangle(612, 2000), 1, 300, true, null);
    }

    public static byte[] a4() {
        return pages(PDRectangle.A4, 1, 300, true, null);
    }

    public static byte[] encrypted() {
        return pages(PDRectangle.LETTER, 1, 300, true, "secret");
    }

    /** A page with no text at all, as a scan would be. */
    public static byte[] noText() {
        return pages(PDRectangle.LETTER, 1, 0, false, null);
    }

    public static byte[] oneParagraph() {
        return pages(PDRectangle.LETTER, 1, 600, false, null);
    }

    public static byte[] truncated() {
        byte[] good = goodCritique();
        return Arrays.copyOf(good, good.length / 3);
    }

    public static byte[] notAPdf() {
        return "This is my critique, typed in a text editor and saved as critique.pdf.\n".getBytes();
    }

    private static byte[] pages(PDRectangle size, int count, int wordsPerParagraph, boolean twoParagraphs, String password) {
        return pages(size, count, wordsPerParagraph, twoParagraphs, password, null);
    }

    private static byte[] pages(PDRectangle size, int count, int wordsPerParagraph, boolean twoParagraphs, String password,
                                String byline) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            for (int p = 0; p < count; p++) {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    if (wordsPerParagraph == 0) {
                        cs.addRect(72, 72, 200, 300);
                        cs.fill();
                        continue;
                    }
                    cs.beginText();
                    cs.setFont(font, 9);
                    cs.setLeading(10.5f);
                    cs.newLineAtOffset(54, size.getHeight() - 54);
                    if (byline != null) {
                        cs.showText(byline);
                        cs.newLine();
                    }
                    paragraph(cs, "Summary. The paper studies attention as the only mechanism of a sequence model", wordsPerParagraph);
                    if (twoParagraphs) {
                        cs.newLine();
                        paragraph(cs, "Critique. The experiments leave open whether the gains come from scale", wordsPerParagraph);
                    }
                    cs.endText();
                }
            }
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(PDPageContentStream cs, String opening, int words) throws IOException {
        StringBuilder line = new StringBuilder(opening);
        int written = opening.split(" ").length;
        String[] filler = {"results", "model", "training", "data", "scale", "method", "baseline", "evaluation", "question", "claim"};
        while (written < words) {
            line.append(' ').append(filler[written % filler.length]);
            written++;
            if (line.length() > 105) {
                cs.showText(line.toString());
                cs.newLine();
                line.setLength(0);
                line.append(filler[written % filler.length]);
                written++;
            }
        }
        cs.showText(line.toString());
        cs.newLine();
    }
}
