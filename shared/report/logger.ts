/** The Logger the flows receive, on top of @actions/core, with our own redaction on every line. */
import * as core from '@actions/core';
import type { AnnotationLocation, Logger } from '../runtime.js';
import { secretForms } from '../secret-forms.js';

/** Remembers secrets and removes them, in every form they take in text (secret-forms.ts), from text. */
export class SecretRedactor {
  private readonly secrets = new Set<string>();
  /** Longest first, so a form is never cut by a shorter one inside it. */
  private ordered: string[] = [];

  /** Registers `secret`; returns the forms not known before (none when it is too short to redact). */
  add(secret: string): string[] {
    const added = secretForms(secret).filter((form) => !this.secrets.has(form));
    for (const form of added) this.secrets.add(form);
    if (added.length) this.ordered = [...this.secrets].sort((a, b) => b.length - a.length);
    return added;
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.ordered) if (result.includes(secret)) result = result.split(secret).join('***');
    return result;
  }
}

/**
 * Makes text safe to print as plain log lines: the runner reads every stdout line (split at CR or LF) that starts
 * with `::` (after whitespace) as a workflow command, and `##[name]` anywhere in a line as the legacy form. Vendor
 * text and inputs end up in log lines, so no line of theirs may start one: a leading `::` becomes `\::`, `##[`
 * becomes `##\[`, and a bare CR (which the runner would take as a line break) a visible `\r`.
 */
export function neutralizeCommands(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/\r/g, '\\r')
    .split('\n')
    .map((line) => line.replace(/^([\s\u0085]*)::/, '$1\\::').replace(/##\[/g, '##\\['))
    .join('\n');
}

export function coreLogger(redactor = new SecretRedactor()): Logger {
  const r = (text: string) => redactor.redact(text);
  const properties = (title?: string, location?: AnnotationLocation): core.AnnotationProperties => ({
    ...(title ? { title: r(title) } : {}),
    ...(location ? { file: r(location.file), startLine: location.line } : {}),
  });
  return {
    isDebug: core.isDebug(),
    // debug, warning, error and notice are workflow commands: the toolkit escapes CR, LF and % in them.
    debug: (message) => core.debug(r(message)),
    info: (message) => core.info(neutralizeCommands(r(message))),
    warning: (message, title, location) => core.warning(r(message), properties(title, location)),
    error: (message, title, location) => core.error(r(message), properties(title, location)),
    notice: (message, title, location) => core.notice(r(message), properties(title, location)),
    mask: (secret) => {
      if (!secret) return;
      core.setSecret(secret);
      for (const form of redactor.add(secret)) if (form !== secret) core.setSecret(form);
    },
    redact: r,
  };
}
