/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.route;

import org.jspecify.annotations.NullMarked;
