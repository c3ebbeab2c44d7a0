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
  '@cloudwright/contracts/testing': path.join(root, 'libs/contracts/src/testing/index.ts'),
};

/** `@cloudwright/<lib>` → `libs/<lib>/src/index.ts` when that library exists. */
function alias(request) {
  if (aliases[request]) return aliases[request];
  const match = /^@cloudwright\/([a-z0-9-]+)$/.exec(request);
  if (!match) return request;
  const source = path.join(root, 'libs', match[1], 'src/index.ts');
  return fs.existsSync(source) ? source : request;
}

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, alias(request), ...rest);
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
