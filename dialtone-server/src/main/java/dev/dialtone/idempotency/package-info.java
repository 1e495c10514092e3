/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.idempotency;

import org.jspecify.annotations.NullMarked;
