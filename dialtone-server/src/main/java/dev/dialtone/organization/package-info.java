/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.organization;

import org.jspecify.annotations.NullMarked;
