import { readFileSync } from 'node:fs';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import {
  BUILTIN_RULES,
  REPORT_FORMATS,
  assessSecurityPosture,
  getRemediationSteps,
  parseWaiverFile,
  renderReport,
  scanPlanText,
  toJson,
  type ScanReport,
  type StackContext,
} from '@cloudwright/compliance';

export const COMPLIANCE_TOOL_NAMES = ['analyze_infrastructure_compliance', 'assess_security_posture', 'get_remediation_steps', 'generate_audit_report'] as const;

const planInput = {
  plan: z.record(z.string(), z.unknown()).optional().describe('The Terraform plan JSON (terraform show -json <planfile>) as an object'),
  planPath: z.string().optional().describe('Path of a Terraform plan JSON file (instead of plan)'),
  frameworks: z.array(z.string()).optional().describe('Framework ids or aliases to score (default: every framework), e.g. pci-dss-4.0, cis-aws'),
  waivers: z.string().optional().describe('Waiver file YAML (waivers: [{ id, rule?, resource?, framework?, requirement?, reason, owner, expires }])'),
  stack: z
    .object({
      stack: z.string().optional(),
      environment: z.string().optional(),
      evidence: z.record(z.string(), z.object({ value: z.boolean(), source: z.string().optional() })).optional(),
      requiredTags: z.record(z.enum(['owner', 'cost-center', 'environment', 'compliance']), z.array(z.string())).optional(),
      allowedRegions: z.array(z.string()).optional(),
      approvedImages: z.array(z.string()).optional(),
    })
    .optional()
    .describe('What a plan cannot show: stack, environment, evidence for process rules (e.g. { runbooks: { value: true } }), required tag keys, allowed regions, approved images'),
};

type PlanArgs = {
  plan?: Record<string, unknown>;
  planPath?: string;
  frameworks?: string[];
  waivers?: string;
  stack?: StackContext;
};

class ToolInputError extends Error {}

function fail(error: unknown): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: error instanceof Error ? error.message : String(error) }] };
}

function ok(value: unknown): CallToolResult {
  const json = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  return { content: [{ type: 'text', text: JSON.stringify(json, null, 2) }], structuredContent: json };
}

function run(fn: () => CallToolResult): CallToolResult {
  try {
    return fn();
  } catch (error) {
    return fail(error);
  }
}

function scan(args: PlanArgs, includePassed: boolean, scannedBy: string): ScanReport {
  if ((args.plan === undefined) === (args.planPath === undefined)) throw new ToolInputError('give exactly one of plan (the plan JSON object) and planPath');
  let text: string;
  let name: string;
  if (args.planPath !== undefined) {
    try {
      text = readFileSync(args.planPath, 'utf8');
    } catch (err) {
      throw new ToolInputError(`cannot read the plan ${args.planPath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    name = args.planPath;
  } else {
    text = JSON.stringify(args.plan);
    name = 'plan.json';
  }
  return scanPlanText(text, name, {
    ...(args.frameworks ? { frameworks: args.frameworks } : {}),
    ...(args.stack ? { stack: args.stack } : {}),
    ...(args.waivers !== undefined ? { waivers: parseWaiverFile(args.waivers, 'waivers'), waiverSource: 'waivers (tool input)' } : {}),
    includePassed,
    scannedBy,
  });
}

/**
 * An MCP server with the compliance tools: analyze_infrastructure_compliance, assess_security_posture,
 * get_remediation_steps and generate_audit_report — the same engine and reports as `cloudwright compliance scan`.
 */
export function createComplianceMcpServer(): McpServer {
  const server = new McpServer({ name: 'cloudwright-compliance', version: '0.1.0' });
  const who = 'mcp-client';

  server.registerTool(
    'analyze_infrastructure_compliance',
    {
      description:
        'Scan a Terraform plan against the built-in rules and framework mappings: framework scores (0-100) with passed/failed/unknown/manual/not-applicable counts, and findings with the framework requirements they map to, what was found vs expected, and remediation.',
      inputSchema: { ...planInput, includePassed: z.boolean().optional().describe('Also list passed findings') },
    },
    (args) => run(() => ok(JSON.parse(toJson(scan(args, args.includePassed === true, who))))),
  );

  server.registerTool(
    'assess_security_posture',
    {
      description:
        'Security score (severity-weighted pass rate of the security categories) with a grade, and the risks of a Terraform plan ranked by likelihood x impact.',
      inputSchema: planInput,
    },
    (args) => run(() => ok(assessSecurityPosture(scan(args, true, who)))),
  );

  server.registerTool(
    'get_remediation_steps',
    {
      description:
        'Ordered remediation steps for the failing findings of a Terraform plan: most severe first, quick wins first; each with the resources, the IaC fix template (Terraform, Bicep for Azure), effort and how to validate the fix.',
      inputSchema: {
        ...planInput,
        ruleId: z.string().optional().describe('Only this rule'),
        address: z.string().optional().describe('Only this resource address'),
        includeUnknown: z.boolean().optional().describe('Also list values only known after apply, as steps to verify'),
      },
    },
    (args) =>
      run(() => {
        const steps = getRemediationSteps(scan(args, false, who), {
          ...(args.ruleId ? { ruleId: args.ruleId } : {}),
          ...(args.address ? { address: args.address } : {}),
          includeUnknown: args.includeUnknown === true,
        });
        return ok({ steps });
      }),
  );

  server.registerTool(
    'generate_audit_report',
    {
      description:
        'An audit report of a Terraform plan scan: executive summary, framework scores, findings, remediation plan and audit trail (what was scanned, when, by whom, with which rule-set version), as HTML, JSON, SARIF 2.1.0, JUnit XML, CSV or a text table.',
      inputSchema: {
        ...planInput,
        format: z.enum(REPORT_FORMATS).optional().describe('Report format (default html)'),
        auditor: z.string().optional().describe('Who runs the audit (recorded in the audit trail)'),
        includePassed: z.boolean().optional().describe('Also list passed findings (default true for audits)'),
      },
    },
    (args) =>
      run(() => {
        const format = args.format ?? 'html';
        const report = scan(args, args.includePassed ?? true, args.auditor ?? who);
        const text = renderReport(format, report, BUILTIN_RULES);
        return {
          content: [{ type: 'text', text }],
          structuredContent: { format, scanId: report.audit.scanId, ruleSetVersion: report.audit.ruleSetVersion, bytes: Buffer.byteLength(text) },
        };
      }),
  );

  return server;
}
