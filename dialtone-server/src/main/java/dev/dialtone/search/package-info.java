/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.search;

import org.jspecify.annotations.NullMarked;
