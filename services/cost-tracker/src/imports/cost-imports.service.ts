import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CostActualsImportedV1, DomainError, ErrorCode } from '@cloudwright/contracts';
import { FocusFormatError, readFocus } from '@cloudwright/focus';
import { UnitOfWork } from '@cloudwright/messaging';
import { DataSource } from 'typeorm';
import { COST_TRACKER_CONFIG, type CostTrackerConfig } from '../common/config/cost-tracker.config';
import { COST_TRACKER_DATA_SOURCE } from '../common/database/data-source';
import { CostFactsRepository } from '../costs/cost-facts.repository';
import { CostImportEntity, type ImportReport } from './cost-import.entity';
import { FocusAggregator } from './focus-aggregator';

/** Facts per multi-row INSERT (each fact is one statement row). */
export const IMPORT_BATCH_ROWS = 2000;

export interface ImportOptions {
  /** Import the valid rows and report the bad ones (default false: one bad row rejects the whole file). */
  skipInvalid?: boolean;
}

export type ImportSource = { kind: 'path'; path: string; via?: 'path' | 'watch' } | { kind: 'upload'; stream: Readable; fileName: string };

export interface ImportResultDto {
  importId: string;
  /** `duplicate`: the same file (sha256) was imported before; nothing was added. */
  status: 'imported' | 'rejected' | 'duplicate';
  fileName: string;
  sha256: string | null;
  rows: number;
  skippedRows: number;
  period: { start: string; end: string } | null;
  totals: { currency: string; billedCost: string; effectiveCost: string }[];
  report: ImportReport;
  /** The earlier import of the same file, for a duplicate. */
  duplicateOf?: string;
  startedAt: string;
  finishedAt: string;
}

/** Rolls back the import transaction: the file has bad rows and skipInvalid is off, or it was imported before. */
class ImportAborted extends Error {
  constructor(readonly why: 'rejected' | 'duplicate', readonly detail: { report?: ImportReport; duplicateOf?: string; sha256: string | null; rows: number }) {
    super(why);
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The cost-tracking agent's ingestion of FOCUS billing exports. Streams the file (never held in memory), aggregates
 * rows into daily facts inserted in batches of IMPORT_BATCH_ROWS, all in one transaction: atomic by default (any bad
 * row → nothing imported, every bad row listed with its line), or with skipInvalid the valid rows imported and the bad
 * ones reported. A file already imported (same sha256) is recognised and not counted twice. Publishes
 * cost.actuals-imported.v1 with the import, then evaluates budgets and anomalies (see `afterImport`).
 */
@Injectable()
export class CostImportsService {
  private readonly logger = new Logger('cost-imports');
  /** Called after an import committed (budgets and anomalies); set by the module wiring. */
  afterImport: () => Promise<void> = () => Promise.resolve();

  constructor(
    @Inject(COST_TRACKER_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(COST_TRACKER_CONFIG) private readonly config: CostTrackerConfig,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async import(source: ImportSource, options: ImportOptions = {}): Promise<ImportResultDto> {
    const startedAt = new Date();
    const importId = randomUUID();
    const skipInvalid = options.skipInvalid ?? false;
    let fileName: string;
    let input: Readable;
    let knownSha: string | null = null;
    if (source.kind === 'path') {
      const path = await this.checkPath(source.path);
      fileName = basename(path);
      knownSha = await sha256File(path);
      const previous = await this.findImported(knownSha);
      if (previous) return duplicateResult(importId, fileName, previous, startedAt);
      input = createReadStream(path);
    } else {
      fileName = source.fileName;
      input = source.stream;
    }
    const hash = createHash('sha256');
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    input.on('error', (error) => hashing.destroy(error));
    const via = source.kind === 'upload' ? 'upload' : (source.via ?? 'path');
    const aggregator = new FocusAggregator();
    const badRows: ImportReport['badRows'] = [];
    try {
      const row = await this.unitOfWork.run(async (tx) => {
        const imports = tx.manager.getRepository(CostImportEntity);
        await imports.insert({ id: importId, fileName, sha256: null, source: via, status: 'imported', skipInvalid, rows: 0, skippedRows: 0, totals: [], report: { badRows: [] }, startedAt });
        const facts = new CostFactsRepository(tx.manager, this.config.schema);
        for await (const record of readFocus(input.pipe(hashing))) {
          if (!record.ok) {
            badRows.push(record.error);
            continue;
          }
          if (badRows.length && !skipInvalid) continue; // the file is rejected: keep reading only to list every bad row
          aggregator.add(record.row);
          if (aggregator.pending >= IMPORT_BATCH_ROWS) await facts.insertBatch(importId, aggregator.drain());
        }
        const sha256 = knownSha ?? hash.digest('hex');
        if (badRows.length && !skipInvalid) {
          throw new ImportAborted('rejected', {
            sha256,
            rows: 0,
            report: { badRows, message: `${badRows.length} invalid row(s): nothing was imported (import again with skipInvalid to import the valid rows)` },
          });
        }
        await facts.insertBatch(importId, aggregator.drain());
        // serialise imports of the same content, then check it was not imported meanwhile (uploads learn their hash only now)
        await tx.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cost-import:${sha256}`]);
        const previous = await imports.findOne({ where: { sha256, status: 'imported' } });
        if (previous) throw new ImportAborted('duplicate', { sha256, rows: 0, duplicateOf: previous.id });
        const period = aggregator.period() ?? null;
        const totals = aggregator.currencyTotals();
        const report: ImportReport = { badRows };
        await imports.update({ id: importId }, { sha256, rows: aggregator.rows, skippedRows: badRows.length, periodStart: period?.start ?? null, periodEnd: period?.end ?? null, totals, report, finishedAt: new Date() });
        if (period) {
          await tx.publish(CostActualsImportedV1, { importId, fileName: fileName.slice(0, 512), sha256, rows: aggregator.rows, skippedRows: badRows.length, period, totals: totals.slice(0, 32) });
        }
        return imports.findOneByOrFail({ id: importId });
      });
      this.logger.log(`imported ${row.rows} row(s) of ${fileName} (${row.skippedRows} skipped) as ${importId}`);
      await this.afterImport().catch((error: unknown) => this.logger.error(`evaluation after import ${importId} failed: ${errorText(error)}`));
      return toImportResult(row);
    } catch (error) {
      if (error instanceof ImportAborted && error.why === 'duplicate') {
        const previous = await this.dataSource.getRepository(CostImportEntity).findOneByOrFail({ id: error.detail.duplicateOf });
        return duplicateResult(importId, fileName, previous, startedAt);
      }
      let report: ImportReport;
      let sha256: string | null = knownSha;
      if (error instanceof ImportAborted) {
        report = error.detail.report!;
        sha256 = error.detail.sha256;
      } else if (error instanceof FocusFormatError) {
        report = {
          badRows: [],
          missingColumns: error.missingColumns,
          detectedVersion: error.detectedVersion,
          message: error.message, // FocusFormatError already names every missing column
        };
      } else {
        throw error;
      }
      const rejected = await this.recordRejected({ id: importId, fileName, sha256, source: via, skipInvalid, report, startedAt });
      if (error instanceof FocusFormatError) {
        throw new DomainError(ErrorCode.ValidationFailed, `${fileName}: ${report.message ?? error.message}`, { importId, missingColumns: error.missingColumns, detectedVersion: error.detectedVersion });
      }
      return rejected;
    }
  }

  async list(limit = 50): Promise<ImportResultDto[]> {
    const rows = await this.dataSource.getRepository(CostImportEntity).find({ order: { startedAt: 'DESC' }, take: Math.min(limit, 500) });
    return rows.map(toImportResult);
  }

  async get(id: string): Promise<ImportResultDto> {
    const row = await this.dataSource.getRepository(CostImportEntity).findOneBy({ id });
    if (!row) throw new DomainError(ErrorCode.NotFound, `import ${id} not found`);
    return toImportResult(row);
  }

  private async recordRejected(row: Pick<CostImportEntity, 'id' | 'fileName' | 'sha256' | 'source' | 'skipInvalid' | 'report' | 'startedAt'>): Promise<ImportResultDto> {
    const repository = this.dataSource.getRepository(CostImportEntity);
    await repository.insert({ ...row, status: 'rejected', rows: 0, skippedRows: 0, totals: [], finishedAt: new Date() });
    return toImportResult(await repository.findOneByOrFail({ id: row.id }));
  }

  private findImported(sha256: string): Promise<CostImportEntity | null> {
    return this.dataSource.getRepository(CostImportEntity).findOne({ where: { sha256, status: 'imported' } });
  }

  /** A readable regular file, under CW_COST_IMPORT_ROOT when it is set. */
  private async checkPath(path: unknown): Promise<string> {
    if (typeof path !== 'string' || !path) throw new DomainError(ErrorCode.ValidationFailed, 'path must be the path of a FOCUS CSV file');
    const absolute = resolve(path);
    if (this.config.importRoot) {
      const inside = relative(this.config.importRoot, absolute);
      if (inside.startsWith('..') || resolve(this.config.importRoot, inside) !== absolute) {
        throw new DomainError(ErrorCode.Forbidden, `${absolute} is outside CW_COST_IMPORT_ROOT (${this.config.importRoot})`);
      }
    }
    try {
      const info = await stat(absolute);
      if (!info.isFile()) throw new DomainError(ErrorCode.ValidationFailed, `${absolute} is not a file`);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError(ErrorCode.NotFound, `${absolute} cannot be read: ${errorText(error)}`);
    }
    return absolute;
  }
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function duplicateResult(importId: string, fileName: string, previous: CostImportEntity, startedAt: Date): ImportResultDto {
  return {
    importId,
    status: 'duplicate',
    fileName,
    sha256: previous.sha256,
    rows: 0,
    skippedRows: 0,
    period: null,
    totals: [],
    report: { badRows: [], message: `already imported as ${previous.id} (${previous.fileName}, ${previous.rows} rows): nothing was added` },
    duplicateOf: previous.id,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
  };
}

export function toImportResult(row: CostImportEntity): ImportResultDto {
  return {
    importId: row.id,
    status: row.status === 'imported' ? 'imported' : 'rejected',
    fileName: row.fileName,
    sha256: row.sha256,
    rows: row.rows,
    skippedRows: row.skippedRows,
    period: row.periodStart && row.periodEnd ? { start: row.periodStart, end: row.periodEnd } : null,
    totals: row.totals,
    report: row.report,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt.toISOString(),
  };
}
