/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.token;

import org.jspecify.annotations.NullMarked;
