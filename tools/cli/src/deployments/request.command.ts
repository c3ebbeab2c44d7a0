import { parseArgs } from 'node:util';
import { DeploymentRequestedV1, isDomainError } from '@cloudwright/contracts';
import { JetStreamPublisher } from '@cloudwright/messaging';
import { type CliCommand } from '../command';
import { UsageError, openConnection, parseOutput } from '../common/connection';
import { buildDeploymentRequest } from './deployment-request';

const USAGE = `usage: cloudwright request --plan <plan.json> --stack <name> --env <environment>
         [--clouds aws,azure,gcp|auto] [--request-key <key>] [--ci-provider <p>] [--run-id <id>] [--commit <sha>]
         [--actor <who>] [--repository <owner/name>] [--branch <b>] [--run-url <url>] [--output text|json] [--nats <url>]

Publishes deployment.requested.v1 (what a CI pipeline sends) to JetStream and prints the event id and the
request key. The same request key never starts a second deployment. CI fields default from GitHub Actions /
GitLab CI variables. Exit codes: 0 published, 1 usage, invalid request or connection error.
To submit through the orchestrator's HTTP API and follow the deployment to its end, use \`cloudwright deploy --wait\`.`;

export const requestCommand: CliCommand = {
  name: 'request',
  summary: 'publish a deployment request (deployment.requested.v1) for a Terraform plan, as CI does',
  async run(argv) {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          plan: { type: 'string' },
          stack: { type: 'string' },
          env: { type: 'string' },
          clouds: { type: 'string' },
          'request-key': { type: 'string' },
          'ci-provider': { type: 'string' },
          'run-id': { type: 'string' },
          commit: { type: 'string' },
          actor: { type: 'string' },
          repository: { type: 'string' },
          branch: { type: 'string' },
          'run-url': { type: 'string' },
          output: { type: 'string' },
          nats: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      }));
      if (values.help) {
        console.log(USAGE);
        return 0;
      }
      if (!values.plan || !values.stack || !values.env) throw new UsageError('--plan, --stack and --env are required');
      const output = parseOutput(values.output ?? 'table', ['table', 'text', 'json']);
      const data = buildDeploymentRequest({
        planPath: values.plan,
        stack: values.stack,
        environment: values.env,
        clouds: values.clouds,
        requestKey: values['request-key'],
        provider: values['ci-provider'],
        runId: values['run-id'],
        commit: values.commit,
        actor: values.actor,
        repository: values.repository,
        branch: values.branch,
        runUrl: values['run-url'],
      });
      const conn = await openConnection(values.nats);
      try {
        const publisher = new JetStreamPublisher(conn.nc, conn.topology, 'cloudwright/cli');
        const event = await publisher.publish(DeploymentRequestedV1, data);
        if (output === 'json') console.log(JSON.stringify({ eventId: event.id, requestKey: data.requestKey, correlationId: event.correlationid }));
        else console.log(`published ${event.type} ${event.id}\nrequest key: ${data.requestKey}`);
        return 0;
      } finally {
        await conn.close();
      }
    } catch (error) {
      if (error instanceof UsageError) console.error(`cloudwright request: ${error.message}\n\n${USAGE}`);
      else if (isDomainError(error)) console.error(`cloudwright request: ${error.message}`);
      else console.error(`cloudwright request: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  },
};
