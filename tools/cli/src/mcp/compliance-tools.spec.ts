import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { COMPLIANCE_TOOL_NAMES, createComplianceMcpServer } from './compliance-tools';

const PLAN_PATH = resolve(__dirname, '../compliance/__fixtures__/insecure.plan.json');
const PLAN = JSON.parse(readFileSync(PLAN_PATH, 'utf8')) as Record<string, unknown>;

const text = (result: unknown, isError = false) => {
  const r = result as CallToolResult;
  expect(r.isError ?? false).toBe(isError);
  const first = r.content[0];
  if (first?.type !== 'text') throw new Error('expected a text result');
  return first.text;
};

describe(createComplianceMcpServer.name, () => {
  let client: Client;
  let close: () => Promise<unknown>;
  beforeAll(async () => {
    const server = createComplianceMcpServer();
    const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
    client = new Client({ name: 'test', version: '1.0.0' });
    await server.connect(serverTransport);
    await client.connect(clientTransport);
    close = () => Promise.all([client.close(), server.close()]);
  });
  afterAll(async () => {
    await close();
  });

  it('lists the four compliance tools', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...COMPLIANCE_TOOL_NAMES].sort());
  });

  it('analyze_infrastructure_compliance scores a plan given inline or by path, limited to the chosen frameworks', async () => {
    const inline = JSON.parse(text(await client.callTool({ name: 'analyze_infrastructure_compliance', arguments: { plan: PLAN, frameworks: ['pci'] } }))) as {
      scores: { frameworks: { framework: string }[] };
      findings: { ruleId: string; address: string; status: string }[];
    };
    expect(inline.scores.frameworks.map((f) => f.framework)).toEqual(['pci-dss-4.0']);
    expect(inline.findings).toContainEqual(expect.objectContaining({ ruleId: 'CW-AWS-0001', address: 'aws_db_instance.orders', status: 'fail' }));
    const byPath = JSON.parse(text(await client.callTool({ name: 'analyze_infrastructure_compliance', arguments: { planPath: PLAN_PATH, frameworks: ['pci'] } }))) as typeof inline;
    expect(byPath.findings.map((f) => `${f.ruleId} ${f.address}`)).toEqual(inline.findings.map((f) => `${f.ruleId} ${f.address}`));
  });

  it('assess_security_posture ranks the open SSH port above the unencrypted database', async () => {
    const posture = JSON.parse(text(await client.callTool({ name: 'assess_security_posture', arguments: { plan: PLAN } }))) as {
      securityScore: number;
      risks: { ruleId: string; risk: number; resources: string[] }[];
    };
    expect(posture.securityScore).toBeGreaterThan(0);
    expect(posture.securityScore).toBeLessThan(100);
    const ssh = posture.risks.findIndex((r) => r.resources.includes('aws_security_group.bastion'));
    const db = posture.risks.findIndex((r) => r.ruleId === 'CW-AWS-0001');
    expect(ssh).toBeGreaterThanOrEqual(0);
    expect(ssh).toBeLessThan(db);
  });

  it('get_remediation_steps returns ordered steps with fix templates and validation', async () => {
    const { steps } = JSON.parse(text(await client.callTool({ name: 'get_remediation_steps', arguments: { plan: PLAN, ruleId: 'CW-AWS-0001' } }))) as {
      steps: { order: number; ruleId: string; fix: { terraform: string }; validation: string; resources: string[] }[];
    };
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ order: 1, ruleId: 'CW-AWS-0001', resources: ['aws_db_instance.orders'] });
    expect(steps[0]?.fix.terraform).toContain('storage_encrypted = true');
    expect(steps[0]?.validation).toContain('CW-AWS-0001 must report pass');
  });

  it('generate_audit_report renders HTML by default and valid SARIF on request', async () => {
    const html = text(await client.callTool({ name: 'generate_audit_report', arguments: { plan: PLAN, auditor: 'auditor@example.com' } }));
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('auditor@example.com');
    const sarif = JSON.parse(text(await client.callTool({ name: 'generate_audit_report', arguments: { plan: PLAN, format: 'sarif' } }))) as { version: string; runs: unknown[] };
    expect(sarif.version).toBe('2.1.0');
    expect(new Ajv({ strict: false }).validate({ type: 'object', required: ['version', 'runs'] }, sarif)).toBe(true);
  });

  it('reports bad input as tool errors saying what is wrong', async () => {
    expect(text(await client.callTool({ name: 'analyze_infrastructure_compliance', arguments: {} }), true)).toMatch(/exactly one of plan/);
    expect(text(await client.callTool({ name: 'analyze_infrastructure_compliance', arguments: { plan: PLAN, frameworks: ['sox'] } }), true)).toMatch(/unknown framework "sox"/);
    expect(text(await client.callTool({ name: 'analyze_infrastructure_compliance', arguments: { plan: { format_version: '1.2', resource_changes: 1 } } }), true)).toMatch(/\$\.resource_changes/);
    expect(text(await client.callTool({ name: 'get_remediation_steps', arguments: { plan: PLAN, waivers: 'waivers: 3' } }), true)).toMatch(/waivers:1:10: waivers: expected a list/);
  });
});
