/**
 * The `username` + `password` or `token` inputs that the ServiceNow and SnapLogic actions share: exactly one of the
 * two ways, each secret masked as it is read.
 */
import type { InputReader } from '../inputs/reader.js';
import type { Logger } from '../runtime.js';
import { basicAuth, bearerAuth, type AuthProvider } from './index.js';

export type Credentials = { kind: 'basic'; username: string; password: string } | { kind: 'bearer'; token: string };

/** Reads the credential inputs; problems go to the reader. `tokenKind` names the token in messages. */
export function readCredentials(inputs: InputReader, tokenKind: string): Credentials | undefined {
  const username = inputs.string('username');
  const password = inputs.secret('password');
  const token = inputs.secret('token');
  if (token && (username || password)) {
    inputs.problem('token', `give either username and password (basic auth) or token (${tokenKind}), not both`);
  } else if (token) {
    return { kind: 'bearer', token };
  } else if (username && password) {
    return { kind: 'basic', username, password };
  } else if (username || password) {
    inputs.requiredWith('password', username !== undefined, 'username');
    inputs.requiredWith('username', password !== undefined, 'password');
  } else {
    inputs.problem('username', `give username and password (basic auth) or token (${tokenKind})`);
  }
  return undefined;
}

export function credentialsAuth(credentials: Credentials, logger: Logger): AuthProvider {
  return credentials.kind === 'basic'
    ? basicAuth(credentials.username, credentials.password, logger)
    : bearerAuth(credentials.token, logger);
}
