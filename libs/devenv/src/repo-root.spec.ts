import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir, findRepoRoot } from './repo-root';

describe(findRepoRoot.name, () => {
  it('finds the package.json that declares workspaces', () => {
    const root = findRepoRoot(__dirname);
    expect(existsSync(join(root, 'libs', 'devenv'))).toBe(true);
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))).toHaveProperty('workspaces');
    expect(defaultDataDir(__dirname)).toBe(join(root, '.cloudwright'));
  });

  it('says what to do when there is no workspace root', () => {
    expect(() => findRepoRoot('/')).toThrow(/run Cloudwright from inside its repository/);
  });
});
