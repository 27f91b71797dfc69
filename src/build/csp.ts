import type { Plugin } from 'vite';

/**
 * The built site's Content-Security-Policy, as a meta tag so it holds on any host
 * (school server, LMS package) without header configuration. No inline script and
 * no eval; data: and blob: only for images, sounds and the textures Phaser makes
 * from inline SVG. Styles set through the CSSOM (Phaser's canvas sizing) are not
 * affected by style-src. Not applied to the dev server, whose HMR needs inline styles.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "connect-src 'self' data: blob:",
  "font-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'comptoir-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}
