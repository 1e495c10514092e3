/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.ratelimit;

import org.jspecify.annotations.NullMarked;
