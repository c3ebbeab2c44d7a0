import type { Rule } from '../model';
import { AWS_RULES } from './aws';
import { AZURE_RULES } from './azure';
import { GCP_RULES } from './gcp';
import { GENERIC_RULES } from './generic';

/** Every rule of the built-in rule set, in id order. */
export const BUILTIN_RULES: readonly Rule[] = [...AWS_RULES, ...AZURE_RULES, ...GCP_RULES, ...GENERIC_RULES].sort((a, b) =>
  a.id.localeCompare(b.id),
);
