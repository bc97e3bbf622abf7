/**
 * The forms a secret takes in text that we print or write: a vendor quotes a request body JSON-escaped, a URL
 * carries it percent-encoded, an Authorization header base64-encoded, an HTML error page entity-escaped. Each form is
 * redacted like the secret itself, and registered with the runner's mask.
 */

/**
 * Shorter secrets are not removed from our own text: replacing every `1` or `ab` would wreck the files and outputs
 * that hold them (the runner still masks them in its log). A 3-character secret is removed, though it may blank
 * ordinary words too.
 */
export const MIN_REDACTED_LENGTH = 3;

/** Below this, a secret cannot be protected reliably: the input reader warns about it (naming the input only). */
export const RELIABLE_SECRET_LENGTH = 4;

/** Every distinct form of `secret`, the secret first; empty when it is too short to redact. */
export function secretForms(secret: string): string[] {
  if (secret.length < MIN_REDACTED_LENGTH) return [];
  const json = jsonForms(secret);
  return [
    ...new Set([
      secret,
      ...urlForms(secret),
      ...json,
      // JSON text quoted inside a JSON string (a request body in an error message of a JSON answer).
      ...jsonForms(json[0]),
      ...base64Forms(secret),
      ...htmlForms(secret),
    ]),
  ];
}

function urlForms(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  return [
    encoded,
    encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    // application/x-www-form-urlencoded: a space is `+`, and `!'()~` are encoded too.
    new URLSearchParams({ s: secret }).toString().slice(2),
  ];
}

/**
 * What JSON encoders write inside a string: JSON.stringify's escapes first (`"` → `\"`, `\` → `\\`, control
 * characters), then `/` as `\/`, non-ASCII as `\uXXXX`, and the HTML-safe `<>&='` as `\u003c`…, in lower- and
 * upper-case hex.
 */
function jsonForms(secret: string): string[] {
  const plain = JSON.stringify(secret).slice(1, -1);
  const forms = [plain, plain.replace(/\//g, '\\/')];
  for (const upper of [false, true]) {
    const escape = (text: string, pattern: RegExp) =>
      text.replace(pattern, (c) => {
        const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
        return `\\u${upper ? hex.toUpperCase() : hex}`;
      });
    const htmlSafe = escape(plain, /[<>&=']/g);
    forms.push(escape(plain, /[\u0080-\uffff]/g), htmlSafe, escape(htmlSafe, /[\u0080-\uffff]/g));
  }
  return forms;
}

/** Base64 of the secret alone; the Basic value of `user:password` is registered as a secret of its own. */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret);
  const padded = bytes.toString('base64');
  return [padded, padded.replace(/=+$/, ''), bytes.toString('base64url')];
}

function htmlForms(secret: string): string[] {
  const minimal = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const quoted = minimal.replace(/"/g, '&quot;');
  return [minimal, quoted.replace(/'/g, '&#39;'), quoted.replace(/'/g, '&#x27;')];
}
