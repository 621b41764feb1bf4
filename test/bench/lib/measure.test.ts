/** The measuring helpers the benchmarks share (bench/lib/measure.ts). */
import { inReferenceLoads, median } from "../../../bench/lib/measure";

test("median: the middle sample, or the mean of the two middle ones, whatever the order", () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
});

test("a run's CPU in reference loads divides by the mean of the speed before and after the run", () => {
  // 230 s of CPU where a load took 580 ms before and 600 ms after: 390 loads.
  expect(inReferenceLoads(230_000, 580, 600)).toBeCloseTo(389.83, 2);
  // The same suite on a machine half as fast: twice the seconds, the same loads.
  expect(inReferenceLoads(460_000, 1160, 1200)).toBeCloseTo(inReferenceLoads(230_000, 580, 600), 10);
});
