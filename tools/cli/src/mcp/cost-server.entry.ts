// Runs `cloudwright mcp cost` on its own (for the stdio test and MCP client configurations without a build):
// node -r ./libs/messaging/src/__tests__/swc-register.js tools/cli/src/mcp/cost-server.entry.ts
import { mcpCommand } from './mcp.command';

mcpCommand.run(['cost']).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
