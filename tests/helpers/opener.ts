/** Starts `opener-child.ts` in its own process: a second opener, or a holder to kill. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const CHILD = join(__dirname, 'opener-child.ts');

export interface TryResult {
  ok: boolean;
  ms: number;
  code?: string;
  params?: Record<string, string | number>;
  en?: string;
  zh?: string;
}

function start(mode: 'hold' | 'try', folder: string, login: string, password: string, stateDir: string): ChildProcess {
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', CHILD, mode, folder, login], {
    env: { ...process.env, TRIPLICATE_STATE_DIR: stateDir, TRIPLICATE_KDF_TARGET_MS: '1' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin!.end(`${password}\n`);
  return child;
}

/** One unlock attempt in another process; resolves with what it was told and how long that took. */
export function tryInChild(folder: string, login: string, password: string, stateDir: string): Promise<TryResult> {
  return new Promise((resolve, reject) => {
    const child = start('try', folder, login, password, stateDir);
    let out = '';
    child.stdout!.on('data', (chunk) => (out += String(chunk)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as TryResult);
      } catch {
        reject(new Error(`opener child said: ${out}`));
      }
    });
  });
}

/** A holder in another process, once it has the archive; `kill()` is kill -9. */
export function holdInChild(folder: string, login: string, password: string, stateDir: string): Promise<{ child: ChildProcess; kill: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = start('hold', folder, login, password, stateDir);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('holder did not start'));
    }, 60_000);
    child.stdout!.on('data', (chunk) => {
      if (!String(chunk).includes('held')) return;
      clearTimeout(timer);
      resolve({
        child,
        kill: () =>
          new Promise((done) => {
            child.on('exit', () => done());
            child.kill('SIGKILL');
          }),
      });
    });
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
}
