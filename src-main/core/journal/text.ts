/**
 * Text as it enters the journal (issue 11, point 8). SQLite stores text as UTF-8: a lone surrogate
 * cannot be encoded, so SQLite replaced it and the stored entry no longer matched its hash — the
 * journal then verified BROKEN for ever, which hides any later tampering. Every text field is made
 * valid and normalised before it is hashed: lone surrogates and NUL are escaped as visible `\uXXXX`
 * text (what was sent stays readable), and the rest is NFC.
 */
// Lone high surrogate (no low after it), lone low surrogate (no high before it), or NUL.
// eslint-disable-next-line no-control-regex -- NUL is one of the characters escaped here
const UNSAFE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g;
// eslint-disable-next-line no-control-regex -- printable ASCII and controls other than NUL
const PLAIN = /^[\x01-\x7F]*$/;
// ASCII, CJK punctuation, unified ideographs, Hangul syllables and fullwidth forms: text that NFC
// leaves as it is (none has a canonical decomposition), so the common Chinese name skips normalize.
// eslint-disable-next-line no-control-regex -- as PLAIN, plus the ranges NFC leaves unchanged
const NFC_STABLE = /^[\x01-\x7F\u3000-\u303F\u4E00-\u9FFF\uAC00-\uD7A3\uFF00-\uFFEF]*$/;

function escape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function journalText(value: string): string;
export function journalText(value: string | null): string | null;
export function journalText(value: string | null): string | null {
  // The hot path: most fields are short ASCII (event names, ids, hashes).
  if (value === null || PLAIN.test(value) || NFC_STABLE.test(value)) return value;
  return value.replace(UNSAFE, escape).normalize('NFC');
}

/** The most one column other than details holds (ids, names, event names are far shorter). */
export const MAX_FIELD = 1024;

/** `journalText`, cut to MAX_FIELD characters. */
export function journalField(value: string): string;
export function journalField(value: string | null): string | null;
export function journalField(value: string | null): string | null {
  const text = journalText(value);
  return text !== null && text.length > MAX_FIELD ? journalText(text.slice(0, MAX_FIELD)) : text;
}
