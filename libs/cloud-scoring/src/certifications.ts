import { type Cloud } from '@cloudwright/terraform-plan';

export interface Certification {
  readonly id: string;
  readonly name: string;
  /** The clouds that hold it (attestation, authorization or contractual offering such as a HIPAA BAA). */
  readonly clouds: readonly Cloud[];
  /**
   * Countries (ISO 3166) whose regions the certification covers, when it is tied to a jurisdiction (FedRAMP covers
   * US regions only; IRAP Australian ones; ISMAP Japanese ones; MTCS Singapore's). Absent: not region-bound here.
   */
  readonly countries?: readonly string[];
}

/**
 * Certifications and attestations per cloud, from each provider's public compliance catalogue:
 * - AWS: https://aws.amazon.com/compliance/programs/ and https://aws.amazon.com/compliance/services-in-scope/
 * - Azure: https://learn.microsoft.com/en-us/azure/compliance/ (compliance offerings)
 * - Google Cloud: https://cloud.google.com/security/compliance/offerings
 * Per-service scope is not modelled (each catalogue lists the services in scope); the jurisdiction of the
 * region-bound programmes is. Only programmes every source lists are recorded as held.
 */
export const CERTIFICATIONS: readonly Certification[] = [
  { id: 'hipaa', name: 'HIPAA (Business Associate Agreement)', clouds: ['aws', 'azure', 'gcp'] },
  { id: 'hitrust', name: 'HITRUST CSF', clouds: ['aws', 'azure', 'gcp'] },
  { id: 'pci-dss', name: 'PCI DSS Level 1', clouds: ['aws', 'azure', 'gcp'] },
  { id: 'soc-1', name: 'SOC 1 Type II', clouds: ['aws', 'azure', 'gcp'] },
  { id: 'soc-2', name: 'SOC 2 Type II', clouds: ['aws', 'azure', 'gcp'] },
  { id: 'soc-3', name: 'SOC 3', clouds: ['aws', 'azure', 'gcp'] },
  { id: 'iso-27001', name: 'ISO/IEC 27001', clouds: ['aws', 'azure', 'gcp'] },
  { id: 'iso-27017', name: 'ISO/IEC 27017', clouds: ['aws', 'azure', 'gcp'] },
  { id: 'iso-27018', name: 'ISO/IEC 27018', clouds: ['aws', 'azure', 'gcp'] },
  { id: 'iso-27701', name: 'ISO/IEC 27701', clouds: ['aws', 'azure', 'gcp'] },
  { id: 'csa-star', name: 'CSA STAR', clouds: ['aws', 'azure', 'gcp'] },
  { id: 'fedramp-moderate', name: 'FedRAMP Moderate', clouds: ['aws', 'azure', 'gcp'], countries: ['US'] },
  { id: 'fedramp-high', name: 'FedRAMP High', clouds: ['aws', 'azure', 'gcp'], countries: ['US'] },
  { id: 'cjis', name: 'CJIS', clouds: ['aws', 'azure', 'gcp'], countries: ['US'] },
  { id: 'c5', name: 'BSI C5 (Germany)', clouds: ['aws', 'azure', 'gcp'] },
  { id: 'ens-high', name: 'ENS High (Spain)', clouds: ['aws', 'azure', 'gcp'] },
  { id: 'hds', name: 'HDS (France, health data hosting)', clouds: ['aws', 'azure', 'gcp'] },
  { id: 'irap', name: 'IRAP PROTECTED (Australia)', clouds: ['aws', 'azure', 'gcp'], countries: ['AU'] },
  { id: 'ismap', name: 'ISMAP (Japan)', clouds: ['aws', 'azure', 'gcp'], countries: ['JP'] },
  { id: 'mtcs', name: 'MTCS Level 3 (Singapore)', clouds: ['aws', 'azure', 'gcp'], countries: ['SG'] },
];

const BY_ID = new Map(CERTIFICATIONS.map((c) => [c.id, c]));

/** `SOC2`, `soc_2`, `ISO 27001`, `PCI DSS` → `soc-2`, `iso-27001`, `pci-dss`. */
export function normaliseCertificationId(raw: string): string {
  const id = raw
    .trim()
    .toLowerCase()
    .replace(/[\s_/]+/g, '-');
  const numbered = /^(soc|iso)-?(\d+)$/.exec(id);
  if (numbered) return `${numbered[1]}-${numbered[2]}`;
  if (id === 'pcidss' || id === 'pci') return 'pci-dss';
  return id;
}

export function findCertification(raw: string): Certification | undefined {
  return BY_ID.get(normaliseCertificationId(raw));
}
