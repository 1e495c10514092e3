package dev.dialtone.testing;

import java.util.Random;

/**
 * Random text for generated requests, drawn from all of Unicode: controls (all but NUL, which no
 * body may hold: {@code http/ErrorCatalogueTest} pins its 400), ASCII, combining marks,
 * right-to-left scripts, astral symbols (surrogate pairs) and CJK. Deterministic for a given {@link
 * Random}, so a seed replays the same text.
 */
public final class RandomText {
  private final Random random;

  public RandomText(Random random) {
    this.random = random;
  }

  /** Random text of this many code points. */
  public String unicode(int codePoints) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      int codePoint =
          switch (random.nextInt(6)) {
            case 0 -> 1 + random.nextInt(0x1F);
            case 1 -> 0x20 + random.nextInt(0x5F);
            case 2 -> 0x300 + random.nextInt(0x70);
            case 3 -> 0x590 + random.nextInt(0x200);
            case 4 -> 0x1F300 + random.nextInt(0x300);
            default -> 0x4E00 + random.nextInt(0x5000);
          };
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }

  /** A string of exactly this many characters (code points): a random block, repeated. */
  public String unicodeOfLength(int codePoints) {
    int[] block = unicode(Math.max(1, Math.min(codePoints, 64))).codePoints().toArray();
    StringBuilder text = new StringBuilder(codePoints);
    for (int i = 0; i < codePoints; i++) {
      text.appendCodePoint(block[i % block.length]);
    }
    return text.toString();
  }
}
