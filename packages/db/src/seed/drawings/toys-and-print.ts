import { patternDef } from "./patterns";
import { backdrop, color, label, shade, sheen, star, type Drawing } from "./svg";

/** Toys built from circles and rectangles, and printed matter. Palette: 0 main, 1 second, 2 accent. */

const wheel = (x: number, y: number, r: number, hub: string) =>
  `<circle cx="${x}" cy="${y}" r="${r}" fill="#2b2b2b"/><circle cx="${x}" cy="${y}" r="${r * 0.5}" fill="${hub}"/>`;

const car: Drawing = (c) => {
  const [body, hub, windowColor] = [color(c, 0), color(c, 1), color(c, 2)];
  const u = c.s / 10;
  const x = c.w / 2 - 3.6 * u;
  const y = c.h / 2 - 0.2 * u;
  return (
    backdrop(c, 0.73, 0.4) +
    `<path d="M${x + 1.6 * u} ${y} L${x + 2.4 * u} ${y - 1.7 * u} L${x + 5 * u} ${y - 1.7 * u} L${x + 6 * u} ${y} Z" fill="${shade(body, -0.1)}"/>` +
    `<path d="M${x + 2.1 * u} ${y - 0.1 * u} L${x + 2.6 * u} ${y - 1.45 * u} L${x + 3.6 * u} ${y - 1.45 * u} L${x + 3.6 * u} ${y - 0.1 * u} Z M${x + 3.9 * u} ${y - 0.1 * u} L${x + 3.9 * u} ${y - 1.45 * u} L${x + 4.85 * u} ${y - 1.45 * u} L${x + 5.55 * u} ${y - 0.1 * u} Z" fill="${windowColor}"/>` +
    `<rect x="${x}" y="${y}" width="${7.2 * u}" height="${1.9 * u}" rx="${0.5 * u}" fill="${body}"/>` +
    `<rect x="${x + 6.7 * u}" y="${y + 0.4 * u}" width="${0.5 * u}" height="${0.4 * u}" rx="4" fill="#ffe27a"/>` +
    `<circle cx="${x + 3.6 * u}" cy="${y + 0.9 * u}" r="${0.45 * u}" fill="#fff"/>` +
    label(x + 3.6 * u, y + 1.1 * u, c.text, { size: 0.55 * u, fill: body, weight: "bold" }) +
    wheel(x + 1.5 * u, y + 1.9 * u, 0.9 * u, hub) +
    wheel(x + 5.7 * u, y + 1.9 * u, 0.9 * u, hub)
  );
};

/** A stacking-rings toy: a cone of coloured rings on a pole. */
const rings: Drawing = (c) => {
  const u = c.s / 10;
  const cx = c.w / 2;
  const base = c.h / 2 + 3 * u;
  let out = backdrop(c, 0.84, 0.3);
  out += `<rect x="${cx - 2.6 * u}" y="${base}" width="${5.2 * u}" height="${0.6 * u}" rx="${0.2 * u}" fill="${shade(color(c, 0), -0.3)}"/>`;
  out += `<rect x="${cx - 0.2 * u}" y="${base - 5.6 * u}" width="${0.4 * u}" height="${5.6 * u}" fill="#d9c29a"/>`;
  for (let i = 0; i < 6; i++) {
    const rx = (2.3 - i * 0.3) * u;
    const y = base - (i + 0.5) * 0.85 * u;
    const fill = color(c, i);
    out += `<ellipse cx="${cx}" cy="${y}" rx="${rx}" ry="${0.45 * u}" fill="${fill}"/><ellipse cx="${cx - rx * 0.4}" cy="${y - 0.15 * u}" rx="${rx * 0.3}" ry="${0.1 * u}" fill="#fff" opacity="0.35"/>`;
  }
  return out + `<circle cx="${cx}" cy="${base - 5.6 * u}" r="${0.6 * u}" fill="${color(c, 6)}"/>`;
};

/** A plush bear made of circles and ellipses, with a checked bow. */
const bear: Drawing = (c) => {
  const [fur, bowMain, bowSecond] = [color(c, 0), color(c, 1), color(c, 2)];
  const u = c.s / 10;
  const cx = c.w / 2;
  const cy = c.h / 2;
  const dark = shade(fur, -0.25);
  return (
    backdrop(c, 0.9, 0.3) +
    `<defs>${patternDef("checks", "bw", { ...c, palette: [bowSecond, bowMain, bowMain] })}</defs>` +
    `<ellipse cx="${cx}" cy="${cy + 1.8 * u}" rx="${2.2 * u}" ry="${2.4 * u}" fill="${fur}"/>` +
    `<ellipse cx="${cx}" cy="${cy + 2 * u}" rx="${1.2 * u}" ry="${1.5 * u}" fill="${shade(fur, 0.3)}"/>` +
    `<ellipse cx="${cx - 2.3 * u}" cy="${cy + 1.3 * u}" rx="${0.7 * u}" ry="${1.3 * u}" fill="${dark}" transform="rotate(25 ${cx - 2.3 * u} ${cy + 1.3 * u})"/>` +
    `<ellipse cx="${cx + 2.3 * u}" cy="${cy + 1.3 * u}" rx="${0.7 * u}" ry="${1.3 * u}" fill="${dark}" transform="rotate(-25 ${cx + 2.3 * u} ${cy + 1.3 * u})"/>` +
    `<circle cx="${cx - 1.6 * u}" cy="${cy + 3.9 * u}" r="${0.9 * u}" fill="${dark}"/><circle cx="${cx + 1.6 * u}" cy="${cy + 3.9 * u}" r="${0.9 * u}" fill="${dark}"/>` +
    `<circle cx="${cx - 1.5 * u}" cy="${cy - 2.6 * u}" r="${0.75 * u}" fill="${fur}"/><circle cx="${cx + 1.5 * u}" cy="${cy - 2.6 * u}" r="${0.75 * u}" fill="${fur}"/>` +
    `<circle cx="${cx - 1.5 * u}" cy="${cy - 2.6 * u}" r="${0.4 * u}" fill="${dark}"/><circle cx="${cx + 1.5 * u}" cy="${cy - 2.6 * u}" r="${0.4 * u}" fill="${dark}"/>` +
    `<circle cx="${cx}" cy="${cy - 1.3 * u}" r="${1.9 * u}" fill="${fur}"/>` +
    `<ellipse cx="${cx}" cy="${cy - 0.8 * u}" rx="${0.8 * u}" ry="${0.6 * u}" fill="${shade(fur, 0.35)}"/>` +
    `<ellipse cx="${cx}" cy="${cy - 1 * u}" rx="${0.25 * u}" ry="${0.18 * u}" fill="#2a2a2a"/>` +
    `<circle cx="${cx - 0.7 * u}" cy="${cy - 1.8 * u}" r="${0.17 * u}" fill="#2a2a2a"/><circle cx="${cx + 0.7 * u}" cy="${cy - 1.8 * u}" r="${0.17 * u}" fill="#2a2a2a"/>` +
    `<path d="M${cx} ${cy + 0.6 * u} L${cx - 1.2 * u} ${cy + 0.1 * u} L${cx - 1.2 * u} ${cy + 1.2 * u} Z M${cx} ${cy + 0.6 * u} L${cx + 1.2 * u} ${cy + 0.1 * u} L${cx + 1.2 * u} ${cy + 1.2 * u} Z" fill="url(#bw)" stroke="${shade(bowMain, -0.3)}" stroke-width="3"/>` +
    `<circle cx="${cx}" cy="${cy + 0.6 * u}" r="${0.25 * u}" fill="${bowMain}"/>`
  );
};

/** A wooden toy train: engine and one wagon. */
const train: Drawing = (c) => {
  const [engine, wagon, accent] = [color(c, 0), color(c, 1), color(c, 2)];
  const u = c.s / 10;
  const x = c.w / 2 - 4.4 * u;
  const y = c.h / 2;
  return (
    backdrop(c, 0.72, 0.44) +
    `<rect x="${x}" y="${y - 0.6 * u}" width="${2.8 * u}" height="${1.4 * u}" rx="${0.2 * u}" fill="${engine}"/>` +
    `<rect x="${x + 2.2 * u}" y="${y - 2.2 * u}" width="${1.6 * u}" height="${3 * u}" fill="${shade(engine, -0.15)}"/>` +
    `<rect x="${x + 2.5 * u}" y="${y - 1.8 * u}" width="${1 * u}" height="${0.8 * u}" fill="#cfe6f2"/>` +
    `<rect x="${x + 2 * u}" y="${y - 2.5 * u}" width="${2 * u}" height="${0.35 * u}" fill="${accent}"/>` +
    `<rect x="${x + 0.4 * u}" y="${y - 1.6 * u}" width="${0.5 * u}" height="${1 * u}" fill="${accent}"/>` +
    `<rect x="${x + 3.9 * u}" y="${y + 0.3 * u}" width="${0.7 * u}" height="${0.15 * u}" fill="#6b4f32"/>` +
    `<rect x="${x + 4.6 * u}" y="${y - 1 * u}" width="${3.6 * u}" height="${1.8 * u}" rx="${0.2 * u}" fill="${wagon}"/>` +
    [0, 1, 2]
      .map(
        (i) =>
          `<circle cx="${x + 5.3 * u + i * 1.1 * u}" cy="${y - 0.1 * u}" r="${0.35 * u}" fill="${c.rand.pick(["#e0b341", "#c8473d", "#5a9bd5"])}"/>`,
      )
      .join("") +
    label(x + 1.2 * u, y + 0.4 * u, c.text, { size: 0.45 * u, fill: "#fff", weight: "bold" }) +
    [x + 0.6 * u, x + 2 * u, x + 3.3 * u, x + 5.3 * u, x + 7.5 * u]
      .map((wx) => wheel(wx, y + 1 * u, 0.55 * u, accent))
      .join("")
  );
};

/** A poster: a flat rocket among stars, a title. */
const poster: Drawing = (c) => {
  const [sky, rocket, flame] = [color(c, 0), color(c, 1), color(c, 2)];
  const u = c.s / 10;
  const cx = c.w / 2;
  let stars = "";
  for (let i = 0; i < 18; i++)
    stars += star(
      c.rand.range(0.05, 0.95) * c.w,
      c.rand.range(0.05, 0.6) * c.h,
      c.rand.range(0.08, 0.2) * u,
      "#fff7d6",
    );
  return (
    `<rect width="${c.w}" height="${c.h}" fill="#d8d2c4"/>` +
    `<rect x="${c.w * 0.08}" y="${c.h * 0.04}" width="${c.w * 0.84}" height="${c.h * 0.92}" fill="${sky}"/>${stars}` +
    `<path d="M${cx} ${c.h * 0.12} C${cx + 1.3 * u} ${c.h * 0.25} ${cx + 1.1 * u} ${c.h * 0.55} ${cx + 0.9 * u} ${c.h * 0.62} L${cx - 0.9 * u} ${c.h * 0.62} C${cx - 1.1 * u} ${c.h * 0.55} ${cx - 1.3 * u} ${c.h * 0.25} ${cx} ${c.h * 0.12} Z" fill="${rocket}"/>` +
    `<path d="M${cx - 0.9 * u} ${c.h * 0.5} l${-0.9 * u} ${1.4 * u} l${0.8 * u} 0 Z M${cx + 0.9 * u} ${c.h * 0.5} l${0.9 * u} ${1.4 * u} l${-0.8 * u} 0 Z" fill="${flame}"/>` +
    `<circle cx="${cx}" cy="${c.h * 0.33}" r="${0.45 * u}" fill="#cfe6f2" stroke="${shade(rocket, -0.3)}" stroke-width="5"/>` +
    `<path d="M${cx - 0.6 * u} ${c.h * 0.62} Q${cx} ${c.h * 0.8} ${cx + 0.6 * u} ${c.h * 0.62} Z" fill="${flame}"/>` +
    label(cx, c.h * 0.84, c.text, {
      size: 0.9 * u,
      fill: "#fff7d6",
      weight: "bold",
      spacing: 0.3 * u,
    }) +
    label(cx, c.h * 0.91, c.subtext, { size: 0.28 * u, fill: "#fff7d6", spacing: 4 }) +
    sheen(c)
  );
};

/** A calendar page: spiral binding, a lighthouse picture, a grid of day numbers. */
const calendar: Drawing = (c) => {
  const [sea, tower, band] = [color(c, 0), color(c, 1), color(c, 2)];
  const x = c.w * 0.18;
  const w = c.w * 0.64;
  const pic = c.h * 0.44;
  let out = `<rect width="${c.w}" height="${c.h}" fill="#cbc6bb"/><rect x="${x}" y="${c.h * 0.04}" width="${w}" height="${c.h * 0.92}" fill="#fbfaf6"/>`;
  for (let i = 0; i < 14; i++)
    out += `<circle cx="${x + (i + 0.5) * (w / 14)}" cy="${c.h * 0.04}" r="7" fill="none" stroke="#555" stroke-width="3"/>`;
  const px = x + w * 0.05;
  const py = c.h * 0.08;
  const pw = w * 0.9;
  const tx = px + pw * 0.62;
  out +=
    `<rect x="${px}" y="${py}" width="${pw}" height="${pic}" fill="#bfe0f0"/>` +
    `<rect x="${px}" y="${py + pic * 0.7}" width="${pw}" height="${pic * 0.3}" fill="${sea}"/>` +
    `<path d="M${px} ${py + pic * 0.78} Q${px + pw * 0.3} ${py + pic * 0.6} ${px + pw * 0.75} ${py + pic * 0.72} L${px + pw} ${py + pic * 0.7} L${px + pw} ${py + pic} L${px} ${py + pic} Z" fill="#8c8c7a"/>` +
    `<path d="M${tx - 20} ${py + pic * 0.72} L${tx - 12} ${py + pic * 0.25} L${tx + 12} ${py + pic * 0.25} L${tx + 20} ${py + pic * 0.72} Z" fill="#fff"/>` +
    [0.35, 0.52]
      .map(
        (f) =>
          `<rect x="${tx - 17}" y="${py + pic * f}" width="34" height="${pic * 0.08}" fill="${band}"/>`,
      )
      .join("") +
    `<rect x="${tx - 14}" y="${py + pic * 0.15}" width="28" height="${pic * 0.1}" fill="${tower}"/><path d="M${tx - 16} ${py + pic * 0.15} L${tx} ${py + pic * 0.08} L${tx + 16} ${py + pic * 0.15} Z" fill="${band}"/>` +
    label(x + w / 2, py + pic + c.h * 0.07, c.text, {
      size: c.h * 0.05,
      fill: "#333",
      family: "serif",
      spacing: 4,
    });
  const gx = x + w * 0.08;
  const gy = py + pic + c.h * 0.12;
  for (let d = 0; d < 35; d++) {
    const day = d - 2;
    if (day < 1 || day > 31) continue;
    const col = d % 7;
    out += label(gx + (col * (w * 0.84)) / 6, gy + Math.floor(d / 7) * c.h * 0.055, String(day), {
      size: c.h * 0.03,
      fill: col === 6 ? band : "#444",
      family: "monospace",
    });
  }
  return out + sheen(c);
};

/** A magazine cover: masthead, colour blocks, headline bars, barcode. */
const magazine: Drawing = (c) => {
  const [main, ink, accent] = [color(c, 0), color(c, 1), color(c, 2)];
  const x = c.w * 0.22;
  const w = c.w * 0.56;
  const y = c.h * 0.04;
  const h = c.h * 0.92;
  let out = `<rect width="${c.w}" height="${c.h}" fill="#d6d1c7"/><rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${main}"/>`;
  out += label(x + w / 2, y + h * 0.16, c.text, {
    size: h * 0.13,
    fill: ink,
    family: "serif",
    weight: "bold",
  });
  out += `<defs>${patternDef("floral", "mg", { ...c, palette: [shade(main, 0.6), accent, ink, "#f3c84b"] })}</defs>`;
  out += `<rect x="${x + w * 0.08}" y="${y + h * 0.22}" width="${w * 0.84}" height="${h * 0.42}" fill="url(#mg)"/>`;
  out += label(x + w * 0.08, y + h * 0.72, c.subtext, {
    size: h * 0.04,
    fill: ink,
    anchor: "start",
    weight: "bold",
  });
  for (let i = 0; i < 3; i++)
    out += `<rect x="${x + w * 0.08}" y="${y + h * (0.76 + i * 0.045)}" width="${w * c.rand.range(0.4, 0.7)}" height="${h * 0.02}" fill="${shade(ink, 0.4)}"/>`;
  out += `<rect x="${x + w * 0.7}" y="${y + h * 0.82}" width="${w * 0.22}" height="${h * 0.12}" fill="#fff"/>`;
  for (let i = 0; i < 22; i++)
    out += `<rect x="${x + w * 0.72 + i * w * 0.008}" y="${y + h * 0.835}" width="${c.rand.pick([1, 2, 3])}" height="${h * 0.07}" fill="#111"/>`;
  return out + sheen(c);
};

export const TOY_AND_PRINT_DRAWINGS = {
  car,
  rings,
  bear,
  train,
  poster,
  calendar,
  magazine,
} satisfies Record<string, Drawing>;
