import { ProviderError } from '@cloudwright/cloud-provider';
import { SimInputError } from '../sim.errors';
import { faultFires, faultMatches, globMatches, injectedError, parseFaultSpec, type FaultTarget } from './fault';

const target: FaultTarget = {
  stack: 'shop',
  environment: 'prod',
  address: 'module.db.aws_db_instance.main',
  type: 'aws_db_instance',
  cloud: 'aws',
  region: 'us-east-1',
  operation: 'create',
};

describe('faults', () => {
  it('matches when every given field matches, with * wildcards on type and address', () => {
    expect(faultMatches({}, target)).toBe(true);
    expect(faultMatches({ type: 'aws_db_*', operation: 'create' }, target)).toBe(true);
    expect(faultMatches({ address: 'module.db.*' }, target)).toBe(true);
    expect(faultMatches({ region: 'US-EAST-1', cloud: 'aws' }, target)).toBe(true);
    expect(faultMatches({ operation: 'delete' }, target)).toBe(false);
    expect(faultMatches({ cloud: 'gcp' }, target)).toBe(false);
    expect(faultMatches({ type: 'aws_db_instance', environment: 'staging' }, target)).toBe(false);
    expect(globMatches('aws_s3.bucket', 'aws_s3Xbucket')).toBe(false);
  });

  it('fires while it has firings left and the draw is under its probability', () => {
    expect(faultFires({ remaining: null, probability: undefined }, 0.99)).toBe(true);
    expect(faultFires({ remaining: 0, probability: undefined }, 0)).toBe(false);
    expect(faultFires({ remaining: 2, probability: 0.3 }, 0.29)).toBe(true);
    expect(faultFires({ remaining: 2, probability: 0.3 }, 0.3)).toBe(false);
  });

  it('throws an error that says it was injected and by which fault', () => {
    const error = injectedError({ id: 'fault-7', code: undefined, message: undefined, retryable: undefined }, target);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'injected-fault', retryable: false, address: target.address });
    expect(error.message).toBe('injected by fault fault-7: create of module.db.aws_db_instance.main failed');
    expect(injectedError({ id: 'fault-8', code: 'throttled', message: 'slow down', retryable: undefined }, target)).toMatchObject({ retryable: true });
  });

  it('parses a valid spec and refuses bad ones naming the field', () => {
    expect(parseFaultSpec({ match: { type: 'aws_*', operation: 'delete' }, mode: 'fail', times: 2 })).toEqual({
      match: { type: 'aws_*', operation: 'delete' },
      mode: 'fail',
      times: 2,
    });
    const bad: Array<[unknown, RegExp]> = [
      [{ mode: 'explode' }, /^fault\.mode: /],
      [{ mode: 'fail', times: 0 }, /^fault\.times: must be an integer ≥ 1/],
      [{ mode: 'fail', probability: 1.5 }, /^fault\.probability: /],
      [{ mode: 'fail', match: { operation: 'reboot' } }, /^fault\.match\.operation: must be one of create, update, delete, health/],
      [{ mode: 'fail', match: { colour: 'red' } }, /^fault\.match\.colour: is not a match field/],
      [{ mode: 'fail', code: 'boom' }, /^fault\.code: /],
      [{ mode: 'fail', delayMs: 10 }, /^fault\.delayMs: only a slow fault/],
      [{ mode: 'slow', code: 'throttled' }, /^fault\.code: only a fail fault/],
      [{ mode: 'fail', extra: 1 }, /^fault\.extra: is not a fault field/],
      ['fail', /^fault: must be an object/],
    ];
    for (const [input, message] of bad) {
      expect(() => parseFaultSpec(input)).toThrow(SimInputError);
      expect(() => parseFaultSpec(input)).toThrow(message);
    }
  });
});
