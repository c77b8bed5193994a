package org.paperclub.grading;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The graded-item index the summary looks grades up in: it must find exactly what a map of the items would. */
class ItemIndexTest {

    @Test
    void an_item_is_found_by_all_four_of_its_fields_and_not_by_three_of_them() {
        ItemIndex<String> index = new ItemIndex<>(4);
        index.put(GradeKind.ROLE, 7, 3, 42, "Alice, devil's advocate in session 7");
        assertEquals("Alice, devil's advocate in session 7", index.get(GradeKind.ROLE, 7, 3, 42));
        assertNull(index.get(GradeKind.PRESENTATION, 7, 3, 42), "another kind");
        assertNull(index.get(GradeKind.ROLE, 8, 3, 42), "another session");
        assertNull(index.get(GradeKind.ROLE, 7, 4, 42), "another role");
        assertNull(index.get(GradeKind.ROLE, 7, 3, 43), "another student");
        assertFalse(index.contains(GradeKind.CRITIQUE, 7, 3, 42));
    }

    @Test
    void a_second_value_for_the_same_item_replaces_the_first() {
        ItemIndex<String> index = new ItemIndex<>(1);
        assertNull(index.put(GradeKind.CRITIQUE, 1, 2, 3, "version 1"));
        assertEquals("version 1", index.put(GradeKind.CRITIQUE, 1, 2, 3, "version 2"));
        assertEquals("version 2", index.get(GradeKind.CRITIQUE, 1, 2, 3));
        assertEquals(1, index.size());
    }

    @Test
    void it_holds_far_more_items_than_it_was_made_for_and_agrees_with_a_map_of_them() {
        // A course's worth of neighbouring ids, more than twenty times the expected count, so it grows several times.
        Map<List<Long>, Long> expected = new HashMap<>();
        ItemIndex<Long> index = new ItemIndex<>(1_000);
        Random random = new Random(15);
        GradeKind[] kinds = GradeKind.values();
        for (long n = 0; n < 25_000; n++) {
            GradeKind kind = kinds[random.nextInt(kinds.length)];
            long session = 1_000 + random.nextInt(30);
            long subject = 5_000 + random.nextInt(40);
            long student = 20_000 + random.nextInt(2_000);
            expected.put(List.of((long) kind.ordinal(), session, subject, student), n);
            index.put(kind, session, subject, student, n);
        }
        assertEquals(expected.size(), index.size());
        expected.forEach((key, value) -> assertEquals(value,
                index.get(kinds[key.get(0).intValue()], key.get(1), key.get(2), key.get(3))));
        int absent = 0;
        for (int n = 0; n < 10_000; n++) {
            GradeKind kind = kinds[random.nextInt(kinds.length)];
            long session = 1_000 + random.nextInt(40);
            long subject = 5_000 + random.nextInt(50);
            long student = 20_000 + random.nextInt(2_500);
            boolean there = expected.containsKey(List.of((long) kind.ordinal(), session, subject, student));
            assertEquals(there, index.contains(kind, session, subject, student));
            absent += there ? 0 : 1;
        }
        assertTrue(absent > 1_000, "the lookups tried items that are not there too");
    }

    @Test
    void a_grade_finds_the_item_it_is_for_after_the_index_has_grown() {
        ItemIndex<String> index = new ItemIndex<>(1);
        for (long student = 1; student <= 100; student++) {
            index.put(GradeKind.CRITIQUE, 9, 4, student, "critique of " + student);
        }
        Grade onTheCritique = grade(GradeKind.CRITIQUE, 9, 4, 57);
        Grade onAPresentation = grade(GradeKind.PRESENTATION, 9, 4, 57);
        assertTrue(index.contains(onTheCritique));
        assertEquals("critique of 57", index.get(onTheCritique));
        assertFalse(index.contains(onAPresentation), "the same session, paper and student, another kind");
        assertNull(index.get(onAPresentation));
    }

    private static Grade grade(GradeKind kind, long session, long subject, long student) {
        return new Grade(1L, 1, session, student, kind, subject, 3, 3, null, null, 2, java.time.Instant.EPOCH, null);
    }

    @Test
    void it_refuses_null_as_a_value_since_null_means_absent() {
        assertThrows(IllegalArgumentException.class, () -> new ItemIndex<String>(1).put(GradeKind.ROLE, 1, 1, 1, null));
    }
}
