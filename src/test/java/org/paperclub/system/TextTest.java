package org.paperclub.system;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link Text} lets through in a title, a topic or a name, and in free text. */
class TextTest {

    @Test
    void a_right_to_left_override_cannot_make_a_title_read_as_something_else() {
        // "Attention ‮fdp.exe" shows as "Attention exe.pdf".
        String problem = Text.singleLine("Attention \u202Efdp.exe");
        assertNotNull(problem);
        assertTrue(problem.contains("U+202E") && problem.contains("position 11"), problem);
    }

    @Test
    void every_bidi_embedding_override_and_isolate_control_is_refused_in_a_single_line() {
        for (char c : List.of('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069')) {
            assertNotNull(Text.singleLine("Ada " + c + "Lovelace"), () -> String.format("U+%04X is refused", (int) c));
        }
    }

    @Test
    void line_and_paragraph_separators_and_the_invisible_byte_order_mark_are_refused_in_a_single_line() {
        assertTrue(Text.singleLine("Two\u2028lines").contains("U+2028"));
        assertTrue(Text.singleLine("Two\u2029paragraphs").contains("U+2029"));
        assertTrue(Text.singleLine("\uFEFFAttention").contains("U+FEFF"));
    }

    @Test
    void zero_width_joiners_stay_since_persian_and_indic_names_need_them() {
        assertNull(Text.singleLine("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"));
        assertNull(Text.singleLine("\u0915\u094D\u200D\u0937"));
    }

    @Test
    void right_to_left_names_in_their_own_script_are_fine() {
        assertNull(Text.singleLine("\u05D3\u05E0\u05D4 \u05DC\u05D5\u05D9"));
        assertNull(Text.singleLine("Attention Is All You Need — \u0627\u0644\u0627\u0646\u062A\u0628\u0627\u0647"));
    }

    @Test
    void free_text_keeps_line_breaks_and_tabs_but_not_a_nul() {
        assertNull(Text.freeText("Takes notes.\r\nShares them\tafter class."));
        assertNotNull(Text.freeText("Good\u0000"));
    }
}
