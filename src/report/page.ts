/**
 * The frame every report page shares: the Content-Security-Policy that forbids any request,
 * the inline stylesheet, the title. Pages put their own body inside; text only ever enters
 * through `html`, which escapes it (markup.ts).
 */
import { escapeHtml, html, trusted, type Markup } from './markup.js';
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

/** The least share of its drawn size a chart is shown at on a narrow screen (12 px labels stay above 9.5 px); narrower, its figure scrolls. */
export const LEAST_CHART_SCALE = 0.8;

/**
 * One chart's SVG, ready to sit in a page: its ids scoped by `prefix`, the whole drawing one
 * image to assistive technology (role="img", named by `label`; what its marks would say is
 * the chart's own data fields), and a least width so its text stays readable.
 */
export function inlineSvg(svg: string, prefix: string, label: string): string {
  return scopeSvgIds(svg, prefix).replace(/^<svg\b([^>]*)>/, (_svgTag, attributes: string) => {
    const width = Number(/\swidth="([\d.]+)"/.exec(attributes)?.[1]);
    const least = Number.isFinite(width) && width > 0 ? ` style="min-width: ${Math.round(width * LEAST_CHART_SCALE)}px"` : '';
    return `<svg${attributes} role="img" aria-label="${escapeHtml(label)}"${least}>`;
  });
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
