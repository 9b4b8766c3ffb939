/**
 * Pieces the archive-server tests and benchmark share: filed dossiers made through the core
 * before serving, a borrow card to file, and a log of what each workstation was told, so the
 * journal can be checked against it afterwards.
 */
import { expect } from 'vitest';
import type { NewCard } from '../../src-main/contract/loans';
import type { Result } from '../../src-main/contract/ipc';
import { createDossier, fileDossier } from '../../src-main/core/dossiers/service';
import type { RemoteClient } from '../../src-main/ipc/remote/client';
import type { TestArchive } from './archive';
import { completeDossier, PEOPLE, unlockAs } from './dossiers';

export async function fileDossiers(archive: TestArchive, secrecies: Array<'internal' | 'secret' | 'confidential'>): Promise<string[]> {
  const collector = await unlockAs(archive, PEOPLE.collector);
  try {
    const numbers: string[] = [];
    for (const secrecy of secrecies) {
      const content = completeDossier();
      const draft = await createDossier(collector, { ...content, classification: { ...content.classification, secrecy } });
      await fileDossier(collector, { number: draft.number });
      numbers.push(draft.number);
    }
    return numbers;
  } finally {
    await collector.lock();
  }
}

export const cardFor = (copyNumber: string): NewCard => ({
  copyNumber,
  purpose: '准备年度续约谈判',
  form: 'in-app',
  periodDays: 3,
  readingPlace: '总部 12 楼档案阅览室',
  acknowledgeNoPublicReading: true,
});

export interface Outcome {
  who: string;
  channel: string;
  ok: boolean;
  code?: string;
  value?: unknown;
}

/** Every answer a workstation got, to hold the journal against. */
export class OutcomeLog {
  readonly outcomes: Outcome[] = [];

  async call<T>(client: RemoteClient, who: string, channel: string, payload: unknown = {}): Promise<Result<T>> {
    const result = await client.call<T>(channel, payload);
    this.outcomes.push(result.ok ? { who, channel, ok: true, value: result.value } : { who, channel, ok: false, code: result.error.code });
    return result;
  }

  async must<T>(client: RemoteClient, who: string, channel: string, payload: unknown = {}): Promise<T> {
    const result = await this.call<T>(client, who, channel, payload);
    if (!result.ok) expect.fail(`${who} ${channel}: ${result.error.code} ${result.error.message ?? ''}`);
    return (result as { ok: true; value: T }).value;
  }

  async refused(client: RemoteClient, who: string, channel: string, payload: unknown, code: string): Promise<void> {
    const result = await this.call(client, who, channel, payload);
    expect(result.ok ? 'ok' : result.error.code, `${who} ${channel}`).toBe(code);
  }
}
