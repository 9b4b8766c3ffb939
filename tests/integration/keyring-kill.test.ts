/**
 * The keyring never goes back (issue 11, point 3): `person add`, `person passwd`, `person disable`,
 * `rekey`, `recover` and the lock-time journal head update are each killed with SIGKILL before
 * every one of their file-system steps in turn (open for writing, write, fsync, rename, copy,
 * remove; `tests/helpers/kill-child.ts`). After each kill the archive must open for every
 * committed person, with the password the database says is theirs, the journal must verify, and
 * no stray file may be left for a later open to misread.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../src-main/core/journal/verify';
import { addPerson, listPeople } from '../../src-main/core/people/service';
import type { Session } from '../../src-main/core/session';
import { ADMIN, makeArchive, type TestArchive } from '../helpers/archive';
import type { KillJob, KillOp } from '../helpers/kill-child';

const ROOT = join(__dirname, '..', '..');
const buildDir = mkdtempSync(join(tmpdir(), 'triplicate-kill-child-'));
const CHILD = join(buildDir, 'kill-child.cjs');
/** Kill points per operation, spread evenly over its steps (all of them when it has fewer). */
const POINTS_PER_OP = 10;

let archive: TestArchive;
/** What the test knows every person's password to be, updated from what the database committed. */
const passwords = new Map<string, string>();
let killPoints = 0;

beforeAll(async () => {
  // One bundle, so each killed process starts in a fraction of a second instead of compiling the core.
  buildSync({
    entryPoints: [join(ROOT, 'tests', 'helpers', 'kill-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: CHILD,
    external: ['better-sqlite3-multiple-ciphers', 'argon2'],
    logLevel: 'warning',
  });
  archive = await makeArchive();
  passwords.set(ADMIN.login, ADMIN.password);
});
afterAll(() => {
  archive?.cleanup();
  rmSync(buildDir, { recursive: true, force: true });
});

function runChild(job: KillJob): Promise<{ killed: boolean; steps: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, JSON.stringify(job)], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') return resolve({ killed: true, steps: job.killAt });
      const result = JSON.parse(out.trim().split('\n').pop() || '{}') as { done?: boolean; steps?: number; error?: string };
      if (!result.done) return reject(new Error(`${job.op} failed without a kill: ${result.error ?? out}`));
      resolve({ killed: false, steps: result.steps ?? 0 });
    });
  });
}

function job(op: KillOp, killAt: number, extra: Partial<KillJob> = {}): KillJob {
  return { op, folder: archive.folder, stateDir: archive.stateDir, killAt, admin: { login: ADMIN.login, password: passwords.get(ADMIN.login)! }, ...extra };
}

/** Which steps to kill at: every one, or an even spread including the first and the last. */
function killSteps(total: number): number[] {
  if (total <= POINTS_PER_OP) return Array.from({ length: total }, (_, i) => i + 1);
  return [...new Set(Array.from({ length: POINTS_PER_OP }, (_, i) => 1 + Math.round((i * (total - 1)) / (POINTS_PER_OP - 1))))];
}

async function adminSession(): Promise<Session> {
  return archive.unlock(ADMIN.login, passwords.get(ADMIN.login)!);
}

/**
 * The archive after a kill: it opens, the journal verifies, no stray file is left, every active
 * person's slot (the one the database names) is in the keyring, and the people the operation
 * touched — plus one bystander, whose slot a rekey re-seals — really open with their password.
 * (Unlocking all twenty-odd people after every kill would cost an argon2id run each.)
 */
async function checkArchive(touched: readonly string[], inspect: (session: Session) => void = () => undefined): Promise<void> {
  const session = await adminSession();
  try {
    inspect(session);
    const report = verifyJournal(session.archive.db, {
      archiveId: session.archive.archiveId,
      publicKey: session.archive.signer.publicKey,
      keyringHead: session.archive.keyring.journalHead,
    });
    expect(report.ok, JSON.stringify(report.problem)).toBe(true);
    const stray = readdirSync(archive.folder).filter(
      (f) => !['archive.db', 'archive.db-wal', 'archive.db-shm', 'keyring.json', 'archive.lock', 'archive.holder.json'].includes(f),
    );
    expect(stray).toEqual([]);
    const slots = new Set(session.archive.keyring.slots.map((s) => s.id));
    const active = session.archive.db.prepare('SELECT login, slot_id AS slotId FROM people WHERE disabled_at IS NULL').all() as {
      login: string;
      slotId: string;
    }[];
    for (const person of active) expect(slots.has(person.slotId), `${person.login}'s slot is in the keyring`).toBe(true);
    const people = await listPeople(session);
    await session.lock();
    const bystander = people.find((p) => !p.disabled && p.login !== ADMIN.login && !touched.includes(p.login));
    for (const login of [...touched, ...(bystander ? [bystander.login] : [])]) {
      const person = people.find((p) => p.login === login);
      if (!person) continue;
      const password = passwords.get(login);
      expect(password, `the test knows ${login}'s password`).toBeDefined();
      if (person.disabled) {
        // Its slot is removed just after the commit; killed in between, the slot still opens and says "disabled".
        const refused = await archive.unlock(login, password!).then(
          () => null,
          (error: { code?: string }) => error.code,
        );
        expect(['vault.wrongPassword', 'person.disabled']).toContain(refused);
      } else {
        await (await archive.unlock(login, password!)).lock();
      }
    }
  } finally {
    if (!session.locked) await session.lock();
  }
}

/** How many `ok` entries of an event the journal has: whether the killed operation committed. */
function committed(session: Session, event: string, objectLogin?: string): number {
  const sql = `SELECT count(*) FROM journal WHERE event = ? AND outcome = 'ok'${objectLogin ? ' AND object_id = (SELECT id FROM people WHERE login = ?)' : ''}`;
  return session.archive.db
    .prepare(sql)
    .pluck()
    .get(...(objectLogin ? [event, objectLogin] : [event])) as number;
}

interface LoopHooks {
  /** The job's extra fields for kill point i (0: the run that counts the steps). */
  prepare: (i: number) => Promise<Partial<KillJob>> | Partial<KillJob>;
  /** Before the archive is opened for the check (when the administrator's own password may have changed). */
  before?: (extra: Partial<KillJob>) => Promise<void>;
  /** With the administrator's session open: learn what the killed operation committed. */
  inspect?: (extra: Partial<KillJob>, session: Session) => void;
}

/** Runs an operation once to count its steps, then kills it before each chosen step. */
async function killLoop(op: KillOp, hooks: LoopHooks): Promise<number> {
  const touched = (extra: Partial<KillJob>) => (extra.login ? [extra.login] : []);
  const check = async (extra: Partial<KillJob>) => {
    await hooks.before?.(extra);
    await checkArchive(touched(extra), (session) => hooks.inspect?.(extra, session));
  };
  const dry = await hooks.prepare(0);
  const { steps } = await runChild(job(op, 0, dry));
  await check(dry);
  expect(steps).toBeGreaterThan(3);
  const points = killSteps(steps);
  let killed = 0;
  for (const [n, step] of points.entries()) {
    const extra = await hooks.prepare(n + 1);
    // A later run may take a step or two fewer (nothing left to tidy); one that ends before its kill point is simply checked.
    const result = await runChild(job(op, step, extra));
    if (result.killed) killed++;
    await check(extra);
  }
  expect(killed, `${op}: kill points reached`).toBeGreaterThanOrEqual(points.length - 2);
  killPoints += killed;
  return killed;
}

describe('kill -9 at every step', () => {
  it('person add', async () => {
    await killLoop('add', {
      prepare: (i) => ({ login: `added.${i}`, password: `added-pass-${i}-x` }),
      inspect: (extra, session) => {
        if (committed(session, 'person.add', extra.login) > 0) passwords.set(extra.login!, extra.password!);
      },
    });
  }, 600_000);

  it('person passwd', async () => {
    await archive.addPerson({ login: 'target', name: '目标', department: 'sales', rank: 'staff', password: 'target-pass-0x' });
    passwords.set('target', 'target-pass-0x');
    let before = 0;
    await killLoop('passwd', {
      prepare: (i) => ({ login: 'target', currentPassword: passwords.get('target')!, password: `target-pass-${i + 1}x` }),
      inspect: (extra, session) => {
        const now = committed(session, 'person.changeOwnPassword', 'target');
        if (now > before) passwords.set('target', extra.password!);
        before = now;
      },
    });
  }, 600_000);

  it('person disable', async () => {
    const session = await adminSession();
    for (let i = 0; i <= POINTS_PER_OP; i++) {
      await addPerson(session, { login: `leaving.${i}`, name: `leaving ${i}`, department: 'sales', rank: 'staff', duties: [], password: `leaving-pass-${i}` });
      passwords.set(`leaving.${i}`, `leaving-pass-${i}`);
    }
    await session.lock();
    await killLoop('disable', { prepare: (i) => ({ login: `leaving.${i}` }) });
  }, 600_000);

  it('rekey', async () => {
    await killLoop('rekey', { prepare: () => ({}) });
  }, 600_000);

  it('recover', async () => {
    await killLoop('recover', {
      prepare: (i) => ({ recoveryKey: archive.recoveryKey, password: `admin-recovered-${i}` }),
      before: async (extra) => {
        // The new password opens exactly when the database took the new slot; else the old one
        // must (the check that follows). One wrong try is free and the next unlock settles it.
        try {
          await (await archive.unlock(ADMIN.login, extra.password!)).lock();
          passwords.set(ADMIN.login, extra.password!);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('vault.wrongPassword');
        }
      },
    });
  }, 600_000);

  it('the lock-time journal head update', async () => {
    await killLoop('lock', { prepare: () => ({}) });
  }, 600_000);

  it('covered at least 50 kill points', () => {
    expect(killPoints).toBeGreaterThanOrEqual(50);
  });
});
