export { mutantsOf, sampleMutants, type Mutant } from "./mutants.ts";
export { mutantVariant, readMutationConfig, referenceMutants, wrongSolutions, MutationConfigSchema, type EquivalentMutant, type Variant } from "./variants.ts";
export { mutationScore, runPool, runVariant, wrongSolutionCaught, type MutationScore, type VariantOutcome, type VariantSandbox } from "./check-variants.ts";
