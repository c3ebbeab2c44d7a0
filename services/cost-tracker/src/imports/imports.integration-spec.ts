import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CostQuerySubjects, type CostActualsImportedV1 } from '@cloudwright/contracts';
import { readFocus } from '@cloudwright/focus';
import { Decimal } from '@cloudwright/pricing';
import { startCostTracker, type CostTrackerHarness } from '../__tests__/cost-tracker-harness';
import { FIXTURE_COLUMNS, days, focusCsv, type FixtureRow } from '../__tests__/focus-fixture';
import { WatchFolderService } from './watch-folder.service';
import { type ImportResultDto } from './cost-imports.service';

/** The FOCUS 1.0 sample from the shared fixtures (outside the repository, next to it). */
const SAMPLE = resolve(__dirname, '../../../..', '../shared/data/focus/focus-1.0-sample.csv');

describe('cost-tracking agent: FOCUS imports', () => {
  let h: CostTrackerHarness;
  let dir: string;
  let watchDir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cw-focus-'));
    watchDir = await mkdtemp(join(tmpdir(), 'cw-watch-'));
    h = await startCostTracker('imports', { CW_COST_WATCH_DIR: watchDir, CW_COST_WATCH_INTERVAL_MS: '3600000' });
  });

  afterAll(async () => {
    await h.dispose();
    await rm(dir, { recursive: true, force: true });
    await rm(watchDir, { recursive: true, force: true });
  });

  const write = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  const factRows = async (importId: string): Promise<number> => {
    const rows: { n: string }[] = await h.dataSource.query(`SELECT coalesce(sum(row_count), 0)::text AS n FROM "${h.ctx.schema}".cost_daily WHERE import_id = $1`, [importId]);
    return Number(rows[0].n);
  };

  if (existsSync(SAMPLE)) {
    it('imports the real FOCUS 1.0 sample (1,000 rows), queries it by service and provider, and does not count a re-import twice', async () => {
      const expectedByProvider = new Map<string, Decimal>();
      let rows = 0;
      for await (const record of readFocus(createReadStream(SAMPLE))) {
        if (!record.ok) continue;
        rows++;
        expectedByProvider.set(record.row.providerName, (expectedByProvider.get(record.row.providerName) ?? new Decimal(0)).plus(record.row.effectiveCost));
      }
      const response = await h.http('POST', '/imports', { path: SAMPLE });
      expect(response.status).toBe(200);
      const result = response.body as ImportResultDto;
      expect(result).toMatchObject({ status: 'imported', rows: 1000, skippedRows: 0, fileName: 'focus-1.0-sample.csv' });
      expect(rows).toBe(1000);
      const to = new Date(Date.parse(`${result.period!.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

      const byProvider = await h.http('GET', `/costs?dimension=provider&from=${result.period!.start}&to=${to}&granularity=month`);
      const providerTotals = new Map<string, Decimal>();
      for (const row of (byProvider.body as { rows: { key: string; effectiveCost: string }[] }).rows) {
        providerTotals.set(row.key, (providerTotals.get(row.key) ?? new Decimal(0)).plus(row.effectiveCost));
      }
      expect([...providerTotals.keys()].sort()).toEqual([...expectedByProvider.keys()].sort());
      for (const [provider, expected] of expectedByProvider) expect(providerTotals.get(provider)?.equals(expected)).toBe(true);

      const byService = await h.runtime.queryClient.request<unknown, { rows: { key: string; effectiveCost: string; rows: number }[] }>(CostQuerySubjects.Costs, {
        dimension: 'service',
        from: result.period!.start,
        to,
        granularity: 'month',
      });
      expect(byService.rows.reduce((n, r) => n + r.rows, 0)).toBe(1000);
      const serviceTotal = byService.rows.reduce((sum, r) => sum.plus(r.effectiveCost), new Decimal(0));
      expect(serviceTotal.equals([...expectedByProvider.values()].reduce((a, b) => a.plus(b), new Decimal(0)))).toBe(true);

      const again = await h.http('POST', '/imports', { path: SAMPLE });
      expect(again.body).toMatchObject({ status: 'duplicate', duplicateOf: result.importId, rows: 0 });
      const after = await h.runtime.queryClient.request<unknown, { rows: { rows: number }[] }>(CostQuerySubjects.Costs, { dimension: 'service', from: result.period!.start, to, granularity: 'month' });
      expect(after.rows.reduce((n, r) => n + r.rows, 0)).toBe(1000);

      const events = await h.events<CostActualsImportedV1>('cw.evt.cost.actuals-imported.v1');
      expect(events.filter((e) => e.data.importId === result.importId).map((e) => e.data.rows)).toEqual([1000]);
    });
  } else {
    it('skips the real FOCUS sample import: ../shared/data is absent', () => {
      console.warn(`SKIPPED: real FOCUS sample import, because ../shared/data is absent (looked for ${SAMPLE})`);
      expect(existsSync(SAMPLE)).toBe(false);
    });
  }

  it('rejects a file with bad rows atomically, listing every bad line, and imports the rest with skipInvalid', async () => {
    const rows: FixtureRow[] = days('2030-03-01', 6).map((day) => ({ day, cost: '1.25', service: 'Atomicity' }));
    rows[1] = { ...rows[1], cells: { BilledCost: 'abc' } };
    rows[4] = { ...rows[4], cells: { ChargeCategory: 'Bogus', EffectiveCost: '1e5' } };
    const path = await write('bad-rows.csv', focusCsv(rows));

    const rejected = await h.http('POST', '/imports', { path });
    expect(rejected.status).toBe(400);
    const report = (rejected.body as { details: ImportResultDto }).details;
    expect(report.status).toBe('rejected');
    expect(report.report.badRows.map((b) => b.line)).toEqual([3, 6]);
    expect(report.report.badRows[0].errors.join(' ')).toContain('BilledCost');
    expect(report.report.badRows[1].errors.join(' ')).toContain('ChargeCategory');
    expect(await factRows(report.importId)).toBe(0);
    const costs = await h.http('GET', '/costs?dimension=service&from=2030-03-01&to=2030-04-01');
    expect((costs.body as { rows: { key: string }[] }).rows.filter((r) => r.key === 'Atomicity')).toEqual([]);

    const partial = await h.http('POST', '/imports', { path, skipInvalid: true });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ status: 'imported', rows: 4, skippedRows: 2, totals: [{ currency: 'USD', billedCost: '5', effectiveCost: '5' }] });
    expect((partial.body as ImportResultDto).report.badRows.map((b) => b.line)).toEqual([3, 6]);
    expect(await factRows((partial.body as ImportResultDto).importId)).toBe(4);
  });

  it('refuses a file without mandatory columns, naming every missing one', async () => {
    const columns = FIXTURE_COLUMNS.filter((c) => c !== 'BilledCost' && c !== 'ServiceName');
    const path = await write('missing.csv', focusCsv([{ day: '2030-03-01', cost: '1' }], columns));
    const response = await h.http('POST', '/imports', { path });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { missingColumns: ['BilledCost', 'ServiceName'] } });
    expect((response.body as { message: string }).message).toContain('BilledCost, ServiceName');
  });

  it('imports a CSV streamed as the request body, and recognises the same bytes uploaded again', async () => {
    const csv = focusCsv(days('2030-04-01', 3).map((day) => ({ day, cost: '2.5', service: 'Uploaded' })));
    const first = await h.http('POST', '/imports?fileName=april.csv', csv, { 'content-type': 'text/csv' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'imported', fileName: 'april.csv', rows: 3, period: { start: '2030-04-01', end: '2030-04-03' } });
    const second = await h.http('POST', '/imports?fileName=april-again.csv', csv, { 'content-type': 'text/csv' });
    expect(second.body).toMatchObject({ status: 'duplicate', duplicateOf: (first.body as ImportResultDto).importId });
    const costs = await h.http('GET', '/costs?dimension=service&from=2030-04-01&to=2030-05-01&granularity=month');
    expect((costs.body as { rows: { key: string; effectiveCost: string }[] }).rows.filter((r) => r.key === 'Uploaded')).toEqual([
      expect.objectContaining({ key: 'Uploaded', effectiveCost: '7.5', rows: 3 }),
    ]);
    const listed = await h.http('GET', '/imports');
    expect((listed.body as ImportResultDto[]).map((i) => i.importId)).toContain((first.body as ImportResultDto).importId);
  });

  it('imports files dropped in the watch folder and moves them to processed/ or failed/ with a report', async () => {
    await writeFile(join(watchDir, 'good.csv'), focusCsv([{ day: '2030-05-01', cost: '3', service: 'Watched' }]));
    await writeFile(join(watchDir, 'bad.csv'), focusCsv([{ day: '2030-05-01', cost: 'x' }]));
    const outcomes = await h.app.get(WatchFolderService).scanOnce();
    expect(outcomes.map((o) => [o.file, o.outcome])).toEqual([
      ['bad.csv', 'failed'],
      ['good.csv', 'processed'],
    ]);
    expect((await readdir(watchDir)).filter((f) => f.endsWith('.csv'))).toEqual([]);
    expect(await readdir(join(watchDir, 'processed'))).toEqual(['good.csv', 'good.csv.report.json']);
    const report = JSON.parse(await readFile(join(watchDir, 'failed', 'bad.csv.report.json'), 'utf8')) as ImportResultDto;
    expect(report.report.badRows.map((b) => b.line)).toEqual([2]);
  });
});
