/**
 * Where the CLI's passwords come from: standard input (one per line, for scripts and tests) or a
 * prompt on the terminal that does not echo. Never from an argument, where `ps` would show it.
 */
import { createInterface } from 'node:readline';
import type { Locale } from '../contract/messages';
import { Interrupted, UsageError } from './usage';
import { text } from '../contract/texts/cli';

export interface PasswordSource {
  /** `which`: 'acting' or 'new', for the message when a line is missing. */
  next(prompt: string, which: 'acting' | 'new', confirm?: boolean): Promise<string>;
}

export async function stdinPasswords(locale: Locale): Promise<PasswordSource> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const lines = Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
  let index = 0;
  return {
    async next(_prompt, which) {
      const line = lines[index++];
      if (line === undefined || (line === '' && index >= lines.length)) {
        throw new UsageError(text(locale, 'missingStdinLine', { which: text(locale, which === 'acting' ? 'firstLine' : 'secondLine') }));
      }
      return line;
    },
  };
}

export function promptPasswords(locale: Locale): PasswordSource {
  return {
    async next(prompt, _which, confirm = false) {
      if (!process.stdin.isTTY) throw new UsageError(text(locale, 'noTty'));
      const first = await askHidden(prompt);
      if (confirm) {
        const again = await askHidden(text(locale, 'repeatPrompt'));
        if (again !== first) throw new UsageError(text(locale, 'mismatch'));
      }
      return first;
    },
  };
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    let prompted = false;
    // Echo the prompt once, then nothing of what is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (!prompted) {
        prompted = true;
        write(s);
      }
    };
    // Raw mode turns Ctrl+C into a key, not a signal: without this the prompt paused and the CLI exited 0.
    rl.on('SIGINT', () => {
      rl.close();
      process.stderr.write('\n');
      reject(new Interrupted());
    });
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}
