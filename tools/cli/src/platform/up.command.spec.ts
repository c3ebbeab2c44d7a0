import { newApiToken } from './up.command';

describe('newApiToken', () => {
  it('is cw_ and 32 base64url characters, so it never starts with a dash a command line would read as an option', () => {
    const tokens = Array.from({ length: 500 }, () => newApiToken());
    for (const token of tokens) expect(token).toMatch(/^cw_[A-Za-z0-9_-]{32}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});
