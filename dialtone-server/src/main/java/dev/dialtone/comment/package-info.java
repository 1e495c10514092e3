/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.comment;

import org.jspecify.annotations.NullMarked;
