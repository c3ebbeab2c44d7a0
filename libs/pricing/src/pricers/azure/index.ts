import type { ResourcePricer } from '../../engine/pricer';
import { AZURE_APP_SERVICE_PRICERS } from './app-service';
import { AZURE_CACHE_PRICERS } from './cache';
import { AZURE_COMPUTE_PRICERS } from './compute';
import { AZURE_COSMOSDB_PRICERS } from './cosmosdb';
import { AZURE_DATABASE_PRICERS } from './database';
import { AZURE_SQL_PRICERS } from './database-sql';
import { AZURE_MESSAGING_PRICERS } from './messaging';
import { AZURE_MONITORING_PRICERS } from './monitoring';
import { AZURE_NETWORK_PRICERS } from './network';
import { AZURE_SECURITY_PRICERS } from './security';
import { AZURE_STORAGE_PRICERS } from './storage';

export const AZURE_PRICERS: readonly ResourcePricer[] = [
  ...AZURE_COMPUTE_PRICERS,
  ...AZURE_DATABASE_PRICERS,
  ...AZURE_SQL_PRICERS,
  ...AZURE_COSMOSDB_PRICERS,
  ...AZURE_CACHE_PRICERS,
  ...AZURE_APP_SERVICE_PRICERS,
  ...AZURE_MESSAGING_PRICERS,
  ...AZURE_SECURITY_PRICERS,
  ...AZURE_MONITORING_PRICERS,
  ...AZURE_NETWORK_PRICERS,
  ...AZURE_STORAGE_PRICERS,
];
