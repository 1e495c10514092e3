/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.ticket;

import org.jspecify.annotations.NullMarked;
