import type { ResourcePricer } from '../../engine/pricer';
import { awsElasticacheCluster, awsElasticacheReplicationGroup } from './cache';
import { awsAutoscalingGroup, awsEbsVolume, awsEip, awsInstance } from './compute';
import { awsDbInstance, awsDynamodbTable, awsRdsCluster, awsRdsClusterInstance } from './database';
import { awsEksCluster, awsEksNodeGroup } from './eks';
import { awsElb, awsLb } from './load-balancer';
import { awsCloudwatchLogGroup, awsKmsKey, awsRoute53Zone, awsSecretsmanagerSecret } from './management';
import { awsKinesisStream, awsSnsTopic, awsSqsQueue } from './messaging';
import { awsNatGateway } from './nat-gateway';
import { awsEcsService, awsLambdaFunction } from './serverless';
import { awsEfsFileSystem, awsS3Bucket } from './storage';

export const AWS_PRICERS: readonly ResourcePricer[] = [
  awsNatGateway,
  awsInstance,
  awsEbsVolume,
  awsEip,
  awsAutoscalingGroup,
  awsEksCluster,
  awsEksNodeGroup,
  awsDbInstance,
  awsRdsCluster,
  awsRdsClusterInstance,
  awsDynamodbTable,
  awsLb,
  awsElb,
  awsS3Bucket,
  awsEfsFileSystem,
  awsLambdaFunction,
  awsEcsService,
  awsElasticacheCluster,
  awsElasticacheReplicationGroup,
  awsSqsQueue,
  awsSnsTopic,
  awsKinesisStream,
  awsCloudwatchLogGroup,
  awsKmsKey,
  awsSecretsmanagerSecret,
  awsRoute53Zone,
];
