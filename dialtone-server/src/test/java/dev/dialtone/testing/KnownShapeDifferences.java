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
  // Empty: every difference found so far is fixed. Entries are new Difference(shape, path,
  // Zendesk's type, Dialtone's).
  public static final List<Difference> KNOWN_DIFFERENCES = List.of();

  private KnownShapeDifferences() {}
}
