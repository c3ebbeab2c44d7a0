import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { type CliCommand } from '../command';
import { createComplianceMcpServer } from './compliance-tools';
import { createCostMcpServer } from './cost-tools';

const USAGE = `usage:
  cloudwright mcp cost
  cloudwright mcp compliance

Serves Model Context Protocol tools over stdio (JSON-RPC on stdin/stdout) for an MCP client such as an AI assistant:
  cost   calculate_infrastructure_cost, forecast_costs, compare_cloud_costs, optimize_for_cost,
         analyze_resource, compare_sizing_options (prices from the catalog shipped with Cloudwright)
  compliance  analyze_infrastructure_compliance, assess_security_posture, get_remediation_steps,
              generate_audit_report (the built-in rules and framework mappings)
Configure a client with the command "cloudwright mcp cost" or "cloudwright mcp compliance". Exit codes: 0 when the client disconnects, 1 usage error.`;

const SERVERS = { cost: createCostMcpServer, compliance: createComplianceMcpServer } as const;

export const mcpCommand: CliCommand = {
  name: 'mcp',
  summary: 'serve the cost or compliance tools to MCP clients over stdio (cloudwright mcp cost|compliance)',
  async run(argv) {
    const [name, ...rest] = argv;
    if (name === '--help' || name === '-h') {
      console.log(USAGE);
      return 0;
    }
    if (!name || !Object.hasOwn(SERVERS, name)) {
      console.error(`cloudwright mcp: ${name ? `unknown server "${name}"` : 'missing the server name'} (servers: ${Object.keys(SERVERS).join(', ')})\n\n${USAGE}`);
      return 1;
    }
    if (rest.length > 0) {
      console.error(`cloudwright mcp ${name}: unexpected arguments: ${rest.join(' ')}\n\n${USAGE}`);
      return 1;
    }
    const server = SERVERS[name as keyof typeof SERVERS]();
    const transport = new StdioServerTransport();
    const closed = new Promise<void>((resolve) => {
      transport.onclose = resolve;
      process.stdin.once('end', () => void server.close().then(resolve, resolve));
    });
    await server.connect(transport);
    await closed;
    return 0;
  },
};
