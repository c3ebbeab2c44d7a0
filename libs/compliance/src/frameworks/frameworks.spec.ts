import { BUILTIN_RULES } from '../rules';
import { BUILTIN_FRAMEWORKS, UnknownFrameworkError, resolveFrameworks } from './index';

const implemented = new Set(BUILTIN_RULES.flatMap((r) => r.controls));

describe('built-in rule set and frameworks', () => {
  it('has at least 150 resource-level controls across AWS, Azure and GCP', () => {
    const resourceRules = BUILTIN_RULES.filter((r) => r.scope === 'resource');
    expect(resourceRules.length).toBeGreaterThanOrEqual(150);
    for (const cloud of ['aws', 'azure', 'gcp'] as const) {
      expect(resourceRules.filter((r) => r.clouds.length === 1 && r.clouds[0] === cloud).length).toBeGreaterThanOrEqual(40);
    }
  });

  it('maps at least 20 frameworks, each with automated and manual requirements told apart', () => {
    expect(BUILTIN_FRAMEWORKS.length).toBeGreaterThanOrEqual(20);
    for (const fw of BUILTIN_FRAMEWORKS) {
      const automated = fw.requirements.filter((q) => q.controls.some((c) => implemented.has(c)));
      expect({ framework: fw.id, automated: automated.length > 0 }).toEqual({ framework: fw.id, automated: true });
    }
  });

  it('implements every one of the 60 US3.12 validation rules with at least one rule (resource, plan or evidence)', () => {
    const us312 = resolveFrameworks(['us3.12-validation'])[0];
    expect(us312?.requirements).toHaveLength(60);
    const unimplemented = (us312?.requirements ?? []).filter((q) => !q.controls.some((c) => implemented.has(c))).map((q) => `${q.id} ${q.title}`);
    expect(unimplemented).toEqual([]);
  });

  it('resolves ids and aliases case-insensitively and names the valid ones for an unknown name', () => {
    expect(resolveFrameworks(['PCI', 'cis-aws']).map((f) => f.id)).toEqual(['pci-dss-4.0', 'cis-aws-foundations']);
    expect(() => resolveFrameworks(['sox'])).toThrow(UnknownFrameworkError);
    expect(() => resolveFrameworks(['sox'])).toThrow(/valid names: .*nist-800-53-r5/);
  });
});
