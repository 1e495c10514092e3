/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.api;

import org.jspecify.annotations.NullMarked;
