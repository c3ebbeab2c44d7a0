import type { ResourcePricer } from '../../engine/pricer';
import { gcpComputeAddress, gcpComputeDisk, gcpComputeInstance, gcpForwardingRule, gcpRouterNat } from './compute';
import { gcpContainerCluster, gcpContainerNodePool } from './container';
import { gcpSqlDatabaseInstance } from './database';
import { gcpStorageBucket } from './storage';

export const GCP_PRICERS: readonly ResourcePricer[] = [
  gcpComputeInstance,
  gcpComputeDisk,
  gcpComputeAddress,
  gcpForwardingRule,
  gcpRouterNat,
  gcpContainerCluster,
  gcpContainerNodePool,
  gcpSqlDatabaseInstance,
  gcpStorageBucket,
];
