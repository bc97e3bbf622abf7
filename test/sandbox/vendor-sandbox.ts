/** What every vendor simulator shares: one SandboxServer, started and stopped the same way. */
import type { SandboxServer } from './server.js';

export abstract class VendorSandbox {
  abstract readonly server: SandboxServer;

  get url(): string {
    return this.server.url;
  }

  listen(port = 0, host = '127.0.0.1'): Promise<string> {
    return this.server.listen(port, host);
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

/** A simulator that takes basic auth or a bearer token, with ready-made `Authorization` values for tests. */
export abstract class BasicOrBearerSandbox extends VendorSandbox {
  abstract readonly username: string;
  abstract readonly password: string;
  abstract readonly token: string;

  get basicAuthorization(): string {
    return `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
  }

  get bearerAuthorization(): string {
    return `Bearer ${this.token}`;
  }
}
