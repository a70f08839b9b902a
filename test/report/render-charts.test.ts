import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Chart } from '../../src/report/charts/chart.js';

// The SVGs render one after another while each PNG is drawn on libuv's pool: a PNG that fails
// while a later chart's SVG is still rendering must reject renderCharts, not surface as an
// unhandled rejection (which would end the CLI before it removes its staging folder).
vi.mock('../../src/report/render.js', () => ({
  renderSvg: vi.fn(async (spec: { name: string }) => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { svg: `<svg>${spec.name}</svg>`, warnings: [] };
  }),
  renderPng: vi.fn(async (svg: string) => {
    if (svg.includes('first')) throw new Error('resvg: cannot draw first');
    return new Uint8Array([1, 2, 3]);
  }),
}));

const { renderCharts } = await import('../../src/report/index.js');

const chart = (name: string): Chart => ({ name, title: name, caption: '', spec: { name } as never });

describe('renderCharts', () => {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => process.on('unhandledRejection', record));
  afterAll(() => process.off('unhandledRejection', record));
  afterEach(() => {
    unhandled.length = 0;
  });

  it('rejects with a failed PNG, and nothing is left unhandled meanwhile', async () => {
    await expect(renderCharts([chart('first'), chart('second'), chart('third')], 'charts')).rejects.toThrow('cannot draw first');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
  });

  it('lists each chart’s files in order, the PNGs drawn', async () => {
    const { files } = await renderCharts([chart('a'), chart('b')], 'charts');
    expect(Object.keys(files)).toEqual(['charts/a.vl.json', 'charts/a.svg', 'charts/a.png', 'charts/b.vl.json', 'charts/b.svg', 'charts/b.png']);
    expect(files['charts/b.png']).toEqual(new Uint8Array([1, 2, 3]));
  });
});
