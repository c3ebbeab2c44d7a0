import type { ResourcePricer } from '../../engine/pricer';
import { awsAutoscalingGroup, awsEbsVolume, awsEip, awsInstance } from './compute';
import { awsNatGateway } from './nat-gateway';

export const AWS_PRICERS: readonly ResourcePricer[] = [awsNatGateway, awsInstance, awsEbsVolume, awsEip, awsAutoscalingGroup];
