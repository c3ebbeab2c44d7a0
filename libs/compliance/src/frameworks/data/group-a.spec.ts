import { CONTROLS } from '../../controls';
import { FRAMEWORKS_GROUP_A } from './group-a';

const automated = (fw: (typeof FRAMEWORKS_GROUP_A)[number]): number => fw.requirements.filter((r) => r.controls.length > 0).length;

describe('framework mappings, group A', () => {
  it('holds the nine frameworks of the group', () => {
    expect(FRAMEWORKS_GROUP_A.map((f) => f.id).sort()).toEqual([
      'cis-aws-foundations',
      'cis-azure-foundations',
      'cis-controls-v8',
      'cis-gcp-foundations',
      'cis-kubernetes',
      'fedramp-moderate',
      'nist-800-171-r2',
      'nist-800-53-r5',
      'nist-csf-2.0',
    ]);
  });

  it('have unique ids and aliases (case-insensitive), none an id of another framework', () => {
    const names = FRAMEWORKS_GROUP_A.flatMap((f) => [f.id, ...(f.aliases ?? [])]).map((n) => n.toLowerCase());
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('carry name, version, publisher and an https url', () => {
    for (const fw of FRAMEWORKS_GROUP_A) {
      expect([fw.id, fw.name.trim() !== '', fw.version.trim() !== '', fw.publisher.trim() !== '']).toEqual([fw.id, true, true, true]);
      expect(fw.url).toMatch(/^https:\/\/\S+$/);
    }
  });

  it.each(FRAMEWORKS_GROUP_A.map((f) => [f.id, f] as const))('%s: unique requirement ids, titles, known controls without duplicates', (_id, fw) => {
    const ids = fw.requirements.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const r of fw.requirements) {
      expect([r.id, r.title.trim().length > 0]).toEqual([r.id, true]);
      expect(r.controls.filter((c) => !(c in CONTROLS))).toEqual([]);
      expect(r.controls.filter((c, i) => r.controls.indexOf(c) !== i)).toEqual([]);
    }
  });

  it.each(FRAMEWORKS_GROUP_A.map((f) => [f.id, f] as const))('%s: at least 20 requirements, at least half automated', (_id, fw) => {
    expect(fw.requirements.length).toBeGreaterThanOrEqual(20);
    // No framework of this group is mostly process: every one keeps at least half of its requirements mapped to topics.
    expect(automated(fw) * 2).toBeGreaterThanOrEqual(fw.requirements.length);
  });

  it('number requirements the way their public text does', () => {
    const cisBenchmark = /^\d+(\.\d+){1,2}$/;
    const byId = new Map(FRAMEWORKS_GROUP_A.map((f) => [f.id, f]));
    const patterns: Record<string, RegExp> = {
      'cis-aws-foundations': cisBenchmark,
      'cis-azure-foundations': cisBenchmark,
      'cis-gcp-foundations': cisBenchmark,
      'cis-kubernetes': /^((EKS|AKS|GKE) )?\d+(\.\d+){2}$/,
      'cis-controls-v8': /^\d+\.\d+$/,
      'nist-800-53-r5': /^[A-Z]{2}-\d+(\(\d+\))?$/,
      'fedramp-moderate': /^[A-Z]{2}-\d+(\(\d+\))?$/,
      'nist-csf-2.0': /^(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{2}$/,
      'nist-800-171-r2': /^3\.\d+\.\d+$/,
    };
    const bad: string[] = [];
    for (const [id, pattern] of Object.entries(patterns)) {
      for (const r of byId.get(id)?.requirements ?? []) if (!pattern.test(r.id)) bad.push(`${id} ${r.id}`);
    }
    expect(bad).toEqual([]);
  });

  it('limit single-cloud benchmarks to their cloud', () => {
    const clouds = Object.fromEntries(FRAMEWORKS_GROUP_A.map((f) => [f.id, f.clouds ?? []]));
    expect([clouds['cis-aws-foundations'], clouds['cis-azure-foundations'], clouds['cis-gcp-foundations']]).toEqual([['aws'], ['azure'], ['gcp']]);
    expect(clouds['cis-kubernetes']).toEqual([]);
  });
});
