import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One evidence item of a stack/environment (e.g. `runbooks = true`, with where it comes from). */
@Entity({ name: 'compliance_evidence' })
export class EvidenceEntity {
  @PrimaryColumn('text')
  stack!: string;

  @PrimaryColumn('text')
  environment!: string;

  @PrimaryColumn('text')
  key!: string;

  @Column('boolean')
  value!: boolean;

  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
