/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.pipeline;

import org.jspecify.annotations.NullMarked;
