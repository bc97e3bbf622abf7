/**
 * Telling an HTML page (a single sign-on login page, a proxy's error page) from the JSON or file that was expected.
 * It sits below http/ and fs/, which both meet such pages: an error answer, a download that should be a zip.
 */

export function isHtml(contentType: string | undefined, text: string): boolean {
  if (contentType?.toLowerCase().includes('text/html')) return true;
  return /^\s*(<!doctype html|<html)/i.test(text);
}

export function htmlTitle(text: string): string | undefined {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text);
  return match ? match[1].replace(/\s+/g, ' ').trim() || undefined : undefined;
}

/** "an HTML page titled 'Sign in' (a login page or a proxy's error page, not the API)". */
export function describeHtml(text: string): string {
  const title = htmlTitle(text);
  return `an HTML page${title ? ` titled '${title}'` : ' with no title'} instead of JSON (a single sign-on login page or a proxy's error page answered, not the API)`;
}
