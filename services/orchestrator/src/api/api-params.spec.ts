import { DomainError, ErrorCode } from '@cloudwright/contracts';
import { limitParam, nameParam, objectBody, optionalPositiveInt, optionalText, policyPatchBody, statusParam, uuidParam } from './api-params';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.ValidationFailed) return error.message;
    throw error;
  }
  throw new Error('expected VALIDATION_FAILED');
}

describe('api params', () => {
  it('limit: default when absent, an integer 1-500 otherwise', () => {
    expect(limitParam(undefined, 50)).toBe(50);
    expect(limitParam('500', 50)).toBe(500);
    for (const bad of ['0', '501', '1.5', '-3', 'ten', '1e2']) expect(messageOf(() => limitParam(bad, 50))).toBe(`limit must be an integer 1-500 (got "${bad}")`);
  });

  it('status: lists the valid statuses for an unknown one', () => {
    expect(statusParam('queued')).toBe('queued');
    expect(statusParam(undefined)).toBeUndefined();
    expect(messageOf(() => statusParam('done'))).toMatch(/^status "done" is not one of queued, analyzing, .*, cancelled$/);
  });

  it('uuid and name: say what is expected', () => {
    expect(uuidParam('3F2504E0-4F89-41D3-9A0C-0305E82C3301', 'id')).toBe('3f2504e0-4f89-41d3-9a0c-0305e82c3301');
    expect(messageOf(() => uuidParam('42', 'id'))).toBe('id must be a UUID (got "42")');
    expect(nameParam('prod', 'environment')).toBe('prod');
    expect(messageOf(() => nameParam('Prod!', 'environment'))).toMatch(/^environment must be lower-case letters/);
  });

  it('bodies: absent is empty when optional, unknown fields are named, text is bounded', () => {
    expect(objectBody(undefined, ['comment'], true)).toEqual({});
    expect(messageOf(() => objectBody(undefined, ['comment'], false))).toBe('body is required (a JSON object)');
    expect(messageOf(() => objectBody([], ['comment'], true))).toBe('body must be a JSON object');
    expect(messageOf(() => objectBody({ coment: 'x' }, ['comment'], true))).toBe('body.coment is not a known field (allowed: comment)');
    expect(optionalText({ comment: 'ok' }, 'comment')).toBe('ok');
    expect(messageOf(() => optionalText({ comment: 'x'.repeat(2049) }, 'comment'))).toBe('body.comment must be at most 2048 characters (got 2049)');
    expect(messageOf(() => optionalText({ comment: 5 }, 'comment'))).toBe('body.comment must be a string');
  });

  it('toRevision: a positive integer', () => {
    expect(optionalPositiveInt({ toRevision: 3 }, 'toRevision')).toBe(3);
    expect(optionalPositiveInt({}, 'toRevision')).toBeUndefined();
    for (const bad of [0, -1, 1.5, '2']) expect(messageOf(() => optionalPositiveInt({ toRevision: bad }, 'toRevision'))).toBe(`body.toRevision must be a positive integer (got ${JSON.stringify(bad)})`);
  });

  it('policy patch: accepts a subset, lists every bad field at once', () => {
    expect(policyPatchBody({ budget: 'warn', stepRetries: 0 })).toEqual({ budget: 'warn', stepRetries: 0 });
    expect(messageOf(() => policyPatchBody({}))).toMatch(/^body must set at least one of approval, budget/);
    expect(messageOf(() => policyPatchBody({ budget: 'maybe', maxParallelSteps: 0, approval: { required: 'yes', count: 1, approvers: [], timeoutSeconds: 60 }, colour: 'red' }))).toBe(
      'body.colour is not a known field (allowed: approval, budget, onFailure, stepTimeoutSeconds, stepRetries, compensationRetries, gateTimeoutSeconds, deploymentTimeoutSeconds, maxParallelSteps, frameworks)',
    );
    expect(messageOf(() => policyPatchBody({ budget: 'maybe', maxParallelSteps: 0, approval: { required: 'yes', count: 1, approvers: [], timeoutSeconds: 60 } }))).toBe(
      'body.maxParallelSteps must be an integer 1-256 (got 0); body.budget "maybe" is not one of block, warn; body.approval.required must be true or false',
    );
  });
});
