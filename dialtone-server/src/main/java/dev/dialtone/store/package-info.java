/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.store;

import org.jspecify.annotations.NullMarked;
