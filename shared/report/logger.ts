/** The Logger the flows receive, on top of @actions/core, with our own redaction on every line. */
import * as core from '@actions/core';
import type { Logger } from '../runtime.js';

/** Remembers secrets and removes them (and their URL-encoded forms) from text. */
export class SecretRedactor {
  private readonly secrets = new Set<string>();

  add(secret: string): string[] {
    const added: string[] = [];
    for (const form of [secret, encodeURIComponent(secret)]) {
      // Very short values would blank out ordinary words; the runner masks those in its own log regardless.
      if (form.length >= 3 && !this.secrets.has(form)) {
        this.secrets.add(form);
        added.push(form);
      }
    }
    return added;
  }

  redact(text: string): string {
    let result = text;
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      result = result.split(secret).join('***');
    }
    return result;
  }
}

export function coreLogger(redactor = new SecretRedactor()): Logger {
  const r = (text: string) => redactor.redact(text);
  return {
    isDebug: core.isDebug(),
    debug: (message) => core.debug(r(message)),
    info: (message) => core.info(r(message)),
    warning: (message, title) => core.warning(r(message), title ? { title: r(title) } : {}),
    error: (message, title) => core.error(r(message), title ? { title: r(title) } : {}),
    notice: (message, title) => core.notice(r(message), title ? { title: r(title) } : {}),
    mask: (secret) => {
      if (!secret) return;
      core.setSecret(secret);
      for (const form of redactor.add(secret)) if (form !== secret) core.setSecret(form);
    },
    redact: r,
  };
}
