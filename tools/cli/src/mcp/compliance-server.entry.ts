// Runs `cloudwright mcp compliance` on its own (for the stdio test and MCP client configurations without a build):
// node -r ./libs/messaging/src/__tests__/swc-register.js tools/cli/src/mcp/compliance-server.entry.ts
import { mcpCommand } from './mcp.command';

mcpCommand.run(['compliance']).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
