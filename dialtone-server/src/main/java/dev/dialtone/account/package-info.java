/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.account;

import org.jspecify.annotations.NullMarked;
