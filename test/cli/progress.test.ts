import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/cli/format.js';
import { ProgressBar, type ProgressStream } from '../../src/cli/progress.js';

function terminal(isTTY = true): ProgressStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('progress bar', () => {
  it('on a terminal, once the delay has passed, draws done/total with the time left, then erases itself', () => {
    let clock = 0;
    const stream = terminal();
    const bar = new ProgressBar('replications', { stream, delayMs: 400, now: () => clock });
    clock = 100;
    bar.update(1, 4); // too soon: a quick run shows nothing
    expect(stream.written).toEqual([]);
    clock = 800;
    bar.update(2, 4);
    expect(stream.written).toHaveLength(1);
    expect(stream.written[0]).toMatch(/^\r█{14}░{14} 2\/4 replications · 0\.8 s · ~1 s left/);
    clock = 850;
    bar.update(3, 4); // redrawn at most every 100 ms
    expect(stream.written).toHaveLength(1);
    clock = 1600;
    bar.update(4, 4);
    expect(stream.written[1]).toMatch(/^\r█{28} 4\/4 replications · 1\.6 s\x1b\[K$/);
    bar.done();
    expect(stream.written.at(-1)).toBe('\r\x1b[K');
  });

  it('fits the terminal’s width, so a line is never wrapped and left behind on redraw', () => {
    const clock = 1000;
    const stream = { ...terminal(), columns: 60 };
    const bar = new ProgressBar('replications of 3 variants · Compare base vs lunch5 vs patient, 銀行', { stream, delayMs: 0, now: () => clock });
    bar.update(1, 4);
    const line = stream.written[0]!.replace(/^\r/, '').replace(/\x1b\[K$/, '');
    expect(displayWidth(line)).toBeLessThanOrEqual(59);
    // The name gives way first, then the bar; the count and the time left stay.
    expect(line).toBe('1/4 replications of 3 variants · Compa… · 0.0 s · ~0 s left');
    const standard = { ...terminal(), columns: 80 };
    let later = 1000;
    const sweep = new ProgressBar('replications of 5 points · Sweep Bank branch, weekday over stations.counter.servers.lunch', { stream: standard, delayMs: 0, now: () => later });
    later = 13_400;
    sweep.update(1204, 3000);
    const shown = standard.written[0]!.replace(/^\r/, '').replace(/\x1b\[K$/, '');
    expect(displayWidth(shown)).toBeLessThanOrEqual(79);
    expect(shown).toMatch(/^█+░+ 1204\/3000 replications of 5… · 12\.4 s · ~19 s left$/);
    const narrow = { ...terminal(), columns: 40 };
    new ProgressBar('replications · Bank branch, weekday', { stream: narrow, delayMs: 0, now: () => clock }).update(1, 4);
    expect(narrow.written[0]).toMatch(/^\r1\/4 replications… · 0\.0 s · ~0 s left\x1b\[K$/); // the count and the times, not the bar
    expect(displayWidth(narrow.written[0]!.replace(/^\r/, '').replace(/\x1b\[K$/, ''))).toBeLessThanOrEqual(39);
    // Narrower still, the label goes, then the line is cut; never wider than the terminal.
    for (const columns of [10, 20, 25, 30, 35]) {
      const tiny = { ...terminal(), columns };
      const bar = new ProgressBar('replications · 銀行 branch', { stream: tiny, delayMs: 0, now: () => clock + 12_300 });
      bar.update(37, 200);
      const shown = tiny.written[0]!.replace(/^\r/, '').replace(/\x1b\[K$/, '');
      expect(displayWidth(shown), `${columns}: ${shown}`).toBeLessThanOrEqual(columns - 1);
      if (columns >= 30) expect(shown, `${columns}`).toMatch(/^37\/200 .*· ~\d+ s left$/);
    }
    // Never a count cut in the middle ("8 of at most 6…" for 60): the times go, then the count becomes a percentage.
    const tinyLine = (columns: number, done: number, total: number, atMost = false) => {
      const stream = { ...terminal(), columns };
      new ProgressBar('evaluations', { stream, delayMs: 0, now: () => clock + 12_300, atMost }).update(done, total);
      return stream.written[0]!.replace(/^\r/, '').replace(/\x1b\[K$/, '');
    };
    expect(tinyLine(16, 8, 60, true)).toBe('8 of at most 60');
    expect(tinyLine(12, 8, 60, true)).toBe('13% · 0.0 s');
    expect(tinyLine(10, 1234, 100_000)).toBe('1%');
    expect(tinyLine(14, 1234, 100_000)).toBe('1234/100000');
    const unknown = { ...terminal(), columns: 0 };
    new ProgressBar('replications', { stream: unknown, delayMs: 0, now: () => clock }).update(1, 4);
    expect(unknown.written[0]).toMatch(/^\r█+░+ 1\/4 replications/);
    const wide = { ...terminal(), columns: 200 };
    new ProgressBar('replications', { stream: wide, delayMs: 0, now: () => clock }).update(1, 2);
    expect(wide.written[0]).not.toContain('…');
  });

  it('for a bound the work may stop before (staff’s --max-evaluations), says "of at most" and gives no time left', () => {
    const clock = 5000;
    const stream = terminal();
    new ProgressBar('evaluations', { stream, delayMs: 0, now: () => clock, atMost: true }).update(8, 60);
    expect(stream.written[0]).toMatch(/ 8 of at most 60 evaluations · [\d.]+ s\x1b\[K$/);
  });

  it('draws nothing when the output is not a terminal, or when disabled (--quiet)', () => {
    let clock = 0;
    for (const [stream, enabled] of [[terminal(false), true], [terminal(true), false]] as const) {
      const bar = new ProgressBar('replications', { stream, enabled, delayMs: 0, now: () => clock });
      clock += 1000;
      bar.update(1, 2);
      bar.done();
      expect(stream.written).toEqual([]);
    }
  });
});
