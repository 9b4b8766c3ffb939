/**
 * IPC channels for cards, loans, holds, register, notifications, reading. Fill the three tables; contract/ipc.ts merges them into REQUESTS,
 * Responses, API_CHANNELS and the generated TriplicateApi, and the router then demands a handler
 * for every channel (src-main/ipc/handlers/). Channel names are `domain:verb`; request schemas are
 * strict zod objects that never name the acting person.
 */
import { z } from 'zod';

/** channel → request schema */
export const LOAN_REQUESTS = {} as const satisfies Record<string, z.ZodType>;

/** channel → what it answers on success */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LoanResponses {}

/** window.triplicate.<domain>.<function> → channel */
export const LOAN_API = {} as const satisfies Record<string, Record<string, keyof typeof LOAN_REQUESTS>>;
