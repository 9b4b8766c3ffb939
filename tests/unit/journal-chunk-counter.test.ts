/**
 * The verify pool's chunk counter (verify-pool.ts): workers take chunks from the front, the
 * verifying thread from the end (its cache holds the newest pages), and however the takes
 * interleave every chunk is walked exactly once.
 */
import { describe, expect, it } from 'vitest';
import { newChunkCounter, offerChunks, takeChunk } from '../../src-main/core/journal/verify-pool';

describe('the chunk counter', () => {
  it('hands out nothing before chunks are offered', () => {
    const counter = newChunkCounter();
    expect(takeChunk(counter)).toBeNull();
    expect(takeChunk(counter, 'end')).toBeNull();
  });

  it('gives the front from 0 up and the end from the last chunk down', () => {
    const counter = newChunkCounter();
    offerChunks(counter, 5);
    expect(takeChunk(counter, 'end')).toBe(4);
    expect(takeChunk(counter)).toBe(0);
    expect(takeChunk(counter, 'end')).toBe(3);
    expect(takeChunk(counter)).toBe(1);
    expect(takeChunk(counter)).toBe(2);
    expect(takeChunk(counter)).toBeNull();
    expect(takeChunk(counter, 'end')).toBeNull();
  });

  it('takes every chunk exactly once in any interleaving of the two ends', () => {
    for (let chunks = 0; chunks < 40; chunks++) {
      for (let pattern = 0; pattern < 64; pattern++) {
        const counter = newChunkCounter();
        offerChunks(counter, chunks);
        const taken: number[] = [];
        for (let step = 0; ; step++) {
          const index = takeChunk(counter, (pattern >> (step % 6)) & 1 ? 'end' : 'front');
          if (index === null) break;
          taken.push(index);
        }
        expect(taken.sort((a, b) => a - b)).toEqual(Array.from({ length: chunks }, (_, i) => i));
      }
    }
  });

  it('counts past 65,535 chunks on either end', () => {
    const counter = newChunkCounter();
    offerChunks(counter, 70_000);
    expect(takeChunk(counter, 'end')).toBe(69_999);
    expect(takeChunk(counter)).toBe(0);
  });
});
