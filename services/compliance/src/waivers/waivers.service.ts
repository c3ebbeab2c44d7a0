import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, NAME_HINT, NAME_PATTERN } from '@cloudwright/contracts';
import { UnitOfWork } from '@cloudwright/messaging';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { COMPLIANCE_DATA_SOURCE } from '../common/database/data-source';
import { WaiverRepository } from './waiver.repository';
import { toWaiverDto, toWaiverRow, utcDay, waiverRowsFromFile, type WaiverDto } from './waiver.mapper';

export interface WaiverImport {
  /** The waiver file (YAML). */
  text: string;
  /** Its name, for problem locations (`waivers.yml:7:5`). */
  file?: string;
  stack?: string;
  environment?: string;
}

export interface WaiverFilter {
  stack?: string;
  environment?: string;
  includeExpired?: boolean;
}

/**
 * Waivers accept a known risk for a while: stored per scope (a stack, an environment, both or neither) and applied by
 * the engine to every later scan of that scope until they expire. A waiver id is unique within its scope: creating
 * or importing one again replaces it.
 */
@Injectable()
export class WaiversService {
  constructor(
    @Inject(COMPLIANCE_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async create(input: unknown): Promise<WaiverDto> {
    const row = toWaiverRow(input);
    const stored = await new WaiverRepository(this.dataSource.manager).upsert(row);
    return toWaiverDto(stored, this.clock.now());
  }

  /** Imports a waiver file atomically: every problem is reported with its line and column, and nothing is stored. */
  async import(request: WaiverImport): Promise<{ file: string; imported: number; waivers: WaiverDto[] }> {
    if (typeof request?.text !== 'string') throw new DomainError(ErrorCode.ValidationFailed, 'send the waiver file as YAML text');
    const file = request.file?.trim() || 'waivers.yml';
    const scope = { stack: scopeName(request.stack, 'stack'), environment: scopeName(request.environment, 'environment') };
    const rows = waiverRowsFromFile(request.text, file, scope);
    const stored = await this.unitOfWork.run(async (tx) => {
      const repository = new WaiverRepository(tx.manager);
      const out = [];
      for (const row of rows) out.push(await repository.upsert(row));
      return out;
    });
    const now = this.clock.now();
    return { file, imported: stored.length, waivers: stored.map((row) => toWaiverDto(row, now)) };
  }

  /** The waivers applying to a stack/environment (including those of every stack or environment); expired ones on request. */
  async list(filter: WaiverFilter = {}): Promise<WaiverDto[]> {
    const now = this.clock.now();
    const rows = await new WaiverRepository(this.dataSource.manager).findApplicable({
      stack: scopeName(filter.stack, 'stack'),
      environment: scopeName(filter.environment, 'environment'),
      ...(filter.includeExpired ? {} : { fromDay: utcDay(now) }),
    });
    return rows.map((row) => toWaiverDto(row, now));
  }

  async delete(id: string): Promise<{ deleted: true; id: string }> {
    const deleted = await new WaiverRepository(this.dataSource.manager).delete(id);
    if (!deleted) throw new DomainError(ErrorCode.NotFound, `waiver ${id} not found`);
    return { deleted: true, id };
  }
}

function scopeName(value: unknown, field: 'stack' | 'environment'): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !NAME_PATTERN.test(value)) {
    throw new DomainError(ErrorCode.ValidationFailed, `${field} must be ${NAME_HINT}`, { errors: [{ path: field, message: `must be ${NAME_HINT}` }] });
  }
  return value;
}
