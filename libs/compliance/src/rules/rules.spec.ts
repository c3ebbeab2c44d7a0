import { CONTROLS } from '../controls';
import { runPlanFixture, runResourceFixture } from '../engine/fixtures';
import { CATEGORIES, SEVERITIES, type Rule } from '../model';
import { BUILTIN_RULES } from './index';

const ID = /^CW-(AWS|AZ|GCP|GEN|EV)-\d{4}$/;

describe('built-in rules', () => {
  it('have unique ids in the CW-<AREA>-NNNN form', () => {
    const ids = BUILTIN_RULES.map((r) => r.id);
    expect(ids.filter((id) => !ID.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('carry complete metadata from the fixed vocabularies', () => {
    const problems: string[] = [];
    for (const rule of BUILTIN_RULES) {
      if (!CATEGORIES.includes(rule.category)) problems.push(`${rule.id}: category ${rule.category}`);
      if (!SEVERITIES.includes(rule.severity)) problems.push(`${rule.id}: severity ${rule.severity}`);
      if (rule.controls.length === 0) problems.push(`${rule.id}: no controls`);
      for (const control of rule.controls) if (!(control in CONTROLS)) problems.push(`${rule.id}: control ${control}`);
      if (rule.title.trim() === '' || rule.description.trim() === '') problems.push(`${rule.id}: title/description`);
      if (rule.remediation.text.trim() === '' || rule.remediation.terraform.trim() === '') problems.push(`${rule.id}: remediation`);
      if (rule.clouds.includes('azure') && rule.scope === 'resource' && rule.resourceTypes.some((t) => t.startsWith('azurerm_')) && !rule.remediation.bicep) {
        problems.push(`${rule.id}: Azure rule without a Bicep fix`);
      }
      if (rule.references.length === 0) problems.push(`${rule.id}: no references`);
      if (rule.scope === 'resource' && rule.resourceTypes.length === 0) problems.push(`${rule.id}: no resource types`);
    }
    expect(problems).toEqual([]);
  });
});

type FixtureCase = [string, 'pass' | 'fail' | 'unknown' | 'not-applicable', number, Rule];

function cases(): FixtureCase[] {
  const out: FixtureCase[] = [];
  for (const rule of BUILTIN_RULES) {
    if (rule.scope === 'evidence') continue;
    const f = rule.fixtures as Record<string, readonly unknown[] | undefined>;
    for (const [key, status] of [
      ['pass', 'pass'],
      ['fail', 'fail'],
      ['unknown', 'unknown'],
      ['notApplicable', 'not-applicable'],
    ] as const) {
      (f[key] ?? []).forEach((_fixture, i) => out.push([rule.id, status, i, rule]));
    }
  }
  return out;
}

describe('rule fixtures', () => {
  it('every resource and plan rule has at least one pass and one fail fixture', () => {
    const missing = BUILTIN_RULES.filter((r) => r.scope !== 'evidence' && (r.fixtures.pass.length === 0 || r.fixtures.fail.length === 0)).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  const all = cases();
  if (all.length > 0) {
    it.each(all)('%s: %s fixture #%i gives that verdict', (_id, status, i, rule) => {
      const key = status === 'not-applicable' ? 'notApplicable' : status;
      if (rule.scope === 'resource') {
        const fixture = rule.fixtures[key]?.[i];
        if (!fixture) throw new Error('fixture missing');
        expect(runResourceFixture(rule, fixture).status).toBe(status);
      } else if (rule.scope === 'plan') {
        const fixture = (rule.fixtures as Readonly<Record<string, PlanFixtures | undefined>>)[key]?.[i];
        if (!fixture) throw new Error('fixture missing');
        expect(runPlanFixture(rule, fixture).status).toBe(status);
      }
    });
  }

  it('fail fixtures say what was found and what was expected', () => {
    const silent: string[] = [];
    for (const rule of BUILTIN_RULES) {
      if (rule.scope === 'resource') {
        rule.fixtures.fail.forEach((fixture, i) => {
          const result = runResourceFixture(rule, fixture);
          if (!result.found || !result.expected) silent.push(`${rule.id}#${i}`);
        });
      } else if (rule.scope === 'plan') {
        rule.fixtures.fail.forEach((fixture, i) => {
          const result = runPlanFixture(rule, fixture);
          if (!result.found || !result.expected) silent.push(`${rule.id}#${i}`);
        });
      }
    }
    expect(silent).toEqual([]);
  });
});

type PlanFixtures = readonly Parameters<typeof runPlanFixture>[1][];
