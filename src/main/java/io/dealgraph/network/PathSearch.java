package io.dealgraph.network;

import java.util.List;

/**
 * The paths a search found between two organizations, and whether its bound cut it short:
 * then shorter paths, or paths earlier in the order, may exist.
 */
public record PathSearch(List<Path> paths, boolean truncated) {
}
