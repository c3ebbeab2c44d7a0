import { type CliCommand } from './command';
import { eventsCommand } from './events/events.command';
import { downCommand } from './runtime/down.command';
import { dlqCommand } from './dlq/dlq.command';
import { requestCommand } from './deployments/request.command';
import { deployCommand } from './deployments/deploy.command';
import { historyCommand, statusCommand } from './deployments/status.command';
import { operateCommands } from './deployments/operate.command';
import { upCommand } from './platform/up.command';
import { costCommand } from './cost/cost.command';
import { mcpCommand } from './mcp/mcp.command';
import { complianceCommand } from './compliance/compliance.command';

/** Every command, in the order `cloudwright --help` lists them. */
export const commands: CliCommand[] = [
  upCommand,
  downCommand,
  deployCommand,
  statusCommand,
  historyCommand,
  ...operateCommands,
  requestCommand,
  costCommand,
  complianceCommand,
  mcpCommand,
  dlqCommand,
  eventsCommand,
];
