import {
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type InjectionToken,
  type OnApplicationBootstrap,
  type OptionalFactoryDependency,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import { type CloudEvent } from '@cloudwright/contracts';
import { type HandlerContext } from '../consuming/consumer-options';
import { MessagingRuntime, type MessagingOptions } from '../messaging-runtime';
import { QueryClient } from '../queries/query';
import { JetStreamPublisher } from '../publishing/jetstream-publisher';
import { UnitOfWork } from '../transaction/unit-of-work';
import { ON_EVENT_METADATA, type OnEventMetadata } from './on-event.decorator';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** Starts every `@OnEvent` handler at bootstrap, drains at shutdown. */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly runtime: MessagingRuntime,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = (prototype as Record<string, unknown>)[method];
        if (typeof fn !== 'function') continue;
        const meta = Reflect.getMetadata(ON_EVENT_METADATA, fn) as OnEventMetadata | undefined;
        if (!meta) continue;
        const bound = (fn as (e: CloudEvent<unknown>, c: HandlerContext) => Promise<void>).bind(instance);
        await this.runtime.subscribe(meta.contract, bound, { ...meta.options, name: meta.options.name ?? `${instance.constructor.name}.${method}` });
      }
    }
    await this.runtime.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}

export interface MessagingModuleAsyncOptions {
  imports?: DynamicModule['imports'];
  inject?: (InjectionToken | OptionalFactoryDependency)[];
  useFactory: (...args: never[]) => MessagingOptions | Promise<MessagingOptions>;
}

/**
 * The JetStream transport for Nest. Exports `MessagingRuntime`, `UnitOfWork` (transactions with an outbox),
 * `JetStreamPublisher` (direct publish) and `QueryClient` (request/reply).
 */
@Module({})
export class MessagingModule {
  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule, ...(options.imports ?? [])],
      providers: [
        { provide: MESSAGING_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] },
        {
          provide: MessagingRuntime,
          // connected (and streams provisioned) before any provider that publishes is built
          useFactory: async (o: MessagingOptions) => {
            const runtime = new MessagingRuntime(o);
            await runtime.connect();
            return runtime;
          },
          inject: [MESSAGING_OPTIONS],
        },
        { provide: UnitOfWork, useFactory: (r: MessagingRuntime) => r.unitOfWork, inject: [MessagingRuntime] },
        { provide: JetStreamPublisher, useFactory: (r: MessagingRuntime) => r.publisher, inject: [MessagingRuntime] },
        { provide: QueryClient, useFactory: (r: MessagingRuntime) => r.queryClient, inject: [MessagingRuntime] },
        MessagingLifecycle,
      ],
      exports: [MessagingRuntime, UnitOfWork, JetStreamPublisher, QueryClient],
    };
  }
}

