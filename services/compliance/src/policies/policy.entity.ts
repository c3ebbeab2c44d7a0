import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The gate policy of an environment: block threshold, optional minimum overall score, default frameworks. */
@Entity({ name: 'compliance_policies' })
export class PolicyEntity {
  @PrimaryColumn('text')
  environment!: string;

  @Column({ name: 'block_on', type: 'text' })
  blockOn!: string;

  @Column({ name: 'min_score', type: 'double precision', nullable: true })
  minScore!: number | null;

  /** Framework ids scanned by default in this environment (empty = every framework). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  frameworks!: string[];

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
