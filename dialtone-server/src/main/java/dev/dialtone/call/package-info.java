/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.call;

import org.jspecify.annotations.NullMarked;
