import { patternDef } from "./patterns";
import { backdrop, color, label, shade, sheen, star, type Canvas, type Drawing } from "./svg";

/** Packaging and household items. Palette: 0 main colour, 1 print, 2 accent. */

/** A gable-top drink carton in three-quarter view, with a fruit drawn as circles. */
const carton: Drawing = (c) => {
  const [main, ink, fruit] = [color(c, 0), color(c, 1), color(c, 2)];
  const w = c.s * 0.34;
  const h = c.s * 0.56;
  const side = w * 0.45;
  const x = c.w / 2 - (w + side) / 2;
  const y = c.h / 2 - h / 2 + c.s * 0.06;
  return (
    backdrop(c, 0.88, 0.3) +
    `<path d="M${x} ${y} L${x + w / 2} ${y - h * 0.18} L${x + w} ${y} Z" fill="${shade(main, 0.2)}"/>` +
    `<path d="M${x + w / 2} ${y - h * 0.18} L${x + w / 2 + side} ${y - h * 0.24} L${x + w + side} ${y - h * 0.06} L${x + w} ${y} Z" fill="${shade(main, -0.05)}"/>` +
    `<rect x="${x + w / 2 - 4}" y="${y - h * 0.26}" width="${side + 8}" height="${h * 0.05}" fill="${shade(main, 0.35)}" transform="rotate(-6 ${x + w / 2} ${y - h * 0.2})"/>` +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${main}"/>` +
    `<path d="M${x + w} ${y} L${x + w + side} ${y - h * 0.06} L${x + w + side} ${y + h - h * 0.06} L${x + w} ${y + h} Z" fill="${shade(main, -0.25)}"/>` +
    `<circle cx="${x + w / 2}" cy="${y + h * 0.35}" r="${w * 0.26}" fill="${fruit}"/>` +
    `<circle cx="${x + w / 2 - w * 0.08}" cy="${y + h * 0.32}" r="${w * 0.07}" fill="#fff" opacity="0.5"/>` +
    `<ellipse cx="${x + w / 2 + w * 0.1}" cy="${y + h * 0.35 - w * 0.28}" rx="${w * 0.1}" ry="${w * 0.04}" fill="#3f8f3a"/>` +
    label(x + w / 2, y + h * 0.72, c.text, { size: w * 0.2, fill: ink, weight: "bold" }) +
    label(x + w / 2, y + h * 0.85, c.subtext, { size: w * 0.09, fill: ink })
  );
};

/** A box lid: checked border, oval label with a name, and an emblem in the middle. */
function boxLid(
  emblem: (c: Canvas, x: number, y: number, w: number, h: number) => string,
): Drawing {
  return (c) => {
    const [main, ink, accent] = [color(c, 0), color(c, 1), color(c, 2)];
    const w = c.s * 0.9;
    const h = c.s * 0.62;
    const x = c.w / 2 - w / 2;
    const y = c.h / 2 - h / 2;
    return (
      backdrop(c, 0.86, 0.46) +
      `<defs>${patternDef("checks", "bx", { ...c, palette: ["#ffffff", main, accent] })}</defs>` +
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" fill="url(#bx)"/>` +
      `<rect x="${x + w * 0.08}" y="${y + h * 0.1}" width="${w * 0.84}" height="${h * 0.8}" rx="8" fill="${shade(main, 0.85)}"/>` +
      emblem(c, x, y, w, h) +
      `<ellipse cx="${c.w / 2}" cy="${y + h * 0.62}" rx="${w * 0.34}" ry="${h * 0.16}" fill="${main}"/>` +
      label(c.w / 2, y + h * 0.66, c.text, {
        size: h * 0.13,
        fill: ink,
        family: "serif",
        weight: "bold",
        spacing: 2,
      }) +
      label(c.w / 2, y + h * 0.86, c.subtext, {
        size: h * 0.045,
        fill: shade(main, -0.3),
        spacing: 3,
      }) +
      sheen(c)
    );
  };
}

const box = boxLid((c, _x, y, _w, h) => star(c.w / 2, y + h * 0.28, h * 0.1, color(c, 2)));

/** A board-game lid: three castle towers above the name. */
const gameBox = boxLid((c, x, y, w, h) =>
  [0.3, 0.5, 0.7]
    .map((f, i) => {
      const tx = x + w * f;
      const th = h * (i === 1 ? 0.26 : 0.18);
      return (
        `<rect x="${tx - w * 0.04}" y="${y + h * 0.42 - th}" width="${w * 0.08}" height="${th}" fill="${color(c, 2)}"/>` +
        `<path d="M${tx - w * 0.05} ${y + h * 0.42 - th} L${tx} ${y + h * 0.42 - th - h * 0.09} L${tx + w * 0.05} ${y + h * 0.42 - th} Z" fill="${color(c, 1)}"/>`
      );
    })
    .join(""),
);

/** A squeeze bottle with a wave on its label. */
const bottle: Drawing = (c) => {
  const [main, ink, accent] = [color(c, 0), color(c, 1), color(c, 2)];
  const w = c.s * 0.3;
  const h = c.s * 0.62;
  const x = c.w / 2 - w / 2;
  const y = c.h / 2 - h / 2 + c.s * 0.06;
  return (
    backdrop(c, 0.89, 0.22) +
    `<rect x="${x + w * 0.3}" y="${y - h * 0.12}" width="${w * 0.4}" height="${h * 0.14}" rx="6" fill="${accent}"/>` +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${w * 0.3}" fill="${main}"/>` +
    `<rect x="${x + w * 0.08}" y="${y + h * 0.28}" width="${w * 0.84}" height="${h * 0.5}" rx="10" fill="#fbfaf4"/>` +
    `<path d="M${x + w * 0.08} ${y + h * 0.7} q${w * 0.21} ${-h * 0.06} ${w * 0.42} 0 t${w * 0.42} 0 v${h * 0.08} h${-w * 0.84} Z" fill="${accent}"/>` +
    label(c.w / 2, y + h * 0.45, c.text, { size: w * 0.19, fill: ink, weight: "bold" }) +
    label(c.w / 2, y + h * 0.55, c.subtext, { size: w * 0.08, fill: ink }) +
    `<rect x="${x + w * 0.12}" y="${y + h * 0.05}" width="${w * 0.08}" height="${h * 0.8}" rx="6" fill="#fff" opacity="0.25"/>`
  );
};

/** A table lamp with a pleated shade, against a plain wall. */
const lamp: Drawing = (c) => {
  const [shadeColor, base, wall] = [color(c, 0), color(c, 1), color(c, 2)];
  const cx = c.w / 2;
  const u = c.s / 10;
  const top = c.h / 2 - 3.4 * u;
  const pleats = Array.from({ length: 15 }, (_, i) => {
    const t = i / 14;
    return `<line x1="${cx - 1.6 * u + t * 3.2 * u}" y1="${top}" x2="${cx - 2.8 * u + t * 5.6 * u}" y2="${top + 2.8 * u}" stroke="${shade(shadeColor, -0.18)}" stroke-width="3"/>`;
  }).join("");
  return (
    `<rect width="${c.w}" height="${c.h}" fill="${wall}"/>` +
    `<rect y="${c.h * 0.78}" width="${c.w}" height="${c.h * 0.22}" fill="${shade(wall, -0.35)}"/>` +
    `<ellipse cx="${cx}" cy="${top + 2.9 * u}" rx="${3 * u}" ry="${1.2 * u}" fill="#fff6c8" opacity="0.35"/>` +
    `<path d="M${cx - 1.6 * u} ${top} L${cx + 1.6 * u} ${top} L${cx + 2.8 * u} ${top + 2.8 * u} L${cx - 2.8 * u} ${top + 2.8 * u} Z" fill="${shadeColor}"/>${pleats}` +
    `<rect x="${cx - 0.12 * u}" y="${top + 2.8 * u}" width="${0.24 * u}" height="${1.6 * u}" fill="${shade(base, -0.2)}"/>` +
    `<ellipse cx="${cx}" cy="${top + 5.1 * u}" rx="${1.1 * u}" ry="${1.0 * u}" fill="${base}"/>` +
    `<ellipse cx="${cx - 0.35 * u}" cy="${top + 4.8 * u}" rx="${0.25 * u}" ry="${0.4 * u}" fill="#fff" opacity="0.3"/>` +
    `<rect x="${cx - 0.9 * u}" y="${top + 5.9 * u}" width="${1.8 * u}" height="${0.3 * u}" rx="4" fill="${shade(base, -0.3)}"/>` +
    sheen(c)
  );
};

/** A wooden shelf with painted stars on its sides and a few plain boxes on it. */
const shelf: Drawing = (c) => {
  const [wood, paint, wall] = [color(c, 0), color(c, 1), color(c, 2)];
  const u = c.s / 10;
  const x = c.w / 2 - 3.2 * u;
  const y = c.h / 2 - 3.6 * u;
  const grain = (yy: number) =>
    `<path d="M${x + 0.6 * u} ${yy} q${u} 6 ${2.5 * u} 0 t${2.5 * u} 0" stroke="${shade(wood, -0.2)}" stroke-width="2" fill="none"/>`;
  let out = `<rect width="${c.w}" height="${c.h}" fill="${wall}"/>`;
  out += `<rect x="${x}" y="${y}" width="${0.6 * u}" height="${7.2 * u}" fill="${wood}"/><rect x="${x + 5.8 * u}" y="${y}" width="${0.6 * u}" height="${7.2 * u}" fill="${wood}"/>`;
  for (let i = 0; i < 3; i++) {
    const sy = y + i * 3.3 * u;
    out += `<rect x="${x}" y="${sy}" width="${6.4 * u}" height="${0.45 * u}" fill="${shade(wood, 0.1)}"/>${grain(sy + 0.22 * u)}`;
  }
  for (let i = 0; i < 3; i++) {
    out +=
      star(x + 0.3 * u, y + (1.4 + i * 2.2) * u, 0.22 * u, paint) +
      star(x + 6.1 * u, y + (1.4 + i * 2.2) * u, 0.22 * u, paint);
  }
  for (let i = 0; i < 5; i++) {
    const bw = c.rand.range(0.5, 1.0) * u;
    const bh = c.rand.range(1.2, 2.6) * u;
    const row = i % 2;
    const bx = x + 0.9 * u + (i >> 1) * 1.7 * u + row * 0.7 * u;
    out += `<rect x="${bx}" y="${y + (row + 1) * 3.3 * u - bh}" width="${bw}" height="${bh}" fill="${c.rand.pick(["#c4554d", "#4d7fa8", "#d8b04a", "#6a9a63"])}"/>`;
  }
  return out + sheen(c);
};

/** A mug with a word and a sun. */
const mug: Drawing = (c) => {
  const [main, ink, accent] = [color(c, 0), color(c, 1), color(c, 2)];
  const w = c.s * 0.42;
  const h = c.s * 0.46;
  const x = c.w / 2 - w / 2 - c.s * 0.05;
  const y = c.h / 2 - h / 2;
  const rays = Array.from({ length: 12 }, (_, i) => {
    const a = (i / 12) * 2 * Math.PI;
    const sx = x + w / 2;
    const sy = y + h * 0.35;
    return `<line x1="${sx + Math.cos(a) * w * 0.12}" y1="${sy + Math.sin(a) * w * 0.12}" x2="${sx + Math.cos(a) * w * 0.18}" y2="${sy + Math.sin(a) * w * 0.18}" stroke="${accent}" stroke-width="5"/>`;
  }).join("");
  return (
    backdrop(c, 0.78, 0.28) +
    `<circle cx="${x + w}" cy="${y + h * 0.45}" r="${h * 0.2}" fill="none" stroke="${shade(main, -0.3)}" stroke-width="${h * 0.07}"/>` +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${w * 0.08}" fill="${main}"/>` +
    `<ellipse cx="${x + w / 2}" cy="${y + 6}" rx="${w / 2 - 2}" ry="${h * 0.05}" fill="${shade(main, -0.3)}"/>` +
    `<circle cx="${x + w / 2}" cy="${y + h * 0.35}" r="${w * 0.09}" fill="${accent}"/>${rays}` +
    label(x + w / 2, y + h * 0.72, c.text, {
      size: w * 0.17,
      fill: ink,
      family: "serif",
      italic: true,
    }) +
    sheen(c)
  );
};

/** A key ring with a plastic fish charm. */
const keyring: Drawing = (c) => {
  const [fish, ink] = [color(c, 0), color(c, 1)];
  const cx = c.w / 2;
  const cy = c.h / 2;
  const u = c.s / 10;
  return (
    backdrop(c, 0.82, 0.3) +
    `<circle cx="${cx - 2.6 * u}" cy="${cy - 2.2 * u}" r="${1.1 * u}" fill="none" stroke="#9aa0a6" stroke-width="${0.18 * u}"/>` +
    [0, 1, 2]
      .map(
        (i) =>
          `<ellipse cx="${cx - 1.9 * u + i * 0.45 * u}" cy="${cy - 1.4 * u + i * 0.35 * u}" rx="${0.22 * u}" ry="${0.12 * u}" fill="none" stroke="#9aa0a6" stroke-width="5"/>`,
      )
      .join("") +
    `<ellipse cx="${cx + 0.6 * u}" cy="${cy + 0.4 * u}" rx="${2.4 * u}" ry="${1.3 * u}" fill="${fish}"/>` +
    `<path d="M${cx + 2.8 * u} ${cy + 0.4 * u} L${cx + 4 * u} ${cy - 0.6 * u} L${cx + 4 * u} ${cy + 1.4 * u} Z" fill="${shade(fish, -0.2)}"/>` +
    `<circle cx="${cx - 1 * u}" cy="${cy + 0.1 * u}" r="${0.25 * u}" fill="#fff"/><circle cx="${cx - 1 * u}" cy="${cy + 0.1 * u}" r="${0.12 * u}" fill="#222"/>` +
    label(cx + 0.8 * u, cy + 0.7 * u, c.text, { size: 0.6 * u, fill: ink, weight: "bold" }) +
    `<ellipse cx="${cx}" cy="${cy - 0.3 * u}" rx="${1.4 * u}" ry="${0.3 * u}" fill="#fff" opacity="0.25"/>`
  );
};

export const HOUSEHOLD_DRAWINGS = {
  carton,
  box,
  gameBox,
  bottle,
  lamp,
  shelf,
  mug,
  keyring,
} satisfies Record<string, Drawing>;
