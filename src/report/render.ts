/**
 * Rendering a chart without a browser: Vega-Lite compiles the spec to Vega, a headless Vega
 * View (renderer 'none': no canvas, no DOM) draws it as an SVG string, and resvg turns that
 * SVG into a PNG for memos and slides.
 */
import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { parse, View, Warn } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { textWidth } from './text-width.js';

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

/**
 * Vega's text measurement hook (exported at run time, missing from its typings): replacing
 * `width` is the documented way to measure text without a canvas.
 */
const { textMetrics } = vega as unknown as { textMetrics: { width: (item: TextItem, text: string) => number } };
textMetrics.width = (item, text) => {
  const weight = item.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600);
  return textWidth(String(text ?? ''), item.fontSize ?? 11, bold);
};

export interface RenderedSvg {
  svg: string;
  /** What Vega-Lite and Vega warned about (a dropped encoding, a bad field): none is expected. */
  warnings: string[];
}

/** Compiles a Vega-Lite spec and renders it to SVG; throws when either reports an error. */
export async function renderSvg(spec: TopLevelSpec): Promise<RenderedSvg> {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...args: readonly unknown[]) => {
      throw new Error(`vega: ${args.map(String).join(' ')}`);
    },
    warn: (...args: readonly unknown[]) => {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  // Both libraries log to the console by default; a report must not write to the terminal.
  const vegaSpec = compile(spec, { logger: logger as never }).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none', logger: logger as never, logLevel: Warn });
  try {
    return { svg: await view.toSVG(), warnings };
  } finally {
    view.finalize();
  }
}

/**
 * An SVG as PNG at `scale` times its size (2 by default: sharp on high-density screens and in
 * print). Text uses the system's fonts; without any, the PNG has marks but no labels.
 * resvg draws on libuv's thread pool, so this thread can render the next chart's SVG meanwhile.
 */
export async function renderPng(svg: string, scale = 2): Promise<Uint8Array> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'Liberation Sans' },
  });
  const png = image.asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
