import type { Rule } from '../../model';
import { AZURE_COMPUTE_RULES } from './compute';
import { AZURE_GATEWAY_RULES } from './gateway';
import { AZURE_NETWORK_RULES } from './network';
import { AZURE_STORAGE_BLOB_RULES } from './storage-blob';
import { AZURE_STORAGE_ACCOUNT_RULES } from './storage';

export const AZURE_RULES: readonly Rule[] = [
  ...AZURE_STORAGE_ACCOUNT_RULES,
  ...AZURE_STORAGE_BLOB_RULES,
  ...AZURE_COMPUTE_RULES,
  ...AZURE_NETWORK_RULES,
  ...AZURE_GATEWAY_RULES,
];
