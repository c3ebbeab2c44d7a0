import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A waiver: the engine's fields (id, rule/resource/framework/requirement scope, reason, owner, expires) plus the
 * stack/environment it applies to ('' = every stack / every environment). One row per scope and waiver id.
 */
@Entity({ name: 'compliance_waivers' })
export class WaiverEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The waiver's own id (as in a waiver file), shown on the findings it mutes. */
  @Column({ name: 'waiver_id', type: 'text' })
  waiverId!: string;

  @Column('text')
  stack!: string;

  @Column('text')
  environment!: string;

  @Column({ name: 'rule_id', type: 'text', nullable: true })
  ruleId!: string | null;

  @Column({ type: 'text', nullable: true })
  resource!: string | null;

  @Column({ type: 'text', nullable: true })
  framework!: string | null;

  @Column({ type: 'text', nullable: true })
  requirement!: string | null;

  @Column('text')
  reason!: string;

  @Column('text')
  owner!: string;

  /** YYYY-MM-DD: applies through the end of that day (UTC). */
  @Column('date')
  expires!: string;

  /** `api`, or `import:<file name>`. */
  @Column('text')
  source!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
