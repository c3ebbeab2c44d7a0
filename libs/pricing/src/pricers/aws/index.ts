import type { ResourcePricer } from '../../engine/pricer';
import { awsNatGateway } from './nat-gateway';

export const AWS_PRICERS: readonly ResourcePricer[] = [awsNatGateway];
