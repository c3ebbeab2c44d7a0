import { RUNTIME_STATE_FILE, stopFromStateFile } from '@cloudwright/devenv';
import { type CliCommand } from '../command';
import { platformDataDir } from './infrastructure';

const USAGE = `usage: cloudwright down

Stops the nats-server and PostgreSQL that \`cloudwright up\` started (listed in .cloudwright/${RUNTIME_STATE_FILE}):
clean shutdown signal, then SIGKILL after 15 s. Servers it did not start (CW_* variables, local servers) are left alone.

exit codes: 0 stopped (or nothing to stop), 1 usage error or a server could not be stopped`;

export const downCommand: CliCommand = {
  name: 'down',
  summary: 'stop the NATS and PostgreSQL servers that `cloudwright up` started',
  async run(argv) {
    if (argv.includes('--help') || argv.includes('-h')) {
      console.log(USAGE);
      return 0;
    }
    if (argv.length > 0) {
      console.error(`cloudwright down: unexpected argument "${argv[0]}"\n\n${USAGE}`);
      return 1;
    }
    const stopped = await stopFromStateFile(platformDataDir());
    if (stopped.length === 0) {
      console.log('Nothing to stop: no servers started by `cloudwright up` are recorded.');
      return 0;
    }
    for (const server of stopped) {
      const what = `${server.engine} (pid ${server.pid}, ${server.url.replace(/\/\/[^@/]*@/, '//')})`;
      const outcome =
        server.outcome === 'stopped'
          ? 'stopped'
          : server.outcome === 'killed'
            ? 'did not stop in time: killed (SIGKILL)'
            : 'was not running';
      console.log(`${server.kind === 'nats' ? 'NATS' : 'PostgreSQL'}: ${what} ${outcome}`);
    }
    return 0;
  },
};
