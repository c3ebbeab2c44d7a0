/** Module boundaries (checked by `npm run boundaries`, part of `npm run check`). */
module.exports = {
  forbidden: [
    {
      name: 'service-imports-other-service',
      comment: 'A service never imports another service: services talk only through libs/contracts events.',
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/([^/]+)/', pathNot: '^services/$1/' },
    },
    {
      name: 'lib-imports-service-or-tool',
      comment: 'Libraries never depend on services or tools.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^(services|tools)/' },
    },
    {
      name: 'contracts-import-internal',
      comment: 'libs/contracts imports nothing internal, and neither NestJS nor TypeORM.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { path: '^(libs/(?!contracts/)|services/|tools/)|node_modules/(@nestjs|typeorm|@nats-io|pg)/' },
    },
    {
      name: 'adapter-imports-persistence',
      comment: 'Controllers and consumers are thin adapters: they never import entities or repositories.',
      severity: 'error',
      from: { path: '\\.(controller|consumer)\\.ts$' },
      to: { path: '\\.(entity|repository)\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
  },
};
