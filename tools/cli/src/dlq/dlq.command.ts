import { parseArgs } from 'node:util';
import { DeadLetterAdmin, type DeadLetter } from '@cloudwright/messaging';
import { type CliCommand } from '../command';
import { UsageError, openConnection, parseOutput, table } from '../common/connection';

const USAGE = `usage:
  cloudwright dlq list   [--consumer <durable>] [--limit <n>] [--output table|json] [--nats <url>]
  cloudwright dlq show   <seq> [--nats <url>]
  cloudwright dlq replay <seq> | --all [--consumer <durable>] [--nats <url>]

Dead letters are messages a consumer could not handle (invalid input at once, failing handlers after their
last delivery), kept in CW_DLQ with the reason. Replay publishes the original message again on its subject
after a fix; consumers that had already handled it skip it (inbox). Exit codes: 0 ok, 1 usage or connection error.`;

function summary(letter: DeadLetter): string[] {
  return [
    String(letter.seq),
    letter.time,
    letter.consumer,
    letter.code,
    String(letter.deliveryCount),
    letter.eventType ?? '-',
    letter.reason.length > 100 ? `${letter.reason.slice(0, 97)}...` : letter.reason,
  ];
}

export const dlqCommand: CliCommand = {
  name: 'dlq',
  summary: 'list dead letters with their reasons, and replay one or all after a fix',
  async run(argv) {
    const [sub, ...rest] = argv;
    if (!sub || sub === '--help' || sub === '-h') {
      console.log(USAGE);
      return sub ? 0 : 1;
    }
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { consumer: { type: 'string' }, limit: { type: 'string' }, output: { type: 'string' }, all: { type: 'boolean' }, nats: { type: 'string' } },
      });
    } catch (error) {
      console.error(`cloudwright dlq: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
      return 1;
    }
    const { values, positionals } = parsed;
    try {
      const conn = await openConnection(values.nats);
      const admin = new DeadLetterAdmin(conn.nc, conn.jsm, conn.topology);
      try {
        switch (sub) {
          case 'list': {
            const output = parseOutput(values.output);
            const limit = values.limit === undefined ? 1000 : Number(values.limit);
            if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive integer');
            const letters = await admin.list({ consumer: values.consumer, limit });
            if (output === 'json') console.log(JSON.stringify(letters.map(({ body: _body, ...rest }) => rest), null, 2));
            else if (!letters.length) console.log(`no dead letters in ${conn.topology.streams.deadLetters}`);
            else console.log(table(['SEQ', 'TIME', 'CONSUMER', 'CODE', 'DELIVERIES', 'TYPE', 'REASON'], letters.map(summary)));
            return 0;
          }
          case 'show': {
            const seq = Number(positionals[0]);
            if (!Number.isInteger(seq) || seq < 1) throw new UsageError('give the sequence number of the dead letter');
            const letter = await admin.find(seq);
            if (!letter) throw new UsageError(`no dead letter with sequence ${seq}`);
            console.log(JSON.stringify(letter, null, 2));
            return 0;
          }
          case 'replay': {
            if (values.all) {
              const replayed = await admin.replayAll({ consumer: values.consumer });
              console.log(`replayed ${replayed.length} dead letter(s)`);
              return 0;
            }
            const seq = Number(positionals[0]);
            if (!Number.isInteger(seq) || seq < 1) throw new UsageError('give the sequence number of the dead letter, or --all');
            const letter = await admin.replay(seq);
            console.log(`replayed dead letter ${seq} (${letter.eventType ?? 'unparseable body'}) to ${letter.originalSubject}`);
            return 0;
          }
          default:
            throw new UsageError(`unknown subcommand "${sub}"`);
        }
      } finally {
        await conn.close();
      }
    } catch (error) {
      if (error instanceof UsageError) console.error(`cloudwright dlq: ${error.message}\n\n${USAGE}`);
      else console.error(`cloudwright dlq: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  },
};
