package dev.dialtone.route;

import dev.dialtone.api.ErrorCode;
import dev.dialtone.http.ApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * How a list is paged, the two ways Zendesk does it (docs/api.md). Any {@code page[...]} parameter
 * chooses cursor paging ({@code page[size]}, {@code page[after]}, {@code page[before]}; the answer
 * carries {@code meta} and {@code links}), and {@code page} and {@code per_page} beside it are
 * ignored, as Zendesk does (node-zendesk sends {@code page[size]} on every list); otherwise offset
 * paging ({@code page}, {@code per_page}; the answer carries {@code next_page}, {@code
 * previous_page} and {@code count}). Both walk the list in id order. Bad parameters are 400 {@code
 * InvalidPaginationParameter}, read before any query runs.
 */
public final class Pagination {
  public static final int MAX_SIZE = 100;

  private static final String SIZE = "page[size]";
  private static final String AFTER = "page[after]";
  private static final String BEFORE = "page[before]";
  private static final String PAGE = "page";
  private static final String PER_PAGE = "per_page";

  /** One list of records in id order, read a slice at a time inside the caller's transaction. */
  public interface Listing<T> {
    /** Up to {@code limit} records with ids above {@code afterId}, ascending. */
    List<T> after(long afterId, int limit);

    /** Up to {@code limit} records with ids below {@code beforeId}, descending. */
    List<T> before(long beforeId, int limit);

    /** Up to {@code limit} records from position {@code offset}, ascending. */
    List<T> slice(int offset, int limit);

    long count();

    long id(T record);
  }

  /** One way to read a slice of a listing: from an id (or a position), at most a limit. */
  @FunctionalInterface
  public interface Slice<T> {
    List<T> read(long from, int limit);
  }

  /** A listing made of its parts, for lists that need no more than their store's queries. */
  public static <T> Listing<T> listing(
      Slice<T> after, Slice<T> before, Slice<T> slice, LongSupplier count, ToLongFunction<T> id) {
    return new Listing<T>() {
      @Override
      public List<T> after(long afterId, int limit) {
        return after.read(afterId, limit);
      }

      @Override
      public List<T> before(long beforeId, int limit) {
        return before.read(beforeId, limit);
      }

      @Override
      public List<T> slice(int offset, int limit) {
        return slice.read(offset, limit);
      }

      @Override
      public long count() {
        return count.getAsLong();
      }

      @Override
      public long id(T record) {
        return id.applyAsLong(record);
      }
    };
  }

  private sealed interface Mode permits Cursor, Offset {}

  private record Cursor(int size, @Nullable Long after, @Nullable Long before) implements Mode {}

  private record Offset(int page, int perPage) implements Mode {}

  private final ApiRequest request;
  private final Mode mode;

  private Pagination(ApiRequest request, Mode mode) {
    this.request = request;
    this.mode = mode;
  }

  /** Reads the paging parameters of a request; 400 when they make no sense. */
  public static Pagination of(ApiRequest request) {
    Map<String, List<String>> params = request.queryParams();
    boolean cursor = params.keySet().stream().anyMatch(name -> name.startsWith("page["));
    if (!cursor) {
      return new Pagination(
          request,
          new Offset(
              number(request, PAGE, 1, Integer.MAX_VALUE, 1),
              number(request, PER_PAGE, 1, MAX_SIZE, MAX_SIZE)));
    }
    for (String name : params.keySet()) {
      if (name.startsWith("page[") && !List.of(SIZE, AFTER, BEFORE).contains(name)) {
        throw invalid(
            name
                + " is not a pagination parameter; use page[size], page[after] or"
                + " page[before]");
      }
    }
    Long after = cursorParam(request, AFTER);
    Long before = cursorParam(request, BEFORE);
    if (after != null && before != null) {
      throw invalid("page[after] and page[before] cannot be used together");
    }
    return new Pagination(
        request, new Cursor(number(request, SIZE, 1, MAX_SIZE, MAX_SIZE), after, before));
  }

  /**
   * One page of the listing as the response body: the rendered records under {@code key} and the
   * paging keys of the chosen mode.
   */
  public <T> Map<String, Object> page(String key, Listing<T> listing, Function<T, Object> render) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (mode instanceof Offset offset) {
      List<T> records =
          listing.slice(
              (int) Math.min(Integer.MAX_VALUE, (long) (offset.page() - 1) * offset.perPage()),
              offset.perPage());
      long count = listing.count();
      body.put(key, records.stream().map(render).toList());
      body.put(
          "next_page",
          (long) offset.page() * offset.perPage() < count
              ? link(Map.of(PAGE, offset.page() + 1, PER_PAGE, offset.perPage()))
              : null);
      body.put(
          "previous_page",
          offset.page() > 1
              ? link(Map.of(PAGE, offset.page() - 1, PER_PAGE, offset.perPage()))
              : null);
      body.put("count", count);
      return body;
    }
    Cursor cursor = (Cursor) mode;
    Long before = cursor.before();
    boolean backwards = before != null;
    List<T> fetched =
        before != null
            ? listing.before(before, cursor.size() + 1)
            : listing.after(cursor.after() == null ? 0 : cursor.after(), cursor.size() + 1);
    // One record more than asked tells whether there is more in the direction of travel.
    boolean hasMore = fetched.size() > cursor.size();
    List<T> records = new ArrayList<>(fetched.subList(0, Math.min(fetched.size(), cursor.size())));
    if (backwards) {
      Collections.reverse(records);
    }
    Long firstId = records.isEmpty() ? null : listing.id(records.get(0));
    Long lastId = records.isEmpty() ? null : listing.id(records.get(records.size() - 1));
    String first = firstId == null ? null : encode(firstId);
    String last = lastId == null ? null : encode(lastId);
    body.put(key, records.stream().map(render).toList());
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("has_more", hasMore);
    meta.put("after_cursor", last);
    meta.put("before_cursor", first);
    Map<String, Object> links = new LinkedHashMap<>();
    // Zendesk links both ways whenever the page has records, the last page too: next carries the
    // page's after_cursor (the way to poll for records added later), prev its before_cursor, and
    // meta.has_more alone says whether there is more now. An empty page has no cursor to carry.
    links.put("prev", first == null ? null : link(Map.of(SIZE, cursor.size(), BEFORE, first)));
    links.put("next", last == null ? null : link(Map.of(SIZE, cursor.size(), AFTER, last)));
    body.put("meta", meta);
    body.put("links", links);
    return body;
  }

  /** This request's URL with its paging parameters replaced; other parameters kept. */
  private String link(Map<String, Object> paging) {
    List<String> parts = new ArrayList<>();
    request
        .queryParams()
        .forEach(
            (name, values) -> {
              if (!name.equals(PAGE) && !name.equals(PER_PAGE) && !name.startsWith("page[")) {
                values.forEach(value -> parts.add(encodeParam(name) + "=" + encodeParam(value)));
              }
            });
    // Map.of has no order; size first reads better and matches Zendesk's links.
    for (String name : List.of(SIZE, AFTER, BEFORE, PAGE, PER_PAGE)) {
      if (paging.containsKey(name)) {
        parts.add(encodeParam(name) + "=" + encodeParam(String.valueOf(paging.get(name))));
      }
    }
    return request.baseUrl() + request.path() + "?" + String.join("&", parts);
  }

  private static String encodeParam(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** A cursor is opaque to clients: the base64url of the record id it points at. */
  static String encode(long id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
  }

  private static @Nullable Long decodeOrNull(String cursor) {
    String digits;
    try {
      digits = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (digits.isEmpty()
        || digits.length() > 18
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    long id = Long.parseLong(digits);
    return id > 0 ? id : null;
  }

  private static @Nullable Long cursorParam(ApiRequest request, String name) {
    String value = request.query(name);
    if (value == null) {
      return null;
    }
    Long id = decodeOrNull(value);
    if (id == null) {
      throw invalid(name + " is not a cursor this API returned");
    }
    return id;
  }

  private static int number(ApiRequest request, String name, int min, int max, int fallback) {
    String value = request.query(name);
    if (value == null) {
      return fallback;
    }
    String text = value.strip();
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid(name + " must be a whole number from " + min + " to " + max);
    }
    int number = Integer.parseInt(text);
    if (number < min || number > max) {
      throw invalid(name + " must be a whole number from " + min + " to " + max);
    }
    return number;
  }

  private static ApiException invalid(String description) {
    return ApiException.of(ErrorCode.INVALID_PAGINATION_PARAMETER, description);
  }
}
