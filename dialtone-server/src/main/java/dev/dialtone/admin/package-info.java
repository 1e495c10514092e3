/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.admin;

import org.jspecify.annotations.NullMarked;
