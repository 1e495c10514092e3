package dev.dialtone.testing;

import dev.dialtone.testing.Shapes.Difference;
import java.util.List;

/**
 * Where Dialtone still differs from the shapes of Zendesk's objects pinned in {@code
 * src/test/resources/shapes/}: one entry per key of one object, Zendesk's type and then Dialtone's
 * ({@link Shapes#ABSENT} for a key one side lacks). {@code compat/ShapeFidelityTest} and the check
 * {@link Api} makes of every answer skip these and fail on any other difference; remove an entry
 * when Dialtone is fixed, and never add one without re-reading the fixture's {@code _source}.
 */
public final class KnownShapeDifferences {
  public static final List<Difference> KNOWN_DIFFERENCES =
      List.of(
          // Zendesk's ticket table lists encoded_id, the ticket's id as the agent interface shows
          // it; Dialtone keeps no such value.
          known("ticket", "encoded_id", "string", Shapes.ABSENT),
          // Zendesk's search answers carry facets (null unless asked for) beside the results.
          known("search_envelope", "facets", "string|null", Shapes.ABSENT),
          // Zendesk's brand table makes subdomain mandatory; Dialtone creates a brand without one
          // and shows it null.
          known("brand", "subdomain", "string", "null"));

  private KnownShapeDifferences() {}

  private static Difference known(String shape, String path, String zendesk, String dialtone) {
    return new Difference(shape, path, zendesk, dialtone);
  }
}
