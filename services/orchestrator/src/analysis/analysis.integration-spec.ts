import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CloudAnalyzedV1,
  CloudAnalyzerAnalyzeV1,
  ComplianceQuerySubjects,
  CostQuerySubjects,
  eventDefinitionOf,
  type CloudEvent,
  type ComplianceCompareCloudsReply,
  type CostCompareCloudsReply,
} from '@cloudwright/contracts';
import { createTestContext, type TestContext } from '@cloudwright/devenv';
import { MessagingModule, MessagingRuntime, createLogger } from '@cloudwright/messaging';
import { type INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ANALYSIS_PROVIDERS, CLOUD_ANALYSIS_OPTIONS } from './index';

const decoder = new TextDecoder();
const ANALYZED = eventDefinitionOf(CloudAnalyzedV1).subject;
const QUERY_TIMEOUT_MS = 1500;

const examplePlan = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, '../../../../examples/plans', `${name}.plan.json`), 'utf8')) as Record<string, unknown>;

/**
 * The cloud-analyzer agent on a minimal Nest module (the orchestrator's app module is wired by the integrator):
 * MessagingModule on this file's schema and prefixes, the analysis providers, real NATS and PostgreSQL.
 */
describe('cloud-analyzer agent', () => {
  let ctx: TestContext;
  let dataSource: DataSource;
  let app: INestApplicationContext;
  let runtime: MessagingRuntime;
  /** A second runtime standing in for cost-tracker and compliance when a test needs them to answer. */
  let peers: MessagingRuntime | undefined;

  beforeAll(async () => {
    ctx = await createTestContext('analysis');
    dataSource = new DataSource({ type: 'postgres', url: ctx.databaseUrl, schema: ctx.schema, extra: { max: 4 } });
    await dataSource.initialize();
    const moduleRef = await Test.createTestingModule({
      imports: [
        MessagingModule.forRootAsync({
          useFactory: () => ({
            service: 'orchestrator',
            natsUrl: ctx.natsUrl,
            dataSource,
            schema: ctx.schema,
            topology: { streamPrefix: ctx.streamPrefix, subjectPrefix: ctx.subjectPrefix },
            ensureTables: true,
            logger: createLogger('cloudwright/orchestrator', process.env.CW_TEST_LOG_LEVEL ?? 'silent'),
          }),
        }),
      ],
      providers: [...ANALYSIS_PROVIDERS, { provide: CLOUD_ANALYSIS_OPTIONS, useValue: { queryTimeoutMs: QUERY_TIMEOUT_MS } }],
    }).compile();
    app = await moduleRef.init();
    runtime = app.get(MessagingRuntime);
  }, 120_000);

  afterAll(async () => {
    await peers?.stop();
    await app.close();
    await dataSource.destroy();
    await ctx.dispose();
  });

  /** Timers of slow test responders, cleared after each test so none outlives the file. */
  const timers: NodeJS.Timeout[] = [];

  afterEach(async () => {
    await peers?.stop();
    peers = undefined;
    for (const timer of timers.splice(0)) clearTimeout(timer);
  });

  async function analyzedEvents(): Promise<CloudEvent<CloudAnalyzedV1>[]> {
    const stream = runtime.topology.streams.events;
    const info = await runtime.jsm.streams.info(stream);
    const out: CloudEvent<CloudAnalyzedV1>[] = [];
    if (info.state.messages === 0) return out;
    for (let seq = Math.max(1, info.state.first_seq); seq <= info.state.last_seq; seq++) {
      const msg = await runtime.jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (msg && msg.subject === runtime.topology.wire(ANALYZED)) out.push(JSON.parse(decoder.decode(msg.data)) as CloudEvent<CloudAnalyzedV1>);
    }
    return out;
  }

  async function answerFor(deploymentId: string, timeoutMs = 20_000): Promise<CloudEvent<CloudAnalyzedV1>> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = (await analyzedEvents()).find((e) => e.data.deploymentId === deploymentId);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no cloud.analyzed.v1 for ${deploymentId} within ${timeoutMs} ms`);
  }

  function command(overrides: Partial<CloudAnalyzerAnalyzeV1> = {}): CloudAnalyzerAnalyzeV1 {
    return {
      deploymentId: randomUUID(),
      stack: 'shop',
      environment: 'staging',
      targetClouds: ['aws', 'azure', 'gcp'],
      plan: { format: 'terraform-plan-json', inline: examplePlan('multi-cloud') },
      ...overrides,
    };
  }

  /** Starts responders on the query subjects, as cost-tracker and compliance would, answering `cost` and `compliance`. */
  async function startPeers(cost: (q: unknown) => Promise<CostCompareCloudsReply>, compliance: (q: unknown) => Promise<ComplianceCompareCloudsReply>): Promise<void> {
    peers = new MessagingRuntime({
      service: 'analysis-peers',
      natsUrl: ctx.natsUrl,
      dataSource,
      schema: ctx.schema,
      topology: { streamPrefix: ctx.streamPrefix, subjectPrefix: ctx.subjectPrefix },
      relayEnabled: false,
      logger: createLogger('cloudwright/analysis-peers', process.env.CW_TEST_LOG_LEVEL ?? 'silent'),
    });
    await peers.connect();
    peers.serveQuery(CostQuerySubjects.CompareClouds, cost);
    peers.serveQuery(ComplianceQuerySubjects.CompareClouds, compliance);
    await peers.connection.flush();
  }

  const column = (cloud: 'aws' | 'azure' | 'gcp', monthlyCost: string, complete = true) => ({ cloud, region: 'r', monthlyCost, comparableMonthlyCost: monthlyCost, complete, basis: 'plan' as const, unpriced: complete ? [] : ['x: no price'] });
  const posture = (cloud: 'aws' | 'azure' | 'gcp', score: number | null) => ({ cloud, resources: 1, score, failing: { total: 0, critical: 0, high: 0, medium: 0, low: 0, info: 0 }, frameworks: [] });

  it('passes the multi-cloud plan on its three clouds when cost-tracker and compliance are not running, saying so', async () => {
    const data = command();
    const sent = await runtime.publisher.publish(CloudAnalyzerAnalyzeV1, data);
    const answer = await answerFor(data.deploymentId);
    expect(answer.correlationid).toBe(sent.correlationid);
    expect(answer.causationid).toBe(sent.id);
    expect(answer.subject).toBe(data.deploymentId);
    expect(answer.data).toMatchObject({ status: 'analyzed', verdict: 'passed', stack: 'shop', environment: 'staging', selectedClouds: ['aws', 'azure', 'gcp'] });
    expect(answer.data.reasons).toContain(`cost-tracker is not running (nothing answers ${CostQuerySubjects.CompareClouds}): its dimension is left out`);
    expect(answer.data.reasons).toContain(`compliance is not running (nothing answers ${ComplianceQuerySubjects.CompareClouds}): its dimension is left out`);
    expect(answer.data.scores).toHaveLength(3);
    for (const score of answer.data.scores) {
      expect(Object.keys(score.dimensions).sort()).toEqual(['regions', 'services']);
      expect(score.score).toBe(100);
    }
    // all tie at 100: the cloud holding most of the plan's resources (aws, 8) is recommended
    expect(answer.data.recommendation).toBe('aws');
  });

  it('uses the cost and compliance answers when the services answer', async () => {
    const asked: unknown[] = [];
    await startPeers(
      (q) => {
        asked.push(q);
        return Promise.resolve({ currency: 'USD', clouds: [column('aws', '1000.00'), column('azure', '900.00', false), column('gcp', '800.00')], cheapest: 'gcp', unmapped: [], comparedResources: 18, notes: [] });
      },
      () => Promise.resolve({ clouds: [posture('aws', 80), posture('azure', 60), posture('gcp', 70)], differingCategories: [] }),
    );
    const data = command();
    await runtime.publisher.publish(CloudAnalyzerAnalyzeV1, data);
    const answer = await answerFor(data.deploymentId);
    expect(asked).toEqual([{ plan: { inline: data.plan.inline } }]);
    const byCloud = Object.fromEntries(answer.data.scores.map((s) => [s.cloud, s.dimensions]));
    expect(byCloud.aws).toEqual({ services: 100, regions: 100, cost: 80, compliance: 80 });
    expect(byCloud.gcp).toEqual({ services: 100, regions: 100, cost: 100, compliance: 70 });
    expect(byCloud.azure).toEqual({ services: 100, regions: 100, compliance: 60 });
    expect(answer.data.reasons).toContain('cost of azure left out: 1 item(s) could not be priced, so its total (900.00 USD) is partial');
    expect(answer.data.reasons).toContain('cost is known for aws, gcp only: shown, but left out of every total so the scores stay comparable');
    expect(answer.data.verdict).toBe('passed');
  });

  it('answers without the dimension when a service does not answer in time', async () => {
    await startPeers(
      () => new Promise((resolve) => timers.push(setTimeout(() => resolve({ currency: 'USD', clouds: [], cheapest: null, unmapped: [], comparedResources: 0, notes: [] }), QUERY_TIMEOUT_MS + 2000))),
      () => Promise.resolve({ clouds: [posture('aws', 90), posture('azure', 90), posture('gcp', 90)], differingCategories: [] }),
    );
    const data = command();
    await runtime.publisher.publish(CloudAnalyzerAnalyzeV1, data);
    const answer = await answerFor(data.deploymentId);
    expect(answer.data.reasons).toContain('cost-tracker did not answer within 1.5 s: its dimension is left out');
    expect(answer.data.scores.every((s) => s.dimensions.cost === undefined && s.dimensions.compliance === 90)).toBe(true);
  });

  it('blocks a plan with resources on a cloud that is not targeted', async () => {
    const data = command({ targetClouds: ['aws', 'azure'] });
    await runtime.publisher.publish(CloudAnalyzerAnalyzeV1, data);
    const answer = await answerFor(data.deploymentId);
    expect(answer.data.status).toBe('analyzed');
    expect(answer.data.verdict).toBe('blocked');
    expect(answer.data.selectedClouds).toEqual([]);
    expect(answer.data.reasons[1]).toMatch(/^the plan has 5 resource\(s\) on gcp, which is not a target cloud \(targets: aws, azure\): google_compute_network.shop/);
  });

  it('with auto, selects the clouds of the plan', async () => {
    const data = command({ targetClouds: ['auto'], plan: { format: 'terraform-plan-json', inline: examplePlan('web-stack') }, requirements: { residency: ['eu'], certifications: ['iso-27001'] } });
    await runtime.publisher.publish(CloudAnalyzerAnalyzeV1, data);
    const answer = await answerFor(data.deploymentId);
    expect(answer.data).toMatchObject({ status: 'analyzed', verdict: 'passed', selectedClouds: ['aws'], recommendation: 'aws' });
    expect(answer.data.scores.map((s) => s.cloud).sort()).toEqual(['aws', 'azure', 'gcp']);
  });

  it('answers failed and blocked with the JSON path when the plan is malformed', async () => {
    const plan = examplePlan('web-stack');
    const changes = plan.resource_changes as { change: { actions: unknown } }[];
    if (changes[1]) changes[1].change.actions = 'create';
    const data = command({ plan: { format: 'terraform-plan-json', inline: plan } });
    await runtime.publisher.publish(CloudAnalyzerAnalyzeV1, data);
    const answer = await answerFor(data.deploymentId);
    expect(answer.data).toMatchObject({ status: 'failed', verdict: 'blocked', scores: [], selectedClouds: [], recommendation: null });
    expect(answer.data.error).toBe('the plan cannot be read: $.resource_changes[1].change.actions: expected a non-empty array of actions, got "create"');
    expect(answer.data.reasons).toEqual([`the analysis failed: ${answer.data.error ?? ''}`]);
  });

  it('answers failed when a plan reference cannot be read, naming the reference', async () => {
    const data = command({ plan: { format: 'terraform-plan-json', ref: { uri: 'file:///nonexistent/cw-plan.json', sha256: 'a'.repeat(64), sizeBytes: 10 } } });
    await runtime.publisher.publish(CloudAnalyzerAnalyzeV1, data);
    const answer = await answerFor(data.deploymentId);
    expect(answer.data.status).toBe('failed');
    expect(answer.data.error).toMatch(/^\$\.plan\.ref\.uri: plan\.ref file:\/\/\/nonexistent\/cw-plan\.json cannot be read: ENOENT/);
  });
});
