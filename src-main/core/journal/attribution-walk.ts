/**
 * The per-entry half of attribution (attribution.ts has the rest): inside the signed era, each
 * entry must name the person whose signed run covers it; an entry no run covers is unsigned, and
 * counted — those that name someone are listed for verify.ts, which allows only what is written
 * with no session (failed unlocks). Used by both chain walkers, on this thread and in workers.
 */
import type { WalkContext } from './chain-walk';

/** Named unsigned entries a chunk lists at most (verify stops at the first not allowed anyway). */
export const MAX_NAMED = 1000;

export class Attributor {
  unsigned = 0;
  readonly unsignedNamed: number[] = [];
  private run: number;
  private readonly runs: number[];

  constructor(
    private readonly context: WalkContext,
    first: number,
  ) {
    this.runs = context.runs;
    // The first run ending at or after `first` (runs ascend and never overlap).
    let lo = 0;
    let hi = this.runs.length / 3;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.runs[mid * 3 + 1]! < first) lo = mid + 1;
      else hi = mid;
    }
    this.run = lo * 3;
  }

  /**
   * `check` for an actor id given as bytes `blob[start, end)` of a chain text (the fast path): no
   * string per entry when a run covers it. False also for anything it cannot compare as the app
   * writes it (the row walk then decides).
   */
  checkBytes(seq: number, blob: Buffer, start: number, end: number): boolean {
    if (seq < this.context.eraStart) return true;
    const runs = this.runs;
    while (this.run < runs.length && runs[this.run + 1]! < seq) this.run += 3;
    if (this.run < runs.length && runs[this.run]! <= seq) {
      const id = this.idBytes(runs[this.run + 2]!);
      if (end - start !== id.length) return false;
      // Byte by byte: an id is short, and a native compare per entry costs more.
      for (let i = 0; i < id.length; i++) if (blob[start + i] !== id[i]) return false;
      return true;
    }
    const actor = blob.toString('latin1', start, end);
    return !actor.includes('\\') && this.check(seq, actor);
  }

  private ids: Buffer[] = [];

  private idBytes(index: number): Buffer {
    return (this.ids[index] ??= Buffer.from(this.context.people[index]!, 'utf8'));
  }

  /** False when the entry names someone else than the person who signed the run covering it. */
  check(seq: number, actor: string | null): boolean {
    if (seq < this.context.eraStart) return true;
    const runs = this.runs;
    while (this.run < runs.length && runs[this.run + 1]! < seq) this.run += 3;
    if (this.run < runs.length && runs[this.run]! <= seq) return actor === this.context.people[runs[this.run + 2]!];
    this.unsigned++;
    if (actor !== null && this.unsignedNamed.length < MAX_NAMED) this.unsignedNamed.push(seq);
    return true;
  }
}

/**
 * The actor id in a chain text `[1,seq,"at",tz,actor,...`, given the index of the closing quote of
 * `at`; undefined when the text is not in the shape the app writes.
 */
export function chainTextActor(text: string, atClose: number): string | null | undefined {
  const comma = text.indexOf(',', atClose + 2);
  if (comma < 0) return undefined;
  if (text.startsWith('null', comma + 1)) return null;
  if (text.charCodeAt(comma + 1) !== 34) return undefined;
  const end = text.indexOf('"', comma + 2);
  if (end < 0) return undefined;
  const actor = text.slice(comma + 2, end);
  return actor.includes('\\') ? undefined : actor;
}
