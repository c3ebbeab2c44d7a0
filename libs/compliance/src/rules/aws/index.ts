import type { Rule } from '../../model';
import { AWS_RDS_RULES } from './rds';

export const AWS_RULES: readonly Rule[] = [...AWS_RDS_RULES];
