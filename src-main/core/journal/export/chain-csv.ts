/**
 * A CSV line written straight from an entry's chain text: the exporter's fast path (pages.ts).
 *
 * The exporter reads each entry as SQLite's chain text (entry.ts, CHAIN_TEXT_SQL:
 * `json_array(1, seq, at, tz_offset, …, prev_hash)`), hashes those bytes to prove the entry, and
 * writes the CSV line from the same bytes, so the line holds exactly what was hashed. For every
 * text SQLite writes, `encodeCsvLine` gives the bytes of `csvLine(row)` (csv.ts) where `row` is
 * `JSON.parse(text)` without the leading format number, plus the stored hash: the same quoting,
 * the same defused formulas, null as an empty field and '' as `""`.
 *
 * It handles only what SQLite writes for a journal row: integers where the chain has integers,
 * strings or null elsewhere, the escapes `\" \\ \/ \b \f \n \r \t` and `\u00XX` below 0x80. On
 * anything else it returns -1 and the caller takes the row path instead; it never guesses.
 * The caller checks that the bytes are valid UTF-8 (node:buffer isUtf8) before trusting either.
 */

import { BYTE } from './bytes';

// Copied into locals once (bytes.ts says why).
const { APOSTROPHE, BACKSLASH, COMMA, CR, LF, QUOTE } = BYTE;

/** What `encodeCsvLine` learnt about the text it just encoded (one shared object: no allocation per line). */
export const lineInfo = {
  /** Just after the text's closing bracket. */
  end: 0,
  seq: 0,
  /** Where `prev_hash`'s characters are in the source (inside its quotes). */
  prevStart: 0,
  prevEnd: 0,
};

/** csv.ts FORMULA_START: = + - @ tab CR and the apostrophe itself. */
function isFormulaStart(c: number): boolean {
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === CR || c === APOSTROPHE;
}

/** The value of the JSON escape at src[i] (just after the backslash); -1 if not one SQLite writes for our text. */
function escapeValue(src: Uint8Array, i: number, limit: number): number {
  switch (src[i]) {
    case QUOTE:
      return QUOTE;
    case BACKSLASH:
      return BACKSLASH;
    case 0x2f:
      return 0x2f;
    case 0x62:
      return 0x08;
    case 0x66:
      return 0x0c;
    case 0x6e:
      return LF;
    case 0x72:
      return CR;
    case 0x74:
      return 0x09;
    case 0x75: {
      if (i + 4 >= limit) return -1;
      let v = 0;
      for (let k = 1; k <= 4; k++) {
        const h = src[i + k]!;
        const d = h >= 0x30 && h <= 0x39 ? h - 0x30 : h >= 0x61 && h <= 0x66 ? h - 0x57 : h >= 0x41 && h <= 0x46 ? h - 0x37 : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
      }
      return v < 0x80 ? v : -1;
    }
    default:
      return -1;
  }
}

/**
 * Encodes the chain text starting at `src[start]` as a CSV line into `out` from `o`, ending with a
 * comma: the caller appends the hash and CRLF. Returns the new output position, or -1 when the
 * text is not one this fast path handles. `out` must have room for 2 × the text's length + 16.
 */
export function encodeCsvLine(src: Uint8Array, start: number, limit: number, out: Uint8Array, o: number): number {
  let i = start;
  // `[1,`: the chain format.
  if (i + 3 > limit || src[i] !== 0x5b || src[i + 1] !== 0x31 || src[i + 2] !== COMMA) return -1;
  i += 3;
  for (let e = 1; e <= 14; e++) {
    const b = src[i];
    if (e === 1 || e === 3) {
      // seq and tz_offset: integers, written as SQLite (and JavaScript) print them.
      let j = i;
      if (src[j] === 0x2d) j++;
      const digits = j;
      let v = 0;
      while (j < limit) {
        const c = src[j]!;
        if (c < 0x30 || c > 0x39) break;
        v = v * 10 + (c - 0x30);
        j++;
      }
      if (j === digits || j - digits > 15) return -1;
      if (e === 1) lineInfo.seq = src[i] === 0x2d ? -v : v;
      while (i < j) out[o++] = src[i++]!;
    } else if (b === 0x6e && e !== 14) {
      // null: an empty field (prev_hash never is; the caller reads its place below).
      if (i + 4 > limit || src[i + 1] !== 0x75 || src[i + 2] !== 0x6c || src[i + 3] !== 0x6c) return -1;
      i += 4;
    } else if (b === QUOTE) {
      const from = i + 1;
      const start = o;
      // The usual text (no escape, no comma) is copied as it is scanned; anything else starts again below.
      if (isFormulaStart(src[from]!)) out[o++] = APOSTROPHE;
      let j = from;
      let plain = true;
      for (;;) {
        if (j >= limit) return -1;
        const c = src[j]!;
        if (c > BACKSLASH || (c > COMMA && c < BACKSLASH && c !== QUOTE) || (c >= 0x20 && c < COMMA && c !== QUOTE)) {
          out[o++] = c;
          j++;
          continue;
        }
        if (c !== QUOTE) plain = false;
        break;
      }
      if (!plain) {
        o = start;
        let escaped = false;
        let comma = false;
        for (;;) {
          if (j >= limit) return -1;
          const c = src[j]!;
          if (c === QUOTE) break;
          if (c === BACKSLASH) {
            escaped = true;
            j += 2;
            continue;
          }
          // JSON never holds a raw control character; SQLite escapes them all.
          if (c < 0x20) return -1;
          if (c === COMMA) comma = true;
          j++;
        }
        if (!escaped) {
          // Commas only: quoted as they are.
          out[o++] = QUOTE;
          if (isFormulaStart(src[from]!)) out[o++] = APOSTROPHE;
          for (let k = from; k < j; k++) out[o++] = src[k]!;
          out[o++] = QUOTE;
        } else {
          o = encodeEscaped(src, from, j, comma, out, o);
          if (o < 0) return -1;
        }
      } else if (j === from) {
        // '' is `""`, so it cannot be read back as null.
        out[o++] = QUOTE;
        out[o++] = QUOTE;
      }
      if (e === 14) {
        lineInfo.prevStart = from;
        lineInfo.prevEnd = j;
      }
      i = j + 1;
    } else return -1;
    if (e < 14) {
      if (src[i] !== COMMA) return -1;
      out[o++] = COMMA;
      i++;
    }
  }
  if (src[i] !== 0x5d) return -1;
  out[o++] = COMMA;
  lineInfo.end = i + 1;
  return o;
}

/** A JSON string's content holding escapes: decoded, then quoted as csv.ts textCell does. */
function encodeEscaped(src: Uint8Array, from: number, to: number, comma: boolean, out: Uint8Array, o: number): number {
  // First pass: does the decoded text need quotes, and what is its first character?
  let quote = comma;
  let first = -1;
  for (let k = from; k < to; k++) {
    let c = src[k]!;
    if (c === BACKSLASH) {
      c = escapeValue(src, k + 1, to);
      if (c < 0) return -1;
      k += src[k + 1] === 0x75 ? 5 : 1;
    }
    if (first < 0) first = c;
    if (c === QUOTE || c === CR || c === LF) quote = true;
  }
  if (quote) out[o++] = QUOTE;
  if (isFormulaStart(first)) out[o++] = APOSTROPHE;
  for (let k = from; k < to; k++) {
    let c = src[k]!;
    if (c === BACKSLASH) {
      c = escapeValue(src, k + 1, to);
      k += src[k + 1] === 0x75 ? 5 : 1;
    }
    out[o++] = c;
    if (c === QUOTE) out[o++] = QUOTE;
  }
  if (quote) out[o++] = QUOTE;
  return o;
}
