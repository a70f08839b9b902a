/**
 * The frame every report page shares: the Content-Security-Policy that forbids any request,
 * the inline stylesheet, the title. Pages put their own body inside; text only ever enters
 * through `html`, which escapes it (markup.ts).
 */
import { html, trusted, type Markup } from './markup.js';
import { reportCss } from './style.js';

/** No source at all but inline styles and data: images; forms and <base> disabled too. */
export const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * Makes the ids inside one chart's SVG unique in the page (several inline SVGs share one id
 * space): every id and every reference to it gets a prefix.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`);
}

/** A whole page: `title` in the tab, `body` inside <body>, `css` after the shared styles. */
export function pageHtml(title: string, body: Markup, css = ''): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${trusted(reportCss + css)}</style>
</head>
<body>
${body}
</body>
</html>
`.text;
}
