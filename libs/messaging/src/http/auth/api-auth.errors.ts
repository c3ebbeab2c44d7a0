/** No valid bearer token: answered 401 with `WWW-Authenticate: Bearer` by DomainErrorFilter. */
export class ApiAuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiAuthenticationError';
  }
}
