import { AREAS, DEFAULT_REGIONS, REGIONS, findRegion, regionsInArea } from './regions';

describe('REGIONS', () => {
  it('gives every region a residency area and holds each cloud default region', () => {
    for (const [cloud, regions] of Object.entries(REGIONS)) {
      for (const region of regions) {
        expect(region.cloud).toBe(cloud);
        expect(AREAS).toContain(region.area);
      }
    }
    for (const cloud of ['aws', 'azure', 'gcp'] as const) expect(findRegion(cloud, DEFAULT_REGIONS[cloud])?.area).toBe('us');
  });

  it('has no region in the me and af areas on any cloud', () => {
    for (const cloud of ['aws', 'azure', 'gcp'] as const) {
      expect(regionsInArea(cloud, 'me')).toEqual([]);
      expect(regionsInArea(cloud, 'af')).toEqual([]);
    }
  });
});

describe(findRegion.name, () => {
  it('accepts the spellings plans carry', () => {
    expect(findRegion('azure', 'West Europe')?.id).toBe('westeurope');
    expect(findRegion('gcp', 'us')?.id).toBe('US');
    expect(findRegion('gcp', 'EU')).toMatchObject({ area: 'eu', multiRegion: true });
    expect(findRegion('aws', 'eu-west-2')?.area).toBe('uk');
    expect(findRegion('aws', 'sa-east-1')?.area).toBe('sa');
  });

  it('returns null for a region of another cloud or an unknown name', () => {
    expect(findRegion('aws', 'eastus')).toBeNull();
    expect(findRegion('gcp', 'mars-north1')).toBeNull();
  });
});
