/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.brand;

import org.jspecify.annotations.NullMarked;
