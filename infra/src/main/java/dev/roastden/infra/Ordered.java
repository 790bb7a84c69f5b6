package dev.roastden.infra;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Maps that end up in the template in a fixed order. {@code Map.of} and {@code Map.copyOf} iterate
 * in an order that changes from one JVM to the next, and CloudFormation sees a changed container
 * environment list or a changed schedule input string as a changed resource (a new gateway task
 * definition, a new keep-alive target) although nothing changed. Every map that becomes a list or
 * a string in the template goes through {@link #sorted(Map)} first.
 */
public final class Ordered {

    private Ordered() {}

    /** An unmodifiable copy sorted by key; nested maps (also inside lists) are sorted too. */
    public static <V> SortedMap<String, V> sorted(Map<String, V> map) {
        TreeMap<String, V> copy = new TreeMap<>();
        map.forEach((key, value) -> copy.put(key, deep(value)));
        return Collections.unmodifiableSortedMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static <V> V deep(V value) {
        if (value instanceof Map<?, ?> nested) {
            return (V) sorted((Map<String, Object>) nested);
        }
        if (value instanceof List<?> items) {
            return (V) items.stream().map(Ordered::deep).toList();
        }
        return value;
    }
}
