/**
 * argon2id key derivation for key slots (RFC 9106). Parameters are calibrated when a slot is made
 * and stored with it, so a slot made on a fast machine still opens on a slow one.
 *
 * Floors: 64 MiB and 3 passes (domain.md, Keys). Ceilings follow Bitwarden's accepted ranges
 * (memory ≤ 1024 MiB, passes ≤ 10, parallelism ≤ 16) so a forged keyring cannot make us allocate
 * unbounded memory.
 */
import argon2 from 'argon2';
import { z } from 'zod';

export const KDF_FLOOR = { memoryKiB: 64 * 1024, passes: 3, parallelism: 1 } as const;
export const KDF_CEILING = { memoryKiB: 1024 * 1024, passes: 10, parallelism: 16 } as const;

export const kdfParamsSchema = z.object({
  alg: z.literal('argon2id'),
  memoryKiB: z.number().int().min(KDF_FLOOR.memoryKiB).max(KDF_CEILING.memoryKiB),
  passes: z.number().int().min(KDF_FLOOR.passes).max(KDF_CEILING.passes),
  parallelism: z.number().int().min(1).max(KDF_CEILING.parallelism),
  salt: z.string().regex(/^[A-Za-z0-9+/]{22}==$/, '16-byte base64 salt'),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

export type KdfCost = Omit<KdfParams, 'alg' | 'salt'>;

/** One argon2id derivation: `deriveKey` here, or the archive server's low-priority password-check process. */
export type DeriveKey = (secret: Buffer, params: KdfParams) => Promise<Buffer>;

export async function deriveKey(secret: Buffer, params: KdfParams): Promise<Buffer> {
  return argon2.hash(secret, {
    type: argon2.argon2id,
    memoryCost: params.memoryKiB,
    timeCost: params.passes,
    parallelism: params.parallelism,
    salt: Buffer.from(params.salt, 'base64'),
    hashLength: 32,
    raw: true,
  });
}

/**
 * Finds a cost that takes about `targetMs` here. Memory is what makes guessing expensive on GPUs,
 * so it grows first (to 256 MiB), then passes. Never below the floor, however fast or slow the machine.
 */
export async function calibrate(targetMs: number): Promise<KdfCost> {
  const parallelism = 2;
  const MEMORY_PREFERRED_KIB = 256 * 1024;
  let cost: KdfCost = { memoryKiB: KDF_FLOOR.memoryKiB, passes: KDF_FLOOR.passes, parallelism };
  const probe = Buffer.from('calibration');
  const salt = Buffer.alloc(16, 7).toString('base64');
  const time = async (c: KdfCost): Promise<number> => {
    const start = performance.now();
    await deriveKey(probe, { alg: 'argon2id', salt, ...c });
    return performance.now() - start;
  };
  let elapsed = await time(cost);
  while (elapsed < targetMs * 0.7) {
    const factor = Math.min(2, targetMs / Math.max(elapsed, 1));
    const next: KdfCost =
      cost.memoryKiB < MEMORY_PREFERRED_KIB
        ? { ...cost, memoryKiB: Math.min(MEMORY_PREFERRED_KIB, Math.floor((cost.memoryKiB * factor) / 1024) * 1024) }
        : { ...cost, passes: Math.min(KDF_CEILING.passes, Math.max(cost.passes + 1, Math.floor(cost.passes * factor))) };
    if (next.passes === cost.passes && next.memoryKiB === cost.memoryKiB) break;
    const nextElapsed = await time(next);
    if (nextElapsed > targetMs * 1.3) break;
    cost = next;
    elapsed = nextElapsed;
  }
  return cost;
}
