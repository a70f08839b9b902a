/**
 * HTML built so that text can never become markup: `html` is a tagged template that escapes
 * every interpolated value unless it is already Markup (built by `html` itself, or an SVG
 * the charts rendered, marked with `trusted`). Scenario text only ever enters as a value.
 */

export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Escapes the five characters that can end text or an attribute value in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

type Value = Markup | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new Markup(out);
}

/** Markup from a source that escapes its own text: the SVG that Vega renders. */
export function trusted(markup: string): Markup {
  return new Markup(markup);
}
