/** A worker thread of the chain walk (verify-pool.ts): chunks from the shared counter until none are left. */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, setNativeBinding, type Db } from '../db/connection';
import { ChainWalker } from './chain-walk';
import { takeChunk, type WorkerInput, type WorkerMessage } from './verify-pool';

const input = workerData as WorkerInput;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const counter = new Int32Array(input.counter);
let db: Db | undefined;
try {
  setNativeBinding(input.nativeBinding);
  const key = Buffer.from(input.key);
  try {
    db = openDatabase(input.path, key, { readonly: true });
  } finally {
    key.fill(0);
  }
  const walker = new ChainWalker(db, input.context);
  for (let index = takeChunk(counter); index !== null; index = takeChunk(counter)) {
    post({ index, result: walker.walk(index, input.lastSeq) });
  }
  post({ done: true });
} catch (error) {
  post({ failed: String((error as Error)?.message ?? error) });
} finally {
  db?.close();
}
