import type { Framework } from '../model';
import { CIS_AWS_FOUNDATIONS } from './cis-aws-foundations';
import { CIS_AZURE_FOUNDATIONS } from './cis-azure-foundations';
import { CIS_CONTROLS_V8 } from './cis-controls-v8';
import { CIS_GCP_FOUNDATIONS } from './cis-gcp-foundations';
import { CIS_KUBERNETES } from './cis-kubernetes';
import { FEDRAMP_MODERATE } from './fedramp-moderate';
import { NIST_800_171_R2 } from './nist-800-171-r2';
import { NIST_800_53_R5 } from './nist-800-53-r5';
import { NIST_CSF_2_0 } from './nist-csf-2.0';

/** CIS benchmarks and controls, NIST 800-53 / CSF / 800-171, FedRAMP Moderate. */
export const FRAMEWORKS_GROUP_A: readonly Framework[] = [
  CIS_AWS_FOUNDATIONS,
  CIS_AZURE_FOUNDATIONS,
  CIS_GCP_FOUNDATIONS,
  CIS_KUBERNETES,
  CIS_CONTROLS_V8,
  NIST_800_53_R5,
  NIST_CSF_2_0,
  NIST_800_171_R2,
  FEDRAMP_MODERATE,
];
