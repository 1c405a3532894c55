package io.dealgraph.paging;

/** One node of a page with the cursor that continues after it. */
public record Edge<T>(String cursor, T node) {
}
