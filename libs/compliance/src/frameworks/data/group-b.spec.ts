import { CONTROLS } from '../../controls';
import { FRAMEWORKS_GROUP_B } from './group-b';

const EXPECTED_IDS = [
  'pci-dss-4.0',
  'hipaa-security',
  'soc2',
  'gdpr',
  'iso-27001-2022',
  'hitrust-csf',
  'cobit-2019',
  'csa-ccm-v4',
  'aws-well-architected-security',
  'aws-well-architected-reliability',
  'aws-well-architected-cost',
  'azure-well-architected-security',
  'azure-well-architected-reliability',
  'azure-well-architected-cost',
  'gcp-architecture-framework-security',
  'gcp-architecture-framework-reliability',
  'gcp-architecture-framework-cost',
  'us3.12-validation',
];

/** Well-architected pillars publish fewer items than the regulatory catalogues. */
const isPillar = (id: string): boolean => /well-architected|architecture-framework/.test(id);

const CLOUD_OF: Record<string, string> = { aws: 'aws', azure: 'azure', gcp: 'gcp' };

describe('framework mappings, group B', () => {
  it('contains exactly the group B frameworks', () => {
    expect(FRAMEWORKS_GROUP_B.map((f) => f.id).sort()).toEqual([...EXPECTED_IDS].sort());
  });

  it('has unique framework ids and aliases (case-insensitive, across ids and aliases)', () => {
    const names = FRAMEWORKS_GROUP_B.flatMap((f) => [f.id, ...(f.aliases ?? [])]).map((n) => n.toLowerCase());
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('gives every framework its metadata', () => {
    const problems: string[] = [];
    for (const f of FRAMEWORKS_GROUP_B) {
      for (const key of ['name', 'version', 'publisher', 'url'] as const) if (f[key].trim() === '') problems.push(`${f.id}: ${key}`);
      if (!/^(https:\/\/|urn:)/.test(f.url)) problems.push(`${f.id}: url ${f.url}`);
    }
    expect(problems).toEqual([]);
  });

  it('limits the cloud pillars to their cloud', () => {
    for (const f of FRAMEWORKS_GROUP_B.filter((x) => isPillar(x.id))) {
      const cloud = CLOUD_OF[f.id.split('-')[0]];
      expect(f.clouds).toEqual([cloud]);
    }
    for (const f of FRAMEWORKS_GROUP_B.filter((x) => !isPillar(x.id))) expect(f.clouds).toBeUndefined();
  });

  it('has unique requirement ids with titles within each framework', () => {
    const problems: string[] = [];
    for (const f of FRAMEWORKS_GROUP_B) {
      const ids = f.requirements.map((r) => r.id);
      for (const id of ids.filter((id, i) => ids.indexOf(id) !== i)) problems.push(`${f.id}: duplicate ${id}`);
      for (const r of f.requirements) if (r.id.trim() === '' || r.title.trim() === '') problems.push(`${f.id}: empty id/title`);
    }
    expect(problems).toEqual([]);
  });

  it('maps requirements only to known control topics, each at most once per requirement', () => {
    const problems: string[] = [];
    for (const f of FRAMEWORKS_GROUP_B) {
      for (const r of f.requirements) {
        for (const c of r.controls) if (!(c in CONTROLS)) problems.push(`${f.id} ${r.id}: ${c}`);
        if (new Set(r.controls).size !== r.controls.length) problems.push(`${f.id} ${r.id}: duplicate control`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lists 20–60 requirements per framework (at least 12 for a well-architected pillar)', () => {
    const problems: string[] = [];
    for (const f of FRAMEWORKS_GROUP_B) {
      const n = f.requirements.length;
      const min = isPillar(f.id) ? 12 : 20;
      if (n < min || n > 60) problems.push(`${f.id}: ${n}`);
    }
    expect(problems).toEqual([]);
  });

  it('maps most requirements of every framework to at least one control topic', () => {
    for (const f of FRAMEWORKS_GROUP_B) {
      const mapped = f.requirements.filter((r) => r.controls.length > 0).length;
      expect({ id: f.id, mostlyMapped: mapped * 2 >= f.requirements.length }).toEqual({ id: f.id, mostlyMapped: true });
    }
  });

  describe('us3.12-validation', () => {
    const us312 = FRAMEWORKS_GROUP_B.find((f) => f.id === 'us3.12-validation');

    it('has exactly the 60 rules numbered 1–60, in order', () => {
      expect(us312?.requirements.map((r) => r.id)).toEqual(Array.from({ length: 60 }, (_, i) => String(i + 1)));
    });

    it('maps every rule to at least one control topic', () => {
      expect(us312?.requirements.filter((r) => r.controls.length === 0).map((r) => r.id)).toEqual([]);
    });

    it('keeps the titles of the plan for a sample of rules', () => {
      const title = (id: string): string | undefined => us312?.requirements.find((r) => r.id === id)?.title;
      expect(title('1')).toBe('All databases must have encryption enabled');
      expect(title('28')).toBe('No oversized resource skus (detect waste)');
      expect(title('60')).toBe('Change management process followed');
    });
  });
});
