// A require hook for child processes of integration tests: runs TypeScript without a build, the way jest does
// (swc, CommonJS, legacy decorators with metadata), and maps the workspace packages to their sources.
// Usage: node -r libs/messaging/src/__tests__/swc-register.js <script.ts>
'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../../..');
const aliases = {
  '@cloudwright/contracts': path.join(root, 'libs/contracts/src/index.ts'),
  '@cloudwright/contracts/testing': path.join(root, 'libs/contracts/src/testing/index.ts'),
  '@cloudwright/messaging': path.join(root, 'libs/messaging/src/index.ts'),
  '@cloudwright/devenv': path.join(root, 'libs/devenv/src/index.ts'),
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, aliases[request] ?? request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
