/**
 * Opens refused before anyone held the archive — in use by another holder, read-only folder, full
 * disk, I/O error, damaged file — cannot be journaled when they happen (the refused opener may
 * not write, or cannot). Like failed passwords (`throttle.ts`) they wait on this workstation,
 * outside the archive, and are written into the journal at the next successful unlock here.
 */
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../../contract/errors';
import { StateFile } from './state-file';

/** The refusals worth a journal entry; bad input and wrong passwords are handled elsewhere. */
export const JOURNALED_REFUSALS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'vault.inUse',
  'vault.busy',
  'vault.readOnly',
  'vault.diskFull',
  'vault.ioError',
  'vault.damaged',
]);

const refusalSchema = z.object({
  at: z.string().max(64),
  code: z.enum(ERROR_CODES),
  /** The keyring's locator of the login that tried (never the login itself). */
  locator: z.string().max(128).nullable(),
  params: z.record(z.string(), z.union([z.string().max(300), z.number()])),
});
export type RefusedOpen = z.infer<typeof refusalSchema>;
const stateSchema = z.record(z.string(), z.array(refusalSchema).max(100));

export class RefusedOpens {
  private readonly file: StateFile<RefusedOpen[]>;

  constructor(stateDir: string) {
    this.file = new StateFile(stateDir, 'refused-opens.json', stateSchema);
  }

  private read(): z.infer<typeof stateSchema> {
    return this.file.read();
  }

  record(archiveId: string, refusal: RefusedOpen): void {
    const state = this.read();
    state[archiveId] = [...(state[archiveId] ?? []), refusal].slice(-100);
    this.file.write(state);
  }

  pending(archiveId: string): RefusedOpen[] {
    return this.read()[archiveId] ?? [];
  }

  /** After the pending refusals were journaled. */
  clear(archiveId: string): void {
    const state = this.read();
    if (!(archiveId in state)) return;
    delete state[archiveId];
    this.file.write(state);
  }
}
