/**
 * The time blocks (journal_time_blocks) are outside the chain; an edit to them could hide entries
 * from time-filtered views, so the chain walks recompute each block's span from the verified
 * entries and compare it with the recorded one as the block closes.
 */
import { TIME_BLOCK } from './journal';

// Read once: through tsx (the CLI, tests) an imported constant is a getter, and add() runs per entry.
const BLOCK = TIME_BLOCK;

export class BlockSpan {
  private min = '';
  private max = '';

  /** `blocks`: block → [min at, max at] as journal_time_blocks records them. */
  constructor(private readonly blocks: Map<number, [string, string]>) {}

  /** Adds a verified entry (in sequence order); false when it closes a block recorded otherwise. */
  add(seq: number, at: string): boolean {
    if (seq % BLOCK === 1) {
      this.min = at;
      this.max = at;
    } else {
      if (at < this.min) this.min = at;
      if (at > this.max) this.max = at;
    }
    if (seq % BLOCK !== 0) return true;
    const recorded = this.blocks.get(seq / BLOCK - 1);
    return recorded !== undefined && recorded[0] === this.min && recorded[1] === this.max;
  }
}
