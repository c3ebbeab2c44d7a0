import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { type AuditEntryDto } from '@cloudwright/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';
import { AUDIT_TEXT_MAX, clip, toAuditEntryDto, type NewAuditEntry } from './audit-log.mapper';

/** DI token of the DataSource holding audit_log (the orchestrator's: `{ provide: AUDIT_DATA_SOURCE, useExisting: <its token> }`). */
export const AUDIT_DATA_SOURCE = Symbol('AUDIT_DATA_SOURCE');

/**
 * The audit log of API writes. `record` never blocks nor fails the response it describes: the insert runs in the
 * background and a failure is logged as an error (with the entry, so nothing is lost silently). Pending inserts are
 * awaited before shutdown closes the pool.
 */
@Injectable()
export class AuditLogService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('audit');
  private readonly pending = new Set<Promise<void>>();

  constructor(@Inject(AUDIT_DATA_SOURCE) private readonly dataSource: DataSource) {}

  record(entry: NewAuditEntry): void {
    const row: AuditLogEntity = {
      id: randomUUID(),
      at: new Date(),
      ...entry,
      path: clip(entry.path) ?? '',
      target: clip(entry.target, 512),
      detail: clip(entry.detail, AUDIT_TEXT_MAX),
    };
    const write = this.dataSource
      .getRepository(AuditLogEntity)
      .insert(row)
      .then(
        () => undefined,
        (error: unknown) => {
          this.logger.error({ err: error instanceof Error ? error.message : String(error), audit: row }, 'could not write the audit log entry');
        },
      )
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  /** Resolves when every entry recorded so far is written (or failed and logged). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  async list(limit: number): Promise<AuditEntryDto[]> {
    const rows = await this.dataSource.getRepository(AuditLogEntity).find({ order: { at: 'DESC', id: 'DESC' }, take: limit });
    return rows.map(toAuditEntryDto);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
