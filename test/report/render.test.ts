import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { renderPng, renderSvg } from '../../src/report/render.js';
import { textWidth } from '../../src/report/text-width.js';
import { dataMarks } from './fixture.js';

const bars = {
  data: { values: [{ a: 'x', b: 1 }, { a: 'y', b: 2 }] },
  mark: 'bar',
  encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } },
} as TopLevelSpec;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('rendering without a browser', () => {
  it('draws a Vega-Lite spec as SVG, one mark per datum', async () => {
    const { svg, warnings } = await renderSvg(bars);
    expect(warnings).toEqual([]);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* width="\d+" height="\d+" viewBox=/);
    expect(dataMarks(svg)).toEqual({ rect: 2 });
  });

  it('collects Vega-Lite’s warnings instead of printing them', async () => {
    const warn = vi.spyOn(console, 'warn');
    const log = vi.spyOn(console, 'log');
    const spec = { ...bars, encoding: { ...(bars as { encoding: object }).encoding, shape: { field: 'a', type: 'nominal' } } } as TopLevelSpec;
    const { warnings } = await renderSvg(spec);
    expect(warnings.join(' ')).toMatch(/shape/);
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });

  it('throws on a spec that cannot compile', async () => {
    await expect(renderSvg({ mark: 'no-such-mark' } as unknown as TopLevelSpec)).rejects.toThrow();
  });

  it('turns the SVG into a PNG at twice its size', async () => {
    const { svg } = await renderSvg(bars);
    const [, width, height] = svg.match(/width="(\d+)" height="(\d+)"/)!.map(Number);
    const png = await renderPng(svg);
    const header = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect([header.getUint32(16), header.getUint32(20)]).toEqual([2 * width!, 2 * height!]);
  });
});

describe('text widths for layout', () => {
  it('uses Helvetica’s advance widths: “Hello” at 10 px is 22.78 px wide', () => {
    expect(textWidth('Hello', 10)).toBeCloseTo(((722 + 556 + 222 + 222 + 556) / 1000) * 10, 10);
  });

  it('gives wide East Asian characters a full em, accents their letter’s width, bold a little more', () => {
    expect(textWidth('東京', 10)).toBe(20);
    expect(textWidth('é', 10)).toBe(textWidth('e', 10));
    expect(textWidth('station', 12, true)).toBeGreaterThan(textWidth('station', 12));
  });

  it('is far below Vega’s no-canvas guess of 0.8 em per character', () => {
    const title = 'utilisation (share of server-time busy)';
    expect(textWidth(title, 12)).toBeLessThan(0.6 * 0.8 * title.length * 12);
  });
});
