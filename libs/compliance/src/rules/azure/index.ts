import type { Rule } from '../../model';
import { AZURE_AKS_RULES } from './aks';
import { AZURE_COMPUTE_RULES } from './compute';
import { AZURE_DATABASE_RULES } from './databases';
import { AZURE_GATEWAY_RULES } from './gateway';
import { AZURE_KEYVAULT_RULES } from './keyvault';
import { AZURE_MESSAGING_RULES } from './messaging';
import { AZURE_MONITORING_RULES } from './monitoring';
import { AZURE_NETWORK_RULES } from './network';
import { AZURE_NOSQL_RULES } from './nosql';
import { AZURE_SQL_RULES } from './sql';
import { AZURE_STORAGE_BLOB_RULES } from './storage-blob';
import { AZURE_STORAGE_ACCOUNT_RULES } from './storage';
import { AZURE_WEB_RULES } from './web';

/** Azure (azurerm) resource rules, CW-AZ-0001 upward: storage, compute, network, AKS, databases, Key Vault, web, monitoring, messaging. */
export const AZURE_RULES: readonly Rule[] = [
  ...AZURE_STORAGE_ACCOUNT_RULES,
  ...AZURE_STORAGE_BLOB_RULES,
  ...AZURE_COMPUTE_RULES,
  ...AZURE_NETWORK_RULES,
  ...AZURE_GATEWAY_RULES,
  ...AZURE_AKS_RULES,
  ...AZURE_DATABASE_RULES,
  ...AZURE_SQL_RULES,
  ...AZURE_NOSQL_RULES,
  ...AZURE_KEYVAULT_RULES,
  ...AZURE_WEB_RULES,
  ...AZURE_MONITORING_RULES,
  ...AZURE_MESSAGING_RULES,
];
