import { ProviderError } from '@cloudwright/cloud-provider';
import { SIM_REGIONS, findRegion, resolveRegion } from './regions';

describe('simulated regions', () => {
  it('lists the main regions of each cloud', () => {
    const ids = (cloud: 'aws' | 'azure' | 'gcp') => SIM_REGIONS[cloud].map((r) => r.id);
    expect(ids('aws').length).toBeGreaterThanOrEqual(8);
    expect(ids('aws')).toEqual(expect.arrayContaining(['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1']));
    expect(ids('azure').length).toBeGreaterThanOrEqual(8);
    expect(ids('azure')).toEqual(expect.arrayContaining(['eastus', 'eastus2', 'westus', 'westus2', 'westeurope', 'northeurope']));
    expect(ids('gcp').length).toBeGreaterThanOrEqual(8);
    expect(ids('gcp')).toEqual(expect.arrayContaining(['us-central1', 'us-east1', 'europe-west1', 'US', 'EU']));
    for (const regions of Object.values(SIM_REGIONS)) expect(new Set(regions.map((r) => r.id)).size).toBe(regions.length);
  });

  it('reads the spellings plans carry: Azure display names, GCP multi-regions in any case', () => {
    expect(findRegion('azure', 'West Europe')?.id).toBe('westeurope');
    expect(findRegion('gcp', 'us')?.id).toBe('US');
    expect(findRegion('gcp', 'eu')?.multiRegion).toBe(true);
    expect(findRegion('aws', 'eastus')).toBeNull();
  });

  it('refuses a region of another cloud with unknown-region, naming it and the known ones', () => {
    let error: unknown;
    try {
      resolveRegion('aws', 'westeurope', 'aws_vpc.main');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'unknown-region', address: 'aws_vpc.main', retryable: false });
    expect((error as Error).message).toMatch(/"westeurope" is not a aws region.*us-east-1/);
  });
});
