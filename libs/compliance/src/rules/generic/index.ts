import type { Rule } from '../../model';

export const GENERIC_RULES: readonly Rule[] = [];
