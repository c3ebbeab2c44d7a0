import type { Rule } from '../../model';
import { GCP_COMPUTE_RULES } from './compute';
import { GCP_DATA_RULES } from './data';
import { GCP_GKE_RULES } from './gke';
import { GCP_IAM_KMS_RULES } from './iam-kms';
import { GCP_NETWORK_RULES } from './network';
import { GCP_SERVERLESS_RULES } from './serverless';
import { GCP_SQL_RULES } from './sql';
import { GCP_STORAGE_RULES } from './storage';

/** Google Cloud resource rules, CW-GCP-0001 upward. */
export const GCP_RULES: readonly Rule[] = [
  ...GCP_STORAGE_RULES,
  ...GCP_COMPUTE_RULES,
  ...GCP_NETWORK_RULES,
  ...GCP_GKE_RULES,
  ...GCP_SQL_RULES,
  ...GCP_IAM_KMS_RULES,
  ...GCP_SERVERLESS_RULES,
  ...GCP_DATA_RULES,
];
