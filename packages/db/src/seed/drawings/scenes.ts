import type { Prng } from "../prng";
import { color, shade, type Canvas, type Drawing } from "./svg";

/**
 * Views from a window, built only from flat shapes: sky, hills, roofs, towers.
 * Palette: 0 sky, 1 main landmark, 2 roofs or hills, 3 window frame.
 */

function sky(c: Canvas): string {
  const top = color(c, 0);
  return (
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/>` +
    `<stop offset="1" stop-color="${shade(top, 0.6)}"/></linearGradient></defs><rect width="${c.w}" height="${c.h}" fill="url(#sky)"/>` +
    cloud(c.rand, c.w * c.rand.range(0.15, 0.4), c.h * 0.18, c.s * 0.06) +
    cloud(c.rand, c.w * c.rand.range(0.6, 0.85), c.h * 0.12, c.s * 0.045)
  );
}

function cloud(rand: Prng, x: number, y: number, r: number): string {
  const dx = rand.range(0.8, 1.2) * r;
  return `<g fill="#fff" opacity="0.85"><circle cx="${x}" cy="${y}" r="${r}"/><circle cx="${x + dx}" cy="${y + r * 0.2}" r="${r * 0.8}"/><circle cx="${x - dx}" cy="${y + r * 0.25}" r="${r * 0.7}"/><rect x="${x - dx}" y="${y + r * 0.2}" width="${2 * dx}" height="${r * 0.8}"/></g>`;
}

function house(x: number, base: number, w: number, h: number, wall: string, roof: string): string {
  let windows = "";
  for (let i = 0; i < Math.max(1, Math.floor(w / 40)); i++) {
    windows += `<rect x="${x + 12 + i * 40}" y="${base - h * 0.7}" width="16" height="${Math.min(26, h * 0.3)}" fill="#5b6b78"/>`;
  }
  return (
    `<rect x="${x}" y="${base - h}" width="${w}" height="${h}" fill="${wall}"/>` +
    `<path d="M${x - 6} ${base - h} L${x + w / 2} ${base - h - w * 0.4} L${x + w + 6} ${base - h} Z" fill="${roof}"/>${windows}`
  );
}

function houses(c: Canvas, base: number, roof: string): string {
  let out = "";
  let x = -20;
  while (x < c.w) {
    const w = c.rand.range(90, 150);
    out += house(
      x,
      base,
      w,
      c.rand.range(70, 130),
      c.rand.pick(["#efe3cf", "#e6d2b8", "#f2ece1", "#d9c7b0"]),
      shade(roof, c.rand.range(-0.15, 0.15)),
    );
    x += w + c.rand.range(4, 20);
  }
  return out;
}

/** The room side: wall around the opening, frame and glazing bars. */
function windowFrame(c: Canvas, blinds = false): string {
  const frame = color(c, 3);
  const m = c.s * 0.07;
  const bar = c.s * 0.025;
  let out =
    `<path d="M0 0H${c.w}V${c.h}H0Z M${m} ${m}V${c.h - m}H${c.w - m}V${m}Z" fill-rule="evenodd" fill="#cfc8bb"/>` +
    `<rect x="${m}" y="${m}" width="${c.w - 2 * m}" height="${c.h - 2 * m}" fill="none" stroke="${frame}" stroke-width="${bar * 1.6}"/>` +
    `<rect x="${c.w / 2 - bar / 2}" y="${m}" width="${bar}" height="${c.h - 2 * m}" fill="${frame}"/>`;
  if (blinds) {
    for (let y = m + 10; y < c.h * 0.42; y += c.s * 0.035)
      out += `<rect x="${m}" y="${y}" width="${c.w - 2 * m}" height="${c.s * 0.018}" fill="#e8e4da" opacity="0.92"/>`;
  } else {
    out += `<rect x="${m}" y="${c.h * 0.4}" width="${c.w - 2 * m}" height="${bar}" fill="${frame}"/>`;
  }
  return (
    out + `<rect x="0" y="${c.h - m}" width="${c.w}" height="${m}" fill="${shade(frame, -0.1)}"/>`
  );
}

const viewChurch: Drawing = (c) => {
  const base = c.h * 0.86;
  const tx = c.w * c.rand.range(0.58, 0.7);
  const tw = c.s * 0.1;
  const tower = color(c, 1);
  return (
    sky(c) +
    `<rect x="${tx - tw / 2}" y="${c.h * 0.3}" width="${tw}" height="${base - c.h * 0.3}" fill="${tower}"/>` +
    `<path d="M${tx - tw * 0.62} ${c.h * 0.3} L${tx} ${c.h * 0.06} L${tx + tw * 0.62} ${c.h * 0.3} Z" fill="${shade(color(c, 2), -0.2)}"/>` +
    `<line x1="${tx}" y1="${c.h * 0.06}" x2="${tx}" y2="${c.h * 0.02}" stroke="#444" stroke-width="4"/>` +
    `<circle cx="${tx}" cy="${c.h * 0.38}" r="${tw * 0.28}" fill="#f6f1e2" stroke="#444" stroke-width="3"/>` +
    `<path d="M${tx - tw * 0.18} ${c.h * 0.5} h${tw * 0.36} v${c.h * 0.08} h${-tw * 0.36} Z" fill="#4a4a4a"/>` +
    houses(c, base, color(c, 2)) +
    `<rect y="${base}" width="${c.w}" height="${c.h - base}" fill="#7c8a6a"/>` +
    windowFrame(c)
  );
};

const viewHills: Drawing = (c) => {
  const hill = color(c, 2);
  const layers = [0.5, 0.6, 0.72]
    .map((f, i) => {
      const y = c.h * f;
      const a = c.h * c.rand.range(0.04, 0.08);
      return `<path d="M0 ${y} C${c.w * 0.25} ${y - a} ${c.w * 0.45} ${y + a} ${c.w * 0.7} ${y - a * 0.5} S${c.w} ${y} ${c.w} ${y} V${c.h} H0 Z" fill="${shade(hill, -0.15 * i)}"/>`;
    })
    .join("");
  const wx = c.w * c.rand.range(0.25, 0.4);
  const wy = c.h * 0.44;
  const tank = color(c, 1);
  return (
    sky(c) +
    `<circle cx="${c.w * 0.8}" cy="${c.h * 0.22}" r="${c.s * 0.05}" fill="#ffe9a8"/>` +
    layers +
    `<path d="M${wx - 30} ${wy + 120} L${wx - 18} ${wy} M${wx + 30} ${wy + 120} L${wx + 18} ${wy} M${wx - 26} ${wy + 70} L${wx + 26} ${wy + 70}" stroke="#555" stroke-width="5"/>` +
    `<rect x="${wx - 38}" y="${wy - 50}" width="76" height="56" rx="8" fill="${tank}"/><path d="M${wx - 42} ${wy - 50} L${wx} ${wy - 78} L${wx + 42} ${wy - 50} Z" fill="${shade(tank, -0.3)}"/>` +
    [0.55, 0.62, 0.7]
      .map((f) =>
        house(
          c.w * f,
          c.h * 0.8,
          70,
          50,
          "#f3ede2",
          c.rand.pick(["#b5543c", "#a44a34", "#c76a47"]),
        ),
      )
      .join("") +
    windowFrame(c)
  );
};

const viewSkyline: Drawing = (c) => {
  const building = color(c, 1);
  let city = "";
  let x = c.w * 0.05;
  while (x < c.w * 0.95) {
    const w = c.rand.range(50, 110);
    const h = c.h * c.rand.range(0.2, 0.5);
    const y = c.h * 0.85 - h;
    city += `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${shade(building, c.rand.range(-0.2, 0.15))}"/>`;
    for (let wy = y + 12; wy < c.h * 0.82; wy += 22) {
      for (let wx = x + 8; wx < x + w - 12; wx += 18) {
        if (c.rand.chance(0.45))
          city += `<rect x="${wx}" y="${wy}" width="8" height="10" fill="#f4d98a" opacity="0.8"/>`;
      }
    }
    x += w + c.rand.range(2, 12);
  }
  const ax = c.w * c.rand.range(0.3, 0.45);
  return (
    sky(c) +
    `<path d="M${ax - 40} ${c.h * 0.85} L${ax - 6} ${c.h * 0.2} L${ax + 6} ${c.h * 0.2} L${ax + 40} ${c.h * 0.85} Z" fill="${shade(building, -0.3)}"/>` +
    `<ellipse cx="${ax}" cy="${c.h * 0.3}" rx="34" ry="16" fill="${shade(building, -0.3)}"/>` +
    `<line x1="${ax}" y1="${c.h * 0.2}" x2="${ax}" y2="${c.h * 0.06}" stroke="${shade(building, -0.3)}" stroke-width="5"/>` +
    `<circle cx="${ax}" cy="${c.h * 0.06}" r="6" fill="${color(c, 2)}"/>` +
    city +
    `<rect y="${c.h * 0.85}" width="${c.w}" height="${c.h * 0.15}" fill="#4c5157"/>` +
    windowFrame(c, true)
  );
};

const viewBalcony: Drawing = (c) => {
  const railing = color(c, 1);
  const roof = color(c, 2);
  const hx = c.w * 0.2;
  const hw = c.w * 0.6;
  let rails = "";
  for (let x = c.w * 0.06; x < c.w; x += c.s * 0.05)
    rails += `<rect x="${x}" y="${c.h * 0.6}" width="${c.s * 0.012}" height="${c.h * 0.4}" fill="${railing}"/>`;
  let windows = "";
  for (let i = 0; i < 4; i++) {
    windows += `<rect x="${hx + hw * (0.08 + i * 0.23)}" y="${c.h * 0.42}" width="${hw * 0.14}" height="${c.h * 0.12}" fill="#51606c"/>`;
    windows += `<rect x="${hx + hw * (0.08 + i * 0.23) - 6}" y="${c.h * 0.42}" width="6" height="${c.h * 0.12}" fill="${color(c, 3)}"/>`;
  }
  return (
    sky(c) +
    `<rect x="${hx}" y="${c.h * 0.34}" width="${hw}" height="${c.h * 0.66}" fill="#efe6d6"/>` +
    `<path d="M${hx - 20} ${c.h * 0.34} L${hx + hw / 2} ${c.h * 0.14} L${hx + hw + 20} ${c.h * 0.34} Z" fill="${roof}"/>` +
    `<rect x="${hx + hw * 0.7}" y="${c.h * 0.14}" width="${hw * 0.06}" height="${c.h * 0.12}" fill="${shade(roof, -0.25)}"/>` +
    windows +
    `<rect y="${c.h * 0.58}" width="${c.w}" height="${c.h * 0.03}" fill="${railing}"/>${rails}` +
    `<rect y="${c.h * 0.95}" width="${c.w}" height="${c.h * 0.05}" fill="#8a8f94"/>`
  );
};

export const SCENE_DRAWINGS = { viewChurch, viewHills, viewSkyline, viewBalcony } satisfies Record<
  string,
  Drawing
>;
