/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.health;

import org.jspecify.annotations.NullMarked;
