/**
 * Text widths for laying out charts without a browser. Vega measures text with a canvas when
 * it has one; in Node it has none and guesses 0.8 em per character, which is about 60% too
 * wide for Arial-like fonts: axis titles seem longer than their axis, labels get cut short,
 * and every chart grows empty margins. These are the advance widths of Helvetica (Adobe's
 * core-font metrics, which Arial and Liberation Sans share), in thousandths of an em.
 */

/** Widths of the printable ASCII characters, from space (32) to tilde (126). */
const asciiWidths = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0–9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A–O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P–Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a–o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p–z { | } ~
];

const otherWidths: Record<string, number> = {
  '\u2013': 556, // en dash
  '\u2014': 1000, // em dash
  '\u2018': 222,
  '\u2019': 222,
  '\u201c': 333,
  '\u201d': 333,
  '\u2026': 1000, // ellipsis
  '\u00b1': 584, // ±
  '\u00b7': 278, // middle dot
};

/** Bold Helvetica is on average this much wider than regular. */
const boldFactor = 1.08;

function charWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (code >= 32 && code <= 126) return asciiWidths[code - 32]!;
  const known = otherWidths[char];
  if (known !== undefined) return known;
  if (/[\p{Mn}\p{Me}\p{Cf}]/u.test(char)) return 0;
  if (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\u{20000}-\u{3fffd}]/u.test(char)) return 1000;
  // Accented Latin letters are as wide as their base letter.
  const base = char.normalize('NFD').codePointAt(0)!;
  if (base >= 32 && base <= 126) return asciiWidths[base - 32]!;
  return 556;
}

/** Width in pixels of `text` set at `fontSize`, bold or not. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let thousandths = 0;
  for (const char of text) thousandths += charWidth(char);
  return (thousandths / 1000) * fontSize * (bold ? boldFactor : 1);
}
