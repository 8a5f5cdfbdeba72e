import { loadavg } from 'node:os'

/** The p-th percentile of ascending times (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** Runs `run` `iterations` times one after another; p50, p95 and mean of the wall times in ms. */
export async function timeEach(iterations: number, run: (index: number) => Promise<unknown>): Promise<{ p50: number; p95: number; mean: number }> {
  const times: number[] = []
  for (let index = 0; index < iterations; index += 1) {
    const started = performance.now()
    await run(index)
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95), mean: times.reduce((sum, time) => sum + time, 0) / times.length }
}

/** The 1, 5 and 15 minute load averages, printed beside every figure. */
export const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')

/**
 * The summary line every benchmark prints per figure, so that a run can be compared with the last:
 * `BENCH <benchmark> <figure> <value> <unit> goal=<goal> <met|not met>`.
 */
export function benchLine(benchmark: string, figure: string, value: string, unit: string, goal: string | number, met: boolean): void {
  console.log(`BENCH ${benchmark} ${figure} ${value} ${unit} goal=${goal} ${met ? 'met' : 'not met'}`)
}
