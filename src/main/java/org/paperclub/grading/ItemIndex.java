package org.paperclub.grading;

/**
 * Graded items (what kind, in which session, about which paper or role, for which student) mapped to a value, looked
 * up by their four fields without making a key object. The summary of a 2,000-student course looks up some 150,000
 * items; with a record as the key of a {@code HashMap} every lookup made a key, and those keys and the map's nodes
 * were 38 % of what the summary allocated. Under the recommended settings (C1, which does not remove such short-lived
 * objects, and a 128 MB heap) that allocation is collections: a quarter of the summary's CPU was the collector
 * (src/bench/README.md, round 7). Open addressing with linear probing in plain arrays; it grows when it fills beyond
 * half. Not thread-safe: built by one thread, then only read.
 */
final class ItemIndex<V> {

    /** Session, subject and student of each slot, three longs a slot. */
    private long[] keys;
    /** The kind's ordinal plus one; 0 marks an empty slot. */
    private byte[] kinds;
    private Object[] values;
    private int size;

    /** Past this many slots the key array (three longs a slot) would outgrow a Java array. */
    private static final int MAX_CAPACITY = 1 << 29;

    ItemIndex(int expected) {
        int capacity = 8;
        while (capacity < expected * 2L) {
            if (capacity == MAX_CAPACITY) {
                throw new IllegalArgumentException("too many graded items for one index: " + expected);
            }
            capacity <<= 1;
        }
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity * 3];
        kinds = new byte[capacity];
        values = new Object[capacity];
    }

    int size() {
        return size;
    }

    /** Maps the item to the value (not null) and returns the value it replaced, or null. */
    V put(GradeKind kind, long session, long subject, long student, V value) {
        if (value == null) {
            throw new IllegalArgumentException("an index holds no null values");
        }
        if ((size + 1) * 2L > kinds.length) {
            grow();
        }
        int slot = slot(kind, session, subject, student);
        @SuppressWarnings("unchecked")
        V previous = (V) values[slot];
        if (previous == null) {
            kinds[slot] = (byte) (kind.ordinal() + 1);
            keys[slot * 3] = session;
            keys[slot * 3 + 1] = subject;
            keys[slot * 3 + 2] = student;
            size++;
        }
        values[slot] = value;
        return previous;
    }

    /** Maps the item the grade is for to the value, as {@link #put(GradeKind, long, long, long, Object)}. */
    V put(Grade g, V value) {
        return put(g.kind(), g.sessionId(), g.subjectId(), g.studentId(), value);
    }

    /** The value of the item, or null when it is not in the index. */
    @SuppressWarnings("unchecked")
    V get(GradeKind kind, long session, long subject, long student) {
        return (V) values[slot(kind, session, subject, student)];
    }

    boolean contains(GradeKind kind, long session, long subject, long student) {
        return values[slot(kind, session, subject, student)] != null;
    }

    /** The value of the item the grade is for. */
    V get(Grade g) {
        return get(g.kind(), g.sessionId(), g.subjectId(), g.studentId());
    }

    boolean contains(Grade g) {
        return contains(g.kind(), g.sessionId(), g.subjectId(), g.studentId());
    }

    /** The item's slot, or the empty slot where it would go. */
    private int slot(GradeKind kind, long session, long subject, long student) {
        byte k = (byte) (kind.ordinal() + 1);
        int mask = kinds.length - 1;
        int i = hash(k, session, subject, student) & mask;
        while (kinds[i] != 0) {
            if (kinds[i] == k && keys[i * 3 + 2] == student && keys[i * 3] == session && keys[i * 3 + 1] == subject) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    // Ids are dense and close together; a multiply-and-fold spreads them over the table, so that linear probing
    // does not run along clusters of neighbouring ids.
    private static int hash(byte kind, long session, long subject, long student) {
        long h = student * 0x9E3779B97F4A7C15L;
        h ^= session * 0xC2B2AE3D27D4EB4FL;
        h ^= subject * 0x165667B19E3779F9L;
        h ^= kind;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        if (kinds.length == MAX_CAPACITY) {
            throw new IllegalStateException("too many graded items for one index: " + size);
        }
        long[] oldKeys = keys;
        byte[] oldKinds = kinds;
        Object[] oldValues = values;
        allocate(oldKinds.length * 2);
        GradeKind[] all = GradeKind.values();
        for (int i = 0; i < oldKinds.length; i++) {
            if (oldKinds[i] != 0) {
                int slot = slot(all[oldKinds[i] - 1], oldKeys[i * 3], oldKeys[i * 3 + 1], oldKeys[i * 3 + 2]);
                kinds[slot] = oldKinds[i];
                keys[slot * 3] = oldKeys[i * 3];
                keys[slot * 3 + 1] = oldKeys[i * 3 + 1];
                keys[slot * 3 + 2] = oldKeys[i * 3 + 2];
                values[slot] = oldValues[i];
            }
        }
    }
}
