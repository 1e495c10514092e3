/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.http;

import org.jspecify.annotations.NullMarked;
