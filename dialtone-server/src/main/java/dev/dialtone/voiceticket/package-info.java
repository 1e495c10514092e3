/** Non-null by default; {@code @Nullable} marks the exceptions. */
@NullMarked
package dev.dialtone.voiceticket;

import org.jspecify.annotations.NullMarked;
