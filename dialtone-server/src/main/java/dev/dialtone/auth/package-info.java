/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.auth;

import org.jspecify.annotations.NullMarked;
