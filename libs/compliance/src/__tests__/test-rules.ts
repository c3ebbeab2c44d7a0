import type { Framework } from '../frameworks/model';
import type { EvidenceRule, ResourceRule } from '../model';
import { attrEquals } from '../rules/common/checks';

/** A tiny rule set and framework catalogue with known weights, so score arithmetic can be checked by hand. */
function rule(id: string, severity: ResourceRule['severity'], attr: string, controls: ResourceRule['controls']): ResourceRule {
  return {
    id,
    scope: 'resource',
    title: `${attr} is on`,
    description: 'test rule',
    category: 'encryption-at-rest',
    severity,
    clouds: ['aws'],
    resourceTypes: ['aws_thing'],
    controls,
    check: attrEquals(attr, true),
    remediation: { text: `turn ${attr} on`, terraform: `${attr} = true`, effort: severity === 'critical' ? 'medium' : 'low' },
    references: ['https://example.com'],
    fixtures: { pass: [{ values: { [attr]: true } }], fail: [{ values: { [attr]: false } }] },
  };
}

export const TEST_RULES = [
  rule('CW-AWS-9001', 'critical', 'a', ['ear.database']),
  rule('CW-AWS-9002', 'medium', 'b', ['ear.block-storage']),
  rule('CW-AWS-9003', 'low', 'c', ['log.retention']),
  {
    id: 'CW-EV-9001',
    scope: 'evidence',
    title: 'Runbooks exist',
    description: 'test',
    category: 'best-practice',
    severity: 'low',
    clouds: ['aws', 'azure', 'gcp'],
    controls: ['ev.runbooks'],
    evidence: { key: 'runbooks', asks: 'are there runbooks?' },
    remediation: { text: 'write runbooks', terraform: 'evidence:\n  runbooks: { value: true }', effort: 'medium' },
    references: ['https://example.com'],
  } satisfies EvidenceRule,
];

export const TEST_FRAMEWORKS: Framework[] = [
  {
    id: 'fw-one',
    name: 'Framework one',
    version: '1',
    publisher: 'test',
    url: 'https://example.com',
    aliases: ['one'],
    requirements: [
      { id: 'R1', title: 'databases encrypted', controls: ['ear.database'] },
      { id: 'R2', title: 'disks encrypted', controls: ['ear.block-storage'] },
      { id: 'R3', title: 'logs kept', controls: ['log.retention'] },
      { id: 'R4', title: 'runbooks', controls: ['ev.runbooks'] },
      { id: 'R5', title: 'people trained', controls: [] },
      { id: 'R6', title: 'caches encrypted', controls: ['ear.cache'] },
    ],
  },
  {
    id: 'fw-azure',
    name: 'Azure only',
    version: '1',
    publisher: 'test',
    url: 'https://example.com',
    clouds: ['azure'],
    requirements: [{ id: 'Z1', title: 'databases encrypted', controls: ['ear.database'] }],
  },
];
