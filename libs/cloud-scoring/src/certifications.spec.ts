import { findCertification, normaliseCertificationId } from './certifications';

describe(normaliseCertificationId.name, () => {
  it.each([
    ['SOC2', 'soc-2'],
    ['soc_2', 'soc-2'],
    ['ISO 27001', 'iso-27001'],
    ['iso27017', 'iso-27017'],
    ['PCI DSS', 'pci-dss'],
    ['pci', 'pci-dss'],
    [' FedRAMP-High ', 'fedramp-high'],
  ])('%s → %s', (raw, id) => {
    expect(normaliseCertificationId(raw)).toBe(id);
  });

  it('finds a certification through its aliases, and nothing for an unknown id', () => {
    expect(findCertification('HIPAA')?.clouds).toEqual(['aws', 'azure', 'gcp']);
    expect(findCertification('fedramp-high')?.countries).toEqual(['US']);
    expect(findCertification('made-up-cert')).toBeUndefined();
  });
});
