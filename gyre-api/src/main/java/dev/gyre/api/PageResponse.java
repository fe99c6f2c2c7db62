package dev.gyre.api;

import java.util.List;

/** One page of a list: {@code ?page=} (0-based) and {@code ?size=}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
