import type { ResourcePricer } from '../../engine/pricer';
import { gcpComputeAddress, gcpComputeDisk, gcpComputeInstance, gcpForwardingRule, gcpRouterNat } from './compute';
import { gcpContainerCluster, gcpContainerNodePool } from './container';
import { gcpBigqueryDataset, gcpKmsCryptoKey, gcpPubsubTopic, gcpRedisInstance } from './data';
import { gcpSqlDatabaseInstance } from './database';
import { gcpCloudFunction, gcpCloudRunService } from './serverless';
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
  gcpRedisInstance,
  gcpPubsubTopic,
  gcpBigqueryDataset,
  gcpKmsCryptoKey,
  gcpCloudFunction,
  gcpCloudRunService,
];
