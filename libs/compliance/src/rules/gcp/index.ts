import type { Rule } from '../../model';

export const GCP_RULES: readonly Rule[] = [];
