/** The value below which a fraction `q` of the sorted samples lie (nearest rank). */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export const median = (samples: readonly number[]) => percentile(samples, 0.5);

/** "median (min–max)" over repeated runs. */
export function spread(samples: readonly number[], digits = 2): string {
  const f = (n: number) => n.toFixed(digits);
  return `${f(median(samples))} (${f(Math.min(...samples))}–${f(Math.max(...samples))})`;
}

export interface Verdict {
  name: string;
  target: string;
  met: boolean;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
