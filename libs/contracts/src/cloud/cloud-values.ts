/** Dimensions the cloud analyzer scores each cloud on (0–100 each; the total is their weighted mean). */
export const SCORE_DIMENSIONS = ['services', 'regions', 'certifications', 'cost', 'compliance'] as const;
export type ScoreDimension = (typeof SCORE_DIMENSIONS)[number];

export const ANALYSIS_STATUSES = ['analyzed', 'failed'] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

/** Data-residency areas a workload can require. */
export const RESIDENCY_AREAS = ['us', 'eu', 'uk', 'ca', 'apac', 'sa', 'me', 'af'] as const;
export type ResidencyArea = (typeof RESIDENCY_AREAS)[number];
