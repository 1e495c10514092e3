/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.user;

import org.jspecify.annotations.NullMarked;
