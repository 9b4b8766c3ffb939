/**
 * The fast path of the chain walk: one chunk's chain texts, each followed by its stored hash, as
 * one byte string from SQLite (CHUNK_BLOB_SQL), checked without a JavaScript row per entry.
 *
 * It only ever says "this chunk is intact". Anything it does not expect (a digest that differs,
 * a gap, a text not in the shape the app writes, a time block that disagrees) makes it return
 * null, and the chunk is walked row by row (chain-walk.ts), which decides and names the problem.
 * So a tampered archive gets exactly the report it got before; an intact one is checked about
 * twice as fast (no JavaScript value per row, no UTF-16 round trip of the text before hashing).
 */
import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import type { ChunkResult, WalkContext } from './chain-walk';
import { CHAIN_TEXT_SQL } from './entry';
import { BlockSpan } from './block-span';
import { Attributor } from './attribution-walk';

/**
 * `text || hash` for each entry in the range, joined by newlines, in the order of the scan of the
 * range of the table's key (sequence order; no subquery to order it, which costs a copy per row:
 * the walk checks every sequence number anyway, and any other order leaves the chunk to the row
 * walk). json_array() escapes control characters, so a newline never occurs inside a text; if one
 * did, the element would not check and the row walk would decide.
 */
export const CHUNK_BLOB_SQL = `SELECT CAST(group_concat(${CHAIN_TEXT_SQL} || hash, char(10)) AS BLOB) FROM journal WHERE seq > ? AND seq <= ?`;

const NEWLINE = 10;
const COMMA = 44;
const QUOTE = 34;
const BRACKET_CLOSE = 93;
const ZERO = 48;
const LETTER_N = 110;
const HASH_HEX = 64;
/** `"<24-character ISO time>"` */
const AT_LENGTH = 24;
/** The text's tail: `"<prev_hash>"]` */
const TAIL = HASH_HEX + 3;
/** The text's head: `[1,` (CHAIN_FORMAT 1) */
const HEAD = Buffer.from('[1,');

/** The 64 bytes at `a` equal those at `b`. */
function sameHash(blob: Buffer, a: number, b: number): boolean {
  for (let i = 0; i < HASH_HEX; i++) if (blob[a + i] !== blob[b + i]) return false;
  return true;
}

/** The first `byte` in blob[from, limit), or -1: a loop, for the few bytes it passes (no native call per entry). */
function find(blob: Buffer, byte: number, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (blob[i] === byte) return i;
  return -1;
}

/** The hex digest `digest` is the 64 bytes at `at` (no string made of them: this runs per entry). */
function isHashAt(digest: string, blob: Buffer, at: number): boolean {
  if (digest.length !== HASH_HEX) return false;
  for (let i = 0; i < HASH_HEX; i++) if (digest.charCodeAt(i) !== blob[at + i]) return false;
  return true;
}

/**
 * Checks entries `first`..`last` in `blob`, following `prevHash`. Returns the chunk's result when
 * every entry is there, in order, linked, hashing to its stored hash, matching every signed
 * checkpoint and time block; otherwise null.
 */
export function walkChunkBlob(blob: Buffer, first: number, last: number, prevHash: string, context: WalkContext): ChunkResult | null {
  // Valid UTF-8 bytes are exactly what the row walk hashes (it hashes the decoded text re-encoded);
  // other bytes (never written by the app) are left to its definition of the chain.
  if (!isUtf8(blob)) return null;
  const { signed } = context;
  const span = new BlockSpan(context.blocks);
  const attributor = new Attributor(context, first);
  const era = context.eraStart;
  let expected = first;
  let previous = prevHash;
  let lastSignedSeq = 0;
  /** Where `previous` sits in the blob (-1: before the chunk, only as the string). */
  let previousAt = -1;
  let start = 0;
  while (start < blob.length) {
    let end = blob.indexOf(NEWLINE, start);
    if (end < 0) end = blob.length;
    const textEnd = end - HASH_HEX;
    // Byte by byte rather than Buffer.compare: a native call per entry costs more than three reads.
    if (textEnd - start < HEAD.length + 2 + AT_LENGTH + 2 + TAIL || blob[start] !== HEAD[0] || blob[start + 1] !== HEAD[1] || blob[start + 2] !== HEAD[2])
      return null;
    // The sequence number, digits up to the next comma.
    let at = start + HEAD.length;
    let seq = 0;
    for (let c = blob[at]!; c !== COMMA; c = blob[++at]!) {
      const digit = c - ZERO;
      if (digit < 0 || digit > 9 || at >= textEnd) return null;
      seq = seq * 10 + digit;
    }
    if (seq !== expected) return null;
    // `"at"` right after the sequence number, and `"prev_hash"]` at the end of the text.
    if (blob[at + 1] !== QUOTE || blob[at + 2 + AT_LENGTH] !== QUOTE) return null;
    if (blob[textEnd - 1] !== BRACKET_CLOSE || blob[textEnd - 2] !== QUOTE || blob[textEnd - TAIL] !== QUOTE) return null;
    // The link: against the previous entry's stored hash where it sits in the blob (no string per entry).
    if (previousAt < 0 ? blob.toString('latin1', textEnd - TAIL + 1, textEnd - 2) !== previous : !sameHash(blob, textEnd - TAIL + 1, previousAt)) return null;
    // The text's digest against the stored hash, in place (a plain view of the bytes: cheaper than a Buffer's subarray).
    if (!isHashAt(hash('sha256', new Uint8Array(blob.buffer, blob.byteOffset + start, textEnd - start), 'hex'), blob, textEnd)) return null;
    const signedHash = signed.get(seq);
    if (signedHash !== undefined) {
      if (!isHashAt(signedHash, blob, textEnd)) return null;
      lastSignedSeq = seq;
    }
    if (seq >= era) {
      // The actor id, after `"at",tz,`: a quoted id or null; anything else is left to the row walk.
      const comma = find(blob, COMMA, at + 4 + AT_LENGTH, textEnd);
      if (comma < 0) return null;
      if (blob[comma + 1] === QUOTE) {
        const close = find(blob, QUOTE, comma + 2, textEnd);
        if (close < 0 || !attributor.checkBytes(seq, blob, comma + 2, close)) return null;
      } else if (blob[comma + 1] !== LETTER_N || !attributor.check(seq, null)) return null;
    }
    const when = blob.toString('latin1', at + 2, at + 2 + AT_LENGTH);
    if (when.includes('\\')) return null;
    if (!span.add(seq, when)) return null;
    previousAt = textEnd;
    expected++;
    start = end + 1;
  }
  if (expected !== last + 1) return null;
  if (previousAt >= 0) previous = blob.toString('latin1', previousAt, previousAt + HASH_HEX);
  return {
    count: last - first + 1,
    lastSeq: last,
    lastHash: previous,
    lastSignedSeq,
    problem: null,
    problems: [],
    unsigned: attributor.unsigned,
    unsignedNamed: attributor.unsignedNamed,
  };
}
