/**
 * runAction owns a host: whatever CI a run is on, the same frame sends log lines, outputs, the summary and
 * artifacts through the host alone, redacted, and closes it on every path before the verdict's last line.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { ArtifactError, TimeoutError } from '../../../shared/errors.js';
import type { Host } from '../../../shared/hosts/host.js';
import type { SecretRedactor } from '../../../shared/report/logger.js';
import type { Outputs, OutputValue } from '../../../shared/report/outputs.js';
import { redactedOutputText } from '../../../shared/report/outputs.js';
import { runAction } from '../../../shared/frame/run.js';
import type { Logger } from '../../../shared/runtime.js';

const SECRET = 'hunter2-Secret';

/** A host that records every call, in order. */
function recordingHost(inputs: Record<string, string> = {}) {
  const events: string[] = [];
  const outputs = new Map<string, string>();
  let summary = '';
  const host: Host = {
    name: 'plain',
    inputs: (name) => inputs[name] ?? '',
    logger(redactor: SecretRedactor): Logger {
      const line = (level: string) => (message: string) => events.push(`${level}: ${redactor.redact(message)}`);
      return {
        isDebug: false,
        debug: line('debug'),
        info: line('info'),
        warning: line('warning'),
        error: line('error'),
        notice: line('notice'),
        mask: (secret) => void redactor.add(secret),
        redact: (text) => redactor.redact(text),
      };
    },
    outputs(logger): Outputs {
      return {
        values: outputs,
        set(name: string, value: OutputValue) {
          const text = redactedOutputText(value, logger);
          outputs.set(name, text);
          events.push(`output: ${name}=${text}`);
        },
      };
    },
    async writeSummary(markdown) {
      summary = markdown;
      events.push('summary');
    },
    async uploadArtifact(request) {
      events.push(`artifact: ${request.name} ${request.files.join(',')}`);
      if (request.name === 'refused') throw new ArtifactError('the artifact service refused it');
      return { id: 7 };
    },
    reportResults: () => undefined,
    async close() {
      events.push('close');
    },
    exitCode: () => 1,
  };
  return { host, events, outputs, summary: () => summary };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('runAction on a host', () => {
  it('reads inputs from the host and sends outputs, artifacts, the summary and the verdict through it, in order', async () => {
    const { host, events, summary } = recordingHost({ 'app-name': 'PaymentApp' });
    await runAction(
      { title: 'CDM export', host },
      async ({ inputs, outputs, summary: s, uploadArtifact, host: name }) => {
        const app = inputs.string('app-name', { required: true });
        inputs.finish();
        outputs.set('export-id', 'e-1');
        await uploadArtifact({ name: 'config', files: ['/w/a.json'] });
        s.text(`exported ${app} on ${name}`);
        return `✅ Exported ${app}.`;
      },
    );
    expect(events).toEqual([
      'output: export-id=e-1',
      'artifact: config /w/a.json',
      'summary',
      'close',
      'info: ✅ Exported PaymentApp.',
    ]);
    expect(summary()).toContain('## CDM export');
    expect(summary()).toContain('exported PaymentApp on plain');
    expect(process.exitCode).toBeUndefined();
  });

  it('closes the host also when the run fails, and redacts what reaches it', async () => {
    const { host, events, outputs, summary } = recordingHost({ password: SECRET });
    await runAction({ title: 'CDM export', host }, async ({ inputs, outputs: o, logger }) => {
      logger.mask(inputs.secret('password') ?? '');
      o.set('export-id', `id-${SECRET}`);
      logger.info(`using ${SECRET}`);
      throw new TimeoutError(`Timed out; the server said ${SECRET}`);
    });
    expect(process.exitCode).toBe(1);
    expect(events.indexOf('close')).toBeGreaterThan(events.indexOf('summary'));
    expect(events.at(-1)).toBe('error: Timed out; the server said ***');
    expect(outputs.get('export-id')).toBe('id-***');
    expect(summary()).toContain('Timed out; the server said \\*\\*\\*');
    expect([...events, summary()].join('\n')).not.toContain(SECRET);
  });

  it('a refused artifact is the host’s error, reported as every other failure', async () => {
    const { host, events } = recordingHost();
    await runAction({ title: 'CDM export', host }, async ({ uploadArtifact }) => {
      await uploadArtifact({ name: 'refused', files: ['/w/a.json'] });
      return 'not reached';
    });
    expect(process.exitCode).toBe(1);
    expect(events.at(-1)).toBe('error: the artifact service refused it');
  });
});
