/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.config;

import org.jspecify.annotations.NullMarked;
