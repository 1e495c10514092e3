/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.event;

import org.jspecify.annotations.NullMarked;
