package org.paperclub.system;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers kept per key (a course) for one version of what they show. The version is a counter in the database that
 * every write changing the answer bumps in its own transaction; each request reads it (one primary-key read) and
 * gets the kept answer only when it was made at that version, so a write through any instance is seen by every
 * instance's next read. The version must be read before the answer is built: an answer is then never older than
 * the version it is kept under.
 */
public final class VersionedCache<K, V> {

    private record Entry<V>(long version, V value) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;

    public VersionedCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The answer kept for {@code key} at {@code version}, or the one {@code build} makes (then kept). */
    public V get(K key, long version, Supplier<V> build) {
        Entry<V> kept = entries.get(key);
        if (kept != null && kept.version() == version) {
            return kept.value();
        }
        V value = build.get();
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            entries.clear();   // a crude bound: courses are few, and a cleared entry is rebuilt on its next read
        }
        // Never replace a newer answer with an older one (two reads racing a write).
        entries.merge(key, new Entry<>(version, value), (old, now) -> old.version() > now.version() ? old : now);
        return value;
    }
}
