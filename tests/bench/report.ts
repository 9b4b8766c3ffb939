/** One benchmark result line on stdout, in the format `npm run bench` promises. */
export function report(bench: string, value: number, unit: string, target: number): void {
  process.stdout.write(JSON.stringify({ bench, value: Number(value.toPrecision(4)), unit, target }) + '\n');
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
