/**
 * A worker thread of the chain walk (verify-pool.ts): opens the archive while verify plans, then,
 * given the plan, takes pieces of chunks (verify-pieces.ts) from the shared counter until none are left.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, setNativeBinding, type Db } from '../db/connection';
import { ChainWalker } from './chain-walk';
import { takeChunk, type WorkerInput, type WorkerMessage, type WorkerPlan } from './verify-pool';
import { pieceSpan } from './verify-pieces';

const input = workerData as WorkerInput;
// Linux keeps a nice value per thread, and setpriority(0) here lowers this thread alone. Elsewhere
// it would lower the whole process, the thread that answers every workstation included: left as is.
if (input.lowerPriority && process.platform === 'linux') {
  try {
    setPriority(0, 19);
  } catch {
    /* the walk is the same at any priority */
  }
}
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const counter = new BigInt64Array(input.counter);
let db: Db | undefined;
try {
  setNativeBinding(input.nativeBinding);
  const key = Buffer.from(input.key);
  try {
    db = openDatabase(input.path, key, { readonly: true });
  } finally {
    key.fill(0);
  }
} catch (error) {
  post({ failed: String((error as Error)?.message ?? error) });
  db = undefined;
}
// Without a connection nothing keeps this thread: it ends, and verify walks its chunks itself.
if (db)
  parentPort!.once('message', (plan: WorkerPlan) => {
    try {
      if (plan && db) {
        const walker = new ChainWalker(db, plan.context);
        for (let index = takeChunk(counter); index !== null; index = takeChunk(counter)) {
          const { first, last } = pieceSpan(index, plan.lastSeq);
          post({ index, result: walker.walkSpan(first, last) });
        }
      }
      post({ done: true });
    } catch (error) {
      post({ failed: String((error as Error)?.message ?? error) });
    } finally {
      db?.close();
    }
  });
