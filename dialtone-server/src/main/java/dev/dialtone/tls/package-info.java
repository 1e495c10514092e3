/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.tls;

import org.jspecify.annotations.NullMarked;
