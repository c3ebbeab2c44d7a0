import type { ResourcePricer } from '../../engine/pricer';
import { AZURE_COMPUTE_PRICERS } from './compute';
import { AZURE_DATABASE_PRICERS } from './database';
import { AZURE_NETWORK_PRICERS } from './network';
import { AZURE_STORAGE_PRICERS } from './storage';

export const AZURE_PRICERS: readonly ResourcePricer[] = [...AZURE_COMPUTE_PRICERS, ...AZURE_DATABASE_PRICERS, ...AZURE_NETWORK_PRICERS, ...AZURE_STORAGE_PRICERS];
