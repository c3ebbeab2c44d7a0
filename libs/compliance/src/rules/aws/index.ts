import type { Rule } from '../../model';
import { AWS_CLOUDFRONT_RULES } from './cloudfront';
import { AWS_COMPUTE_RULES } from './compute';
import { AWS_COST_RULES } from './cost';
import { AWS_DATA_RULES } from './data';
import { AWS_EC2_RULES } from './ec2';
import { AWS_IAM_RULES } from './iam';
import { AWS_KMS_RULES } from './kms';
import { AWS_LB_RULES } from './lb';
import { AWS_LOGGING_RULES } from './logging';
import { AWS_NETWORK_RULES } from './network';
import { AWS_RDS_RULES } from './rds';
import { AWS_S3_RULES } from './s3';
import { AWS_SEARCH_RULES } from './search';
import { AWS_SECRETS_RULES } from './secrets';

/** Every AWS resource rule (CW-AWS-0001 …), by service file. */
export const AWS_RULES: readonly Rule[] = [
  ...AWS_RDS_RULES,
  ...AWS_S3_RULES,
  ...AWS_EC2_RULES,
  ...AWS_NETWORK_RULES,
  ...AWS_IAM_RULES,
  ...AWS_KMS_RULES,
  ...AWS_LOGGING_RULES,
  ...AWS_LB_RULES,
  ...AWS_DATA_RULES,
  ...AWS_SEARCH_RULES,
  ...AWS_SECRETS_RULES,
  ...AWS_COMPUTE_RULES,
  ...AWS_COST_RULES,
  ...AWS_CLOUDFRONT_RULES,
];
