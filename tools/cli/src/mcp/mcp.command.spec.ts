import { resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { mcpCommand } from './mcp.command';

const ROOT = resolve(__dirname, '../../../..');

describe('mcpCommand', () => {
  let errors: string[];
  let logs: string[];
  beforeEach(() => {
    errors = [];
    logs = [];
    jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')));
    jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')));
  });
  afterEach(() => jest.restoreAllMocks());

  it('rejects an unknown server name with the usage and exit code 1', async () => {
    await expect(mcpCommand.run(['billing'])).resolves.toBe(1);
    expect(errors.join('\n')).toMatch(/unknown server "billing" \(servers: cost, compliance\)/);
    expect(errors.join('\n')).toMatch(/usage:\n {2}cloudwright mcp cost/);
  });

  it('rejects a missing server name and extra arguments', async () => {
    await expect(mcpCommand.run([])).resolves.toBe(1);
    expect(errors.join('\n')).toMatch(/missing the server name/);
    await expect(mcpCommand.run(['cost', '--port', '1'])).resolves.toBe(1);
    expect(errors.join('\n')).toMatch(/unexpected arguments: --port 1/);
  });

  it('prints the usage on --help with exit code 0', async () => {
    await expect(mcpCommand.run(['--help'])).resolves.toBe(0);
    expect(logs.join('\n')).toMatch(/calculate_infrastructure_cost/);
  });

  it('serves the tools over stdio in a child process', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['-r', resolve(ROOT, 'libs/messaging/src/__tests__/swc-register.js'), resolve(ROOT, 'tools/cli/src/mcp/cost-server.entry.ts')],
      cwd: ROOT,
      stderr: 'pipe',
    });
    const stderr: string[] = [];
    transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const client = new Client({ name: 'stdio-test', version: '1.0.0' });
    try {
      await client.connect(transport);
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(6);
      const result = (await client.callTool({ name: 'forecast_costs', arguments: { monthlyCost: '200', months: 2, growthRatePct: -50, startMonth: '2026-01' } })) as CallToolResult;
      expect(result.isError ?? false).toBe(false);
      const first = result.content[0];
      const body = JSON.parse(first?.type === 'text' ? first.text : '{}') as { total: string; trend: string };
      expect(body).toMatchObject({ total: '300', trend: 'shrinking' });
      const bad = (await client.callTool({ name: 'forecast_costs', arguments: { monthlyCost: '1', months: 0, startMonth: '2026-01' } })) as CallToolResult;
      expect(bad.isError).toBe(true);
    } finally {
      await client.close();
    }
    expect(stderr.join('')).toBe('');
  });

  it('serves the compliance tools over stdio in a child process', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['-r', resolve(ROOT, 'libs/messaging/src/__tests__/swc-register.js'), resolve(ROOT, 'tools/cli/src/mcp/compliance-server.entry.ts')],
      cwd: ROOT,
      stderr: 'pipe',
    });
    const stderr: string[] = [];
    transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const client = new Client({ name: 'stdio-test', version: '1.0.0' });
    try {
      await client.connect(transport);
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(['analyze_infrastructure_compliance', 'assess_security_posture', 'generate_audit_report', 'get_remediation_steps']);
      const planPath = resolve(ROOT, 'tools/cli/src/compliance/__fixtures__/insecure.plan.json');
      const result = (await client.callTool({ name: 'get_remediation_steps', arguments: { planPath } })) as CallToolResult;
      expect(result.isError ?? false).toBe(false);
      const first = result.content[0];
      const body = JSON.parse(first?.type === 'text' ? first.text : '{}') as { steps: { severity: string }[] };
      expect(body.steps[0]?.severity).toBe('critical');
    } finally {
      await client.close();
    }
    expect(stderr.join('')).toBe('');
  });
});
