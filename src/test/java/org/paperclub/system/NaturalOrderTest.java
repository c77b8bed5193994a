package org.paperclub.system;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NaturalOrderTest {

    private static List<String> sorted(String... names) {
        List<String> list = new ArrayList<>(Arrays.asList(names));
        list.sort(NaturalOrder.TEXT);
        return list;
    }

    @Test
    void student2ComesBeforeStudent10() {
        assertEquals(List.of("Student 1", "Student 2", "Student 10", "Student 11", "Student 20"),
                sorted("Student 10", "Student 2", "Student 20", "Student 1", "Student 11"));
    }

    @Test
    void lettersSortAsAReaderExpectsWhateverTheirCase() {
        assertEquals(List.of("ada Lovelace", "Alan Turing", "Émile Borel", "grace Hopper"),
                sorted("grace Hopper", "Émile Borel", "Alan Turing", "ada Lovelace"));
    }

    @Test
    void numbersLongerThanALongStillCompareByValue() {
        assertEquals(List.of("Room 9", "Room 12345678901234567890123"), sorted("Room 12345678901234567890123", "Room 9"));
    }

    @Test
    void leadingZerosDoNotChangeTheValueButKeepAFixedOrder() {
        assertEquals(List.of("Team 2", "Team 02", "Team 3"), sorted("Team 3", "Team 02", "Team 2"));
    }

    @Test
    void aShorterNameThatStartsALongerOneComesFirst() {
        assertEquals(List.of("Student", "Student 1"), sorted("Student 1", "Student"));
    }

    @Test
    void namesThatDifferOnlyInCaseStillHaveOneOrder() {
        assertTrue(NaturalOrder.TEXT.compare("Ana", "ana") != 0);
        assertEquals(0, NaturalOrder.TEXT.compare("Ana", "Ana"));
    }

    @Test
    void aMissingNameSortsLast() {
        List<String> list = new ArrayList<>(Arrays.asList(null, "Student 3"));
        list.sort(NaturalOrder.TEXT);
        assertEquals(Arrays.asList("Student 3", null), list);
    }

    @Test
    void sortingByANameOrdersAsComparingTheNamesDoes() {
        java.util.Random random = new java.util.Random(7);
        String[] parts = {"Student", "student", "Émile", "emile", " ", "0", "07", "7", "10", "123456789012345678901", "a", "B", "-", "ß", "ss"};
        for (int round = 0; round < 2000; round++) {
            String a = name(random, parts);
            String b = name(random, parts);
            java.util.Comparator<String> keyed = NaturalOrder.by(s -> s);
            assertEquals(Integer.signum(NaturalOrder.TEXT.compare(a, b)), Integer.signum(keyed.compare(a, b)), a + " / " + b);
        }
    }

    private static String name(java.util.Random random, String[] parts) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(4); i >= 0; i--) {
            s.append(parts[random.nextInt(parts.length)]);
        }
        return s.toString();
    }
}
