// Several samples per dimension (an odd number): the median level is kept with the spread
// (highest − lowest); a spread of `flagSpread` levels or more marks the dimension for human
// review. The claims shown are those of the first sample that scored the median, so the
// claims and the level agree.
import type { VerifiedClaim } from "./evidence-check.ts";
import { DIMENSIONS, type Dimension } from "./rubric.ts";

export interface SampleDimension {
  level: number;
  rationale: string;
  claims: VerifiedClaim[];
}

export interface DimensionResult {
  dimension: Dimension;
  level: number;
  levels: number[];
  spread: number;
  needsReview: boolean;
  rationale: string;
  claims: VerifiedClaim[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0 || values.length % 2 === 0) throw new Error(`The median needs an odd number of samples (got ${values.length}).`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) / 2]!;
}

export function aggregateSamples(samples: readonly Record<Dimension, SampleDimension>[], flagSpread: number): DimensionResult[] {
  return DIMENSIONS.map((dimension) => {
    const levels = samples.map((sample) => sample[dimension].level);
    const level = median(levels);
    const spread = Math.max(...levels) - Math.min(...levels);
    const chosen = samples.find((sample) => sample[dimension].level === level)![dimension];
    return { dimension, level, levels, spread, needsReview: spread >= flagSpread, rationale: chosen.rationale, claims: chosen.claims };
  });
}
