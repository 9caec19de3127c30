/**
 * The sandbox iframe's document: a strict Content-Security-Policy and the bootstrap inline.
 * - default-src 'none': nothing loads from anywhere unless named below.
 * - script-src 'nonce-…': only the bootstrap runs; no eval, no importScripts of any URL.
 * - worker-src blob:: trial workers come only from Blobs the bootstrap makes.
 * - connect-src 'none': no fetch, XHR, WebSocket or EventSource (workers inherit the policy).
 * The iframe itself gets `sandbox="allow-scripts"` and never allow-same-origin, so its origin is
 * opaque: no access to the app's IndexedDB, localStorage or cookies.
 */
import { sandboxBootstrap } from './bootstrap';

/** The policy, for the srcdoc's meta tag (and for tests that check it). */
export function sandboxPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    'worker-src blob:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A fresh nonce (base64 of 16 random bytes). */
export function makeNonce(random: (bytes: Uint8Array) => Uint8Array): string {
  const bytes = random(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The srcdoc HTML. */
export function sandboxSrcdoc(nonce: string): string {
  return [
    '<!doctype html><html><head>',
    `<meta http-equiv="Content-Security-Policy" content="${sandboxPolicy(nonce)}">`,
    `<script nonce="${nonce}">(${sandboxBootstrap.toString()})();</script>`,
    '</head><body></body></html>',
  ].join('');
}
