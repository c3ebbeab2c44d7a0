#!/usr/bin/env node
/**
 * `cloudwright` — the command line for CI publishers and operators.
 * Exit codes: 0 ok, 1 usage or connection error, other codes per command (documented in its help).
 */
import { commands } from './commands';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printHelp();
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`cloudwright: unknown command "${name}"\n`);
    printHelp();
    return 1;
  }
  return command.run(rest);
}

function printHelp(): void {
  const width = Math.max(...commands.map((c) => c.name.length));
  console.log('usage: cloudwright <command> [options]\n\ncommands:');
  for (const c of commands) console.log(`  ${c.name.padEnd(width)}  ${c.summary}`);
  console.log('\nRun `cloudwright <command> --help` for the options of one command.');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`cloudwright: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
