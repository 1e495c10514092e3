/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.screenpop;

import org.jspecify.annotations.NullMarked;
