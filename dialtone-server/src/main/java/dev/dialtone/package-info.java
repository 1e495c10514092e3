/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone;

import org.jspecify.annotations.NullMarked;
