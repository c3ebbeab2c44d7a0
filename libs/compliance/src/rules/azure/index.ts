import type { Rule } from '../../model';

export const AZURE_RULES: readonly Rule[] = [];
