/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.phone;

import org.jspecify.annotations.NullMarked;
