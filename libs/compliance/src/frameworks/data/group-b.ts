import type { Framework } from '../model';
import { AWS_WELL_ARCHITECTED_COST } from './aws-well-architected-cost';
import { AWS_WELL_ARCHITECTED_RELIABILITY } from './aws-well-architected-reliability';
import { AWS_WELL_ARCHITECTED_SECURITY } from './aws-well-architected-security';
import { AZURE_WELL_ARCHITECTED_COST } from './azure-well-architected-cost';
import { AZURE_WELL_ARCHITECTED_RELIABILITY } from './azure-well-architected-reliability';
import { AZURE_WELL_ARCHITECTED_SECURITY } from './azure-well-architected-security';
import { COBIT_2019 } from './cobit-2019';
import { CSA_CCM_V4 } from './csa-ccm-v4';
import { GCP_ARCHITECTURE_FRAMEWORK_COST } from './gcp-architecture-framework-cost';
import { GCP_ARCHITECTURE_FRAMEWORK_RELIABILITY } from './gcp-architecture-framework-reliability';
import { GCP_ARCHITECTURE_FRAMEWORK_SECURITY } from './gcp-architecture-framework-security';
import { GDPR } from './gdpr';
import { HIPAA_SECURITY } from './hipaa-security';
import { HITRUST_CSF } from './hitrust-csf';
import { ISO_27001_2022 } from './iso-27001-2022';
import { PCI_DSS_4_0 } from './pci-dss-4.0';
import { SOC2 } from './soc2';
import { US3_12_VALIDATION } from './us3.12-validation';

/**
 * Regulatory and industry frameworks, the three clouds' well-architected pillars, and Cloudwright's own US3.12
 * validation rules — one file per framework.
 */
export const FRAMEWORKS_GROUP_B: readonly Framework[] = [
  PCI_DSS_4_0,
  HIPAA_SECURITY,
  SOC2,
  GDPR,
  ISO_27001_2022,
  HITRUST_CSF,
  COBIT_2019,
  CSA_CCM_V4,
  AWS_WELL_ARCHITECTED_SECURITY,
  AWS_WELL_ARCHITECTED_RELIABILITY,
  AWS_WELL_ARCHITECTED_COST,
  AZURE_WELL_ARCHITECTED_SECURITY,
  AZURE_WELL_ARCHITECTED_RELIABILITY,
  AZURE_WELL_ARCHITECTED_COST,
  GCP_ARCHITECTURE_FRAMEWORK_SECURITY,
  GCP_ARCHITECTURE_FRAMEWORK_RELIABILITY,
  GCP_ARCHITECTURE_FRAMEWORK_COST,
  US3_12_VALIDATION,
];
