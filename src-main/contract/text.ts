/**
 * The one schema for text accepted from anyone (issue 11, point 9): a string that holds no NUL, no
 * bidirectional embedding/override/isolate control (which can make a name or purpose read as
 * something else on screen and in the journal) and no lone surrogate (which UTF-8 storage cannot
 * hold). Such text is refused as invalid input, never stored or searched as-is. Passwords and
 * passphrases are secrets, not text, and keep their own schemas.
 */
import { z } from 'zod';

// eslint-disable-next-line no-control-regex -- NUL is one of the characters refused here
const UNSAFE_TEXT = /\u0000|[\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isCleanText(value: string): boolean {
  return !UNSAFE_TEXT.test(value);
}

export const UNSAFE_TEXT_MESSAGE = 'contains a NUL character, a bidirectional control or a lone surrogate';

/** `z.string()` that refuses unsafe text; chain `.trim()`, `.max()` etc. as usual. */
export function text() {
  return z.string().refine(isCleanText, { message: UNSAFE_TEXT_MESSAGE });
}
