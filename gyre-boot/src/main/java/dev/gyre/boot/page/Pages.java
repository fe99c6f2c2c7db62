package dev.gyre.boot.page;

import java.util.List;
import java.util.function.Function;

import dev.gyre.api.PageQuery;
import dev.gyre.api.PageResponse;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The one way from {@code ?page=&size=} to a Spring {@link Pageable} (checked by {@link PageQuery}, so a bad page
 * is the same 400 {@code invalid-page} everywhere) and from a {@link Page} back to the wire's {@link PageResponse}.
 */
public final class Pages {

    private Pages() {
    }

    /** The checked page in {@code sort} order; a null {@code page} or {@code size} takes {@link PageQuery}'s default. */
    public static Pageable pageable(Integer page, Integer size, Sort sort) {
        PageQuery query = PageQuery.of(page, size);
        return PageRequest.of(query.page(), query.size(), sort);
    }

    public static Pageable pageable(Integer page, Integer size) {
        return pageable(page, size, Sort.unsorted());
    }

    /** {@code page} on the wire, its items as they are. */
    public static <T> PageResponse<T> response(Page<T> page) {
        return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }

    /** {@code page} on the wire, each item mapped. */
    public static <E, T> PageResponse<T> response(Page<E> page, Function<? super E, ? extends T> mapper) {
        return response(page.map(mapper::apply));
    }

    /** {@code page}'s number, size and total with {@code items} made from its content (in the same order). */
    public static <T> PageResponse<T> response(Page<?> page, List<T> items) {
        return new PageResponse<>(items, page.getNumber(), page.getSize(), page.getTotalElements());
    }

    /** The asked-for page of a list already in its order, on the wire (for lists sorted in memory). */
    public static <T> PageResponse<T> response(List<T> all, Integer page, Integer size) {
        return response(slice(all, pageable(page, size)));
    }

    /** The {@code pageable} slice of a list already in its order (for lists sorted in memory). */
    public static <T> Page<T> slice(List<T> all, Pageable pageable) {
        int from = (int) Math.min(pageable.getOffset(), all.size());
        int to = (int) Math.min((long) from + pageable.getPageSize(), all.size());
        return new PageImpl<>(all.subList(from, to), pageable, all.size());
    }
}
