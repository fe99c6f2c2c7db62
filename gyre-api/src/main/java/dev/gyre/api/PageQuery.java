package dev.gyre.api;

import java.util.Map;

/**
 * A validated {@code ?page=&size=}: {@code page} is 0-based and at least 0, {@code size} is 1 to
 * {@value #MAX_SIZE}, and the page must start within {@link Integer#MAX_VALUE} items (the most a JPA query can
 * skip). Every paged list checks its parameters through {@link #of}, so a bad page gets the same problem
 * everywhere: 400 {@code invalid-page} naming the field.
 */
public record PageQuery(int page, int size) {
    public static final int DEFAULT_PAGE = 0;
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 500;

    public PageQuery {
        if (page < 0) {
            throw Problems.of(ProblemCode.INVALID_PAGE, "page must be 0 or more, got " + page, Map.of("field", "page"));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw Problems.of(ProblemCode.INVALID_PAGE, "size must be between 1 and " + MAX_SIZE + ", got " + size,
                    Map.of("field", "size"));
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw Problems.of(ProblemCode.INVALID_PAGE, "page " + page + " of size " + size + " starts after item "
                    + Integer.MAX_VALUE + ", the last one a list can reach; ask for an earlier page",
                    Map.of("field", "page"));
        }
    }

    /** The page asked for; a missing (null) {@code page} or {@code size} takes the default (0, 20). */
    public static PageQuery of(Integer page, Integer size) {
        return new PageQuery(page == null ? DEFAULT_PAGE : page, size == null ? DEFAULT_SIZE : size);
    }

    /** The number of items before this page (at most {@link Integer#MAX_VALUE}). */
    public long offset() {
        return (long) page * size;
    }
}
