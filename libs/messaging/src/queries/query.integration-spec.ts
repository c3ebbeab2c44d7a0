import { DomainError, ErrorCode } from '@cloudwright/contracts';
import { createMessagingKit, type MessagingKit } from '../__tests__/messaging-kit';
import { type MessagingRuntime } from '../messaging-runtime';
import { QueryClient } from './query';

interface PriceQuery {
  sku: string;
}
interface PriceReply {
  sku: string;
  cents: number;
}

describe(QueryClient.name, () => {
  let kit: MessagingKit;
  let responder: MessagingRuntime;
  let requester: MessagingRuntime;

  beforeAll(async () => {
    kit = await createMessagingKit('query');
    responder = kit.runtime({ service: 'pricing', relayEnabled: false });
    requester = kit.runtime({ service: 'dashboard', relayEnabled: false });
    await responder.connect();
    await requester.connect();
    responder.serveQuery<PriceQuery, PriceReply>('cw.qry.pricing.price.v1', async (query) => {
      await Promise.resolve(); // a real responder reads its database here
      if (query.sku === 'unknown') throw new DomainError(ErrorCode.NotFound, `no price for ${query.sku}`, { sku: query.sku });
      if (query.sku === 'broken') throw new Error('catalog file is corrupt');
      return { sku: query.sku, cents: 4200 };
    });
    responder.serveQuery<PriceQuery, PriceReply>('cw.qry.pricing.slow.v1', async (query) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { sku: query.sku, cents: 1 };
    });
    // the subscriptions reach the server before any request of the other connection
    await responder.connection.flush();
  });

  afterAll(async () => {
    await kit.dispose();
  });

  it('returns the responder’s answer', async () => {
    await expect(requester.queryClient.request<PriceQuery, PriceReply>('cw.qry.pricing.price.v1', { sku: 'vm.small' })).resolves.toEqual({
      sku: 'vm.small',
      cents: 4200,
    });
  });

  it('rethrows a DomainError of the responder with its code and details', async () => {
    const error = await requester.queryClient.request('cw.qry.pricing.price.v1', { sku: 'unknown' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: ErrorCode.NotFound, message: 'no price for unknown', details: { sku: 'unknown' } });
  });

  it('turns an unexpected responder failure into INTERNAL with an error id, hiding the message', async () => {
    const error = await requester.queryClient.request('cw.qry.pricing.price.v1', { sku: 'broken' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: ErrorCode.Internal, details: { errorId: expect.any(String) as unknown } });
    expect((error as DomainError).message).not.toContain('corrupt');
  });

  it('fails with NO_RESPONDER when nobody serves the subject', async () => {
    await expect(requester.queryClient.request('cw.qry.nobody.price.v1', { sku: 'x' })).rejects.toMatchObject({ code: ErrorCode.NoResponder });
  });

  it('fails with TIMEOUT when the responder is slower than the timeout', async () => {
    await expect(requester.queryClient.request('cw.qry.pricing.slow.v1', { sku: 'x' }, { timeoutMs: 100 })).rejects.toMatchObject({
      code: ErrorCode.Timeout,
      details: { timeoutMs: 100 },
    });
  });
});
