/**
 * A relative file path as a URI path: each segment percent-encoded, so `#`, `?`, spaces and brackets in a file name
 * stay part of the name in a SARIF artifact URI or a link, instead of starting a fragment or a query or ending the
 * markdown link. `/` separates segments as it does in the path.
 */
export function uriPath(file: string): string {
  return file
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');
}
