import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One FOCUS import attempt and its report (the bad rows with their line numbers, missing columns…). */
@Entity({ name: 'cost_imports' })
export class CostImportEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  @Column('text')
  source!: 'path' | 'upload' | 'watch';

  @Column('text')
  status!: 'imported' | 'rejected' | 'failed';

  @Column({ name: 'skip_invalid', type: 'boolean' })
  skipInvalid!: boolean;

  @Column({ type: 'integer' })
  rows!: number;

  @Column({ name: 'skipped_rows', type: 'integer' })
  skippedRows!: number;

  @Column({ name: 'period_start', type: 'date', nullable: true })
  periodStart!: string | null;

  @Column({ name: 'period_end', type: 'date', nullable: true })
  periodEnd!: string | null;

  @Column({ type: 'jsonb' })
  totals!: { currency: string; billedCost: string; effectiveCost: string }[];

  @Column({ type: 'jsonb' })
  report!: ImportReport;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', default: () => 'now()' })
  finishedAt!: Date;
}

export interface ImportReport {
  /** Every bad row, with its physical line number in the file. */
  badRows: { line: number; errors: string[] }[];
  /** Mandatory FOCUS columns the header lacks (the file is rejected). */
  missingColumns?: string[];
  detectedVersion?: string | null;
  /** Why the import was rejected or failed, in one sentence. */
  message?: string;
}
