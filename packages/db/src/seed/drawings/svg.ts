import type { Prng } from "../prng";

/** What a drawing gets: the canvas size, its own seeded PRNG and the spec's colours and words. */
export interface Canvas {
  w: number;
  h: number;
  /** The shorter side: drawings scale with it so square and landscape both work. */
  s: number;
  rand: Prng;
  palette: readonly string[];
  text: string;
  subtext: string;
}

/** A drawing returns SVG elements (it may include its own `<defs>`). */
export type Drawing = (c: Canvas) => string;

export const color = (c: Canvas, index: number): string => c.palette[index % c.palette.length]!;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
export const esc = (value: string): string => value.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);

export interface TextOptions {
  size: number;
  fill: string;
  family?: "sans-serif" | "serif" | "monospace";
  weight?: "normal" | "bold";
  anchor?: "start" | "middle" | "end";
  spacing?: number;
  italic?: boolean;
  rotate?: number;
}

/** Text in a generic family only: the seed must not depend on fonts a machine may lack. */
export function label(x: number, y: number, content: string, o: TextOptions): string {
  const transform = o.rotate ? ` transform="rotate(${o.rotate} ${x} ${y})"` : "";
  return (
    `<text x="${x}" y="${y}" font-family="${o.family ?? "sans-serif"}" font-size="${o.size}"` +
    ` font-weight="${o.weight ?? "normal"}" fill="${o.fill}" text-anchor="${o.anchor ?? "middle"}"` +
    ` letter-spacing="${o.spacing ?? 0}"${o.italic ? ` font-style="italic"` : ""}${transform}>${esc(content)}</text>`
  );
}

/** Lightens (amount > 0) or darkens (amount < 0) a #rrggbb colour. */
export function shade(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const v = (n >> shift) & 255;
    const out = amount >= 0 ? v + (255 - v) * amount : v * (1 + amount);
    return Math.round(Math.min(255, Math.max(0, out)))
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel(16)}${channel(8)}${channel(0)}`;
}

/** A plain studio-like backdrop with a floor shadow: the object looks cut out of its scene. */
export function backdrop(c: Canvas, shadowY = 0.8, shadowWidth = 0.36): string {
  const tone = c.rand.pick(["#e9e6df", "#e3e6e8", "#ebe5e0", "#e2e4dc"]);
  return (
    `<defs><linearGradient id="bd" x1="0" y1="0" x2="0" y2="1">` +
    `<stop offset="0" stop-color="${shade(tone, 0.3)}"/><stop offset="1" stop-color="${shade(tone, -0.12)}"/>` +
    `</linearGradient></defs><rect width="${c.w}" height="${c.h}" fill="url(#bd)"/>` +
    `<ellipse cx="${c.w / 2}" cy="${c.h * shadowY}" rx="${c.s * shadowWidth}" ry="${c.s * 0.035}" fill="#000" opacity="0.12"/>`
  );
}

/** Soft diagonal light and shade, as on cloth or a printed surface under a lamp. */
export function sheen(c: Canvas, id = "sheen"): string {
  return (
    `<defs><linearGradient id="${id}" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="#fff" stop-opacity="0.18"/><stop offset="0.5" stop-color="#fff" stop-opacity="0"/>` +
    `<stop offset="1" stop-color="#000" stop-opacity="0.16"/></linearGradient></defs>` +
    `<rect width="${c.w}" height="${c.h}" fill="url(#${id})"/>`
  );
}

/** A five-pointed star as a polygon. */
export function star(cx: number, cy: number, r: number, fill: string, extra = ""): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.45;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    points.push(
      `${(cx + radius * Math.cos(a)).toFixed(1)},${(cy + radius * Math.sin(a)).toFixed(1)}`,
    );
  }
  return `<polygon points="${points.join(" ")}" fill="${fill}" ${extra}/>`;
}
