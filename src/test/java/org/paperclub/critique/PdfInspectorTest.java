package org.paperclub.critique;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.paperclub.support.TestPdfs;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfInspectorTest {

    private final PdfInspector inspector = new PdfInspector();

    @Test
    void a_one_page_two_paragraph_critique_passes_without_warnings() {
        PdfInspector.Inspection i = inspector.inspect(TestPdfs.goodCritique(), 1);
        assertTrue(i.accepted(), i.failures().toString());
        assertEquals(1, i.pages());
        assertTrue(i.words() > 500 && i.words() < 700, "words: " + i.words());
        assertTrue(i.warnings().isEmpty(), i.warnings().toString());
        assertTrue(inspector.inspect(TestPdfs.a4(), 1).accepted(), "A4 is fine too");
    }

    @Test
    void two_pages_are_refused_with_the_count() {
        PdfInspector.Inspection i = inspector.inspect(TestPdfs.twoPages(), 1);
        assertEquals("The PDF has 2 pages; a critique has at most 1 page.", i.failures().get(0));
    }

    @Test
    void one_tall_page_is_not_one_page() {
        PdfInspector.Inspection i = inspector.inspect(TestPdfs.tallPage(), 1);
        assertFalse(i.accepted());
        assertTrue(i.failures().get(0).contains("larger than US Letter or A4"), i.failures().toString());
    }

    @Test
    void a_page_without_width_or_height_is_not_a_page() {
        for (byte[] pdf : new byte[][] {TestPdfs.zeroSizePage(), TestPdfs.sliverPage()}) {
            PdfInspector.Inspection i = inspector.inspect(pdf, 1);
            assertFalse(i.accepted(), "a page of no size is not one page");
            assertTrue(i.failures().get(0).contains("not a real page"), i.failures().toString());
        }
    }

    @Test
    void a_letter_page_whose_crop_box_shows_nothing_is_not_a_page() {
        // The visible page is the crop box clipped to the media box: empty, a sliver, or off the page altogether.
        for (PDRectangle crop : List.of(new PDRectangle(0, 0, 0, 0), new PDRectangle(0, 0, 612, 20),
                new PDRectangle(1000, 1000, 612, 792))) {
            PdfInspector.Inspection i = inspector.inspect(TestPdfs.letterCroppedTo(crop), 1);
            assertFalse(i.accepted(), "nothing of the page is visible with crop box " + crop);
            assertTrue(i.failures().get(0).contains("not a real page"), i.failures().toString());
        }
    }

    @Test
    void a_letter_page_cropped_to_its_text_block_is_still_a_page() {
        assertTrue(inspector.inspect(TestPdfs.letterCroppedTo(new PDRectangle(36, 36, 540, 720)), 1).accepted());
    }

    @Test
    void a_password_protected_pdf_is_refused() {
        assertEquals("The PDF is protected by a password. Upload it without protection.",
                inspector.inspect(TestPdfs.encrypted(), 1).failures().get(0));
    }

    @Test
    void files_that_are_not_pdfs_or_are_broken_are_refused_in_plain_words() {
        assertEquals("The file is empty.", inspector.inspect(new byte[0], 1).failures().get(0));
        assertTrue(inspector.inspect(TestPdfs.notAPdf(), 1).failures().get(0).startsWith("The file is not a PDF"));
        assertTrue(inspector.inspect(TestPdfs.truncated(), 1).failures().get(0).startsWith("The PDF could not be read"),
                inspector.inspect(TestPdfs.truncated(), 1).failures().toString());
    }

    @Test
    void a_scan_and_a_single_paragraph_are_accepted_with_warnings() {
        PdfInspector.Inspection scan = inspector.inspect(TestPdfs.noText(), 1);
        assertTrue(scan.accepted());
        assertTrue(scan.warnings().get(0).startsWith("No text could be read"), scan.warnings().toString());
        PdfInspector.Inspection one = inspector.inspect(TestPdfs.oneParagraph(), 1);
        assertTrue(one.accepted());
        assertTrue(one.warnings().stream().anyMatch(w -> w.contains("two paragraphs")), one.warnings().toString());
    }
}
