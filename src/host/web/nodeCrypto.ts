/**
 * The browser build's stand-in for node:crypto, for the one use the host has of it
 * (src/host/sidebar/formHtml.ts: `randomBytes(16).toString('base64')` for the form's nonce): the
 * same 128 bits from the platform's cryptographic source, Web Crypto, which web workers have. Goes
 * once formHtml.ts uses `crypto.getRandomValues` itself (asked in /work/notes/requests.md).
 */
export function randomBytes(size: number): { toString(encoding: 'base64'): string } {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(size));
  return { toString: () => btoa(String.fromCharCode(...bytes)) };
}
