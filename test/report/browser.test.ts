/**
 * The report in a real browser: Debian's headless Chromium, driven by playwright-core, opens
 * report.html from file:// as a user would after `queuesim run`. It must show every chart,
 * log no error and make no request but for the page itself; scenario markup must stay text.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, queuesim, scenarioFile, tempDir } from '../cli/cli.js';

const chromiumPath = '/usr/bin/chromium';

let context: BrowserContext | undefined;

/**
 * The browser, launched on first use with a fresh profile. A missing Chromium fails each test
 * with this message rather than skipping it: CI must never pass without the browser check.
 */
async function browser(): Promise<BrowserContext> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: the report's browser test needs Debian's chromium (apt-get install -y chromium; .ci/run installs it)`);
  }
  context ??= await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'queuesim-chromium-')), {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1200, height: 900 },
  });
  return context;
}

afterAll(async () => {
  await context?.close();
});

interface Visit {
  page: Page;
  requests: string[];
  console: string[];
  dialogs: string[];
  errors: string[];
}

/** Opens a file in a fresh tab, recording every request, console message, dialog and page error. */
async function visit(file: string): Promise<Visit> {
  const page = await (await browser()).newPage();
  const seen: Visit = { page, requests: [], console: [], dialogs: [], errors: [] };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('console', (message) => seen.console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.waitForTimeout(300); // room for anything late (a script, a lazy request) to show itself
  return seen;
}

/** Runs the real CLI and returns the one result folder it wrote. */
function runCli(scenario: string): string {
  const out = tempDir();
  const result = queuesim(['run', scenario, '--out', out]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const [folder, ...others] = readdirSync(out);
  expect(others).toEqual([]);
  return join(out, folder!);
}

describe('the bank report in Chromium', () => {
  it('shows every chart drawn, logs nothing, requests nothing but itself; screenshot in out/', async () => {
    const folder = runCli('scenarios/bank-branch.yaml');
    const report = join(folder, 'report.html');
    const chartNames = readdirSync(join(folder, 'charts'))
      .filter((f) => f.endsWith('.vl.json'))
      .map((f) => f.replace('.vl.json', ''));
    expect(chartNames.length).toBeGreaterThanOrEqual(3);

    const { page, requests, console, dialogs, errors } = await visit(report);
    expect(await page.locator('h1').textContent()).toBe('Bank branch, weekday');
    const figures = await page.locator('figure.chart').evaluateAll((nodes) =>
      nodes.map((figure) => {
        const svg = figure.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return {
          name: figure.getAttribute('data-chart'),
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          marks: svg?.querySelectorAll('g[class*="role-mark"] > path, g[class*="role-mark"] > line, g[class*="role-mark"] > rect').length ?? 0,
          caption: figure.querySelector('figcaption')?.textContent ?? '',
        };
      }),
    );
    expect(figures.map((f) => f.name).sort()).toEqual([...chartNames].sort());
    for (const figure of figures) {
      expect(figure.width, figure.name!).toBeGreaterThan(200);
      expect(figure.height, figure.name!).toBeGreaterThan(100);
      expect(figure.marks, figure.name!).toBeGreaterThan(0);
      expect(figure.caption.length, figure.name!).toBeGreaterThan(40);
    }
    expect(await page.locator('table.metrics').count()).toBe(3);
    expect(await page.locator('script').count()).toBe(0);
    expect(requests).toEqual([pathToFileURL(report).href]);
    expect(console).toEqual([]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);

    mkdirSync(join(projectRoot, 'out'), { recursive: true });
    await page.screenshot({ path: join(projectRoot, 'out', 'report-screenshot.png'), fullPage: true });
    await page.close();
  });
});

describe('a report of a scenario whose text is markup, in Chromium', () => {
  const name = '<script>alert(1)</script>';
  const station = '<img src=x onerror=alert(2)>';
  const segment = '<svg onload=alert(3)>';

  it('shows the text as written and runs nothing', async () => {
    const scenario = scenarioFile(
      'evil.json',
      JSON.stringify({
        name,
        replications: 3,
        time: { horizon: 120, periods: [{ name: '<b onmouseover=alert(4)>early</b>', start: 0 }, { name: 'late', start: 60 }] },
        stations: [{ id: station, servers: 1, service: { dist: 'exponential', mean: 1 } }],
        segments: [{ id: segment, arrivals: { rate: 0.8 }, route: [station], patience: { dist: 'exponential', mean: 5 } }],
      }),
    );
    const folder = runCli(scenario);
    const report = join(folder, 'report.html');
    const { page, requests, console, dialogs, errors } = await visit(report);

    expect(await page.locator('h1').textContent()).toBe(name);
    expect(await page.title()).toBe(`${name} · queuesim report`);
    const text = await page.locator('body').innerText();
    expect(text).toContain(station);
    expect(text).toContain(segment);
    expect(await page.locator('script, img, iframe, object, embed, b').count()).toBe(0);
    expect(await page.locator('svg[onload], [onerror], [onmouseover]').count()).toBe(0);
    expect(await page.locator('figure.chart').count()).toBeGreaterThanOrEqual(3);
    expect(dialogs).toEqual([]);
    expect(console).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(report).href]);
    await page.close();
  });
});

/** What the tests below read of the page's document (the tests compile without the DOM's types). */
interface PageDocument {
  documentElement: { clientWidth: number; scrollWidth: number };
  querySelectorAll(selector: string): Iterable<{ tagName: string; textContent: string | null; getBoundingClientRect(): { width: number; left: number; right: number } }>;
}

/** Elements that stick out of the viewport's width (nothing may be cut at the page's edge), as tag and text. */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const document = (globalThis as unknown as { document: PageDocument }).document;
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('th, td, figure, figure svg, h1, h2, h3, p')]
      .filter((node) => {
        const box = node.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
      })
      .map((node) => `${node.tagName.toLowerCase()} ${(node.textContent ?? '').trim().slice(0, 40)} (right ${Math.round(node.getBoundingClientRect().right)} > ${width})`);
  });
}

describe('reports on paper and on a phone', () => {
  const bank = () => runCli('scenarios/bank-branch.yaml');
  const compared = () => {
    const out = tempDir();
    const result = queuesim([
      'compare', 'scenarios/bank-branch.yaml',
      '--set', 'five tellers at the counter over lunch: stations.counter.servers.lunch=5',
      '--set', 'six tellers at the counter over lunch: stations.counter.servers.lunch=6',
      '--reps', '4', '--out', out, '--quiet', '--name', 'lunch tellers',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [folder] = readdirSync(out);
    return join(out, folder!, 'report.html');
  };

  it('printed on A4, a run and a comparison of three variants keep every column and every variant on the page', async () => {
    for (const report of [join(bank(), 'report.html'), compared()]) {
      const { page } = await visit(report);
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 680, height: 960 }); // A4 less the 15 mm margins, at 96 px an inch
      expect(await cutOff(page), report).toEqual([]);
      await page.close();
    }
  });

  it('on a 375 px screen, charts keep readable text (their figure scrolls instead) and the page itself does not overflow', async () => {
    const { page } = await visit(join(bank(), 'report.html'));
    await page.setViewportSize({ width: 375, height: 800 });
    const charts = await page.locator('figure.chart svg').evaluateAll((nodes) =>
      nodes.map((svg) => ({ drawn: Number(svg.getAttribute('width')), shown: svg.getBoundingClientRect().width, figure: svg.parentElement!.clientWidth })),
    );
    expect(charts.length).toBeGreaterThanOrEqual(3);
    for (const chart of charts) expect(chart.shown).toBeGreaterThanOrEqual(Math.min(chart.drawn, 0.8 * chart.drawn) - 1);
    expect(charts.some((chart) => chart.shown > chart.figure)).toBe(true); // the case this is about: a chart wider than the screen
    const fits = await page.evaluate(() => {
      const { documentElement } = (globalThis as unknown as { document: PageDocument }).document;
      return documentElement.scrollWidth <= documentElement.clientWidth;
    });
    expect(fits).toBe(true);
    await page.close();
  });

  it('compare on a desktop screen: every variant’s chart whole and readable, wrapping below rather than hidden behind a scrollbar', async () => {
    const { page } = await visit(compared());
    await page.setViewportSize({ width: 1280, height: 900 });
    // Narrow charts stand side by side however long their captions (variant names, file paths).
    const tops = await page.locator('.side-by-side figure[data-chart="utilisation"]').evaluateAll((nodes) => nodes.map((figure) => Math.round(figure.getBoundingClientRect().top)));
    expect(tops).toHaveLength(3);
    expect(new Set(tops).size).toBe(1);
    // …and the charts themselves start level, whatever their captions' lengths.
    const chartTops = await page.locator('.side-by-side figure[data-chart="utilisation"] svg').evaluateAll((nodes) => nodes.map((svg) => Math.round(svg.getBoundingClientRect().top)));
    expect(new Set(chartTops).size).toBe(1);
    const charts = await page.locator('.side-by-side figure svg').evaluateAll((nodes) =>
      nodes.map((svg) => {
        const box = svg.getBoundingClientRect();
        const row = svg.closest('.side-by-side')!.getBoundingClientRect();
        return { drawn: Number(svg.getAttribute('width')), shown: box.width, inside: box.left >= row.left - 0.5 && box.right <= row.right + 0.5 };
      }),
    );
    expect(charts.length).toBeGreaterThanOrEqual(9);
    for (const chart of charts) {
      expect(chart.inside).toBe(true);
      expect(chart.shown).toBeGreaterThanOrEqual(0.8 * chart.drawn - 1);
    }
    await page.close();
  });

  it('each chart is one image to a screen reader, named by its title, not a list of data fields', async () => {
    for (const report of [join(bank(), 'report.html'), compared()]) {
      const { page } = await visit(report);
      const charts = await page.locator('figure.chart svg').evaluateAll((nodes) => nodes.map((svg) => ({ role: svg.getAttribute('role'), label: svg.getAttribute('aria-label') ?? '' })));
      expect(charts.length).toBeGreaterThanOrEqual(3);
      for (const chart of charts) {
        expect(chart.role).toBe('img');
        expect(chart.label.length).toBeGreaterThan(20);
      }
      const snapshot = await page.locator('main').ariaSnapshot();
      expect(snapshot).not.toMatch(/loDrawn|hiDrawn|reasonOrder|zoneOrder/);
      await page.close();
    }
  });
});
