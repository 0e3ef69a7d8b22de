import { patternDef } from "./patterns";
import { backdrop, color, label, shade, sheen, star, type Drawing } from "./svg";

/**
 * Everyday things on a plain backdrop: bags, garments, packaging, furniture.
 * Palette: 0 the object's main colour, 1 its print or logo, 2 an accent.
 */

const bag: Drawing = (c) => {
  const [main, logo] = [color(c, 0), color(c, 1)];
  const bw = c.s * 0.62;
  const bh = c.s * 0.52;
  const x0 = c.w / 2 - bw / 2;
  const y0 = c.h / 2 - bh / 2 + c.s * 0.1;
  return (
    backdrop(c, 0.86, 0.34) +
    `<path d="M${x0 + bw * 0.27} ${y0 + 4} C${x0 + bw * 0.27} ${y0 - bh * 0.6} ${x0 + bw * 0.73} ${y0 - bh * 0.6} ${x0 + bw * 0.73} ${y0 + 4}" stroke="${shade(main, -0.2)}" stroke-width="${c.s * 0.035}" fill="none"/>` +
    `<path d="M${x0 + bw * 0.05} ${y0} L${x0 + bw * 0.95} ${y0} L${x0 + bw} ${y0 + bh} L${x0} ${y0 + bh} Z" fill="${main}"/>` +
    `<rect x="${x0 + bw * 0.05}" y="${y0}" width="${bw * 0.9}" height="${bh * 0.07}" fill="${shade(main, -0.15)}"/>` +
    `<circle cx="${c.w / 2}" cy="${y0 + bh * 0.36}" r="${bh * 0.1}" fill="none" stroke="${logo}" stroke-width="${bh * 0.025}"/>` +
    `<path d="M${c.w / 2 - bh * 0.05} ${y0 + bh * 0.39} L${c.w / 2} ${y0 + bh * 0.31} L${c.w / 2 + bh * 0.05} ${y0 + bh * 0.39} Z" fill="${logo}"/>` +
    label(c.w / 2, y0 + bh * 0.68, c.text, {
      size: bh * 0.17,
      fill: logo,
      weight: "bold",
      spacing: bh * 0.03,
    }) +
    label(c.w / 2, y0 + bh * 0.82, c.subtext, { size: bh * 0.06, fill: logo, spacing: bh * 0.015 })
  );
};

/** A flat T-shirt (no wearer), cloth in a pattern, a print on the chest. */
const tshirt: Drawing = (c) => {
  const cx = c.w / 2;
  const u = c.s / 10;
  const top = c.h / 2 - 3.6 * u;
  const d =
    `M${cx - 1.2 * u} ${top} Q${cx} ${top + 0.9 * u} ${cx + 1.2 * u} ${top} L${cx + 3 * u} ${top + 0.5 * u} ` +
    `L${cx + 4.2 * u} ${top + 2.2 * u} L${cx + 3 * u} ${top + 2.8 * u} L${cx + 2.4 * u} ${top + 2.2 * u} ` +
    `L${cx + 2.4 * u} ${top + 7.3 * u} L${cx - 2.4 * u} ${top + 7.3 * u} L${cx - 2.4 * u} ${top + 2.2 * u} ` +
    `L${cx - 3 * u} ${top + 2.8 * u} L${cx - 4.2 * u} ${top + 2.2 * u} L${cx - 3 * u} ${top + 0.5 * u} Z`;
  return (
    backdrop(c, 0.9, 0.3) +
    `<defs>${patternDef("stripes", "tp", c)}</defs><path d="${d}" fill="url(#tp)" stroke="${shade(color(c, 1), -0.3)}" stroke-width="3"/>` +
    `<circle cx="${cx}" cy="${top + 3.4 * u}" r="${1.15 * u}" fill="${color(c, 0)}"/>` +
    star(cx, top + 3.4 * u, u * 0.9, color(c, 3)) +
    (c.text
      ? `<rect x="${cx - 1.5 * u}" y="${top + 4.75 * u}" width="${3 * u}" height="${0.65 * u}" rx="${0.15 * u}" fill="${color(c, 0)}"/>` +
        label(cx, top + 5.25 * u, c.text, {
          size: u * 0.45,
          fill: color(c, 2),
          weight: "bold",
          spacing: 3,
        })
      : "")
  );
};

/** A knitted cap with a fold-up brim and a pompom. */
const cap: Drawing = (c) => {
  const cx = c.w / 2;
  const u = c.s / 10;
  const base = c.h / 2 + 2 * u;
  return (
    backdrop(c, 0.83, 0.3) +
    `<defs>${patternDef("zigzag", "cp", c)}</defs>` +
    `<path d="M${cx - 3.2 * u} ${base} C${cx - 3.2 * u} ${base - 6 * u} ${cx + 3.2 * u} ${base - 6 * u} ${cx + 3.2 * u} ${base} Z" fill="url(#cp)"/>` +
    `<circle cx="${cx}" cy="${base - 4.9 * u}" r="${0.8 * u}" fill="${color(c, 2)}"/>` +
    `<rect x="${cx - 3.4 * u}" y="${base - 0.3 * u}" width="${6.8 * u}" height="${1.5 * u}" rx="${0.3 * u}" fill="${shade(color(c, 1), -0.1)}"/>` +
    Array.from({ length: 22 }, (_, i) => {
      const x = cx - 3.2 * u + (i + 0.5) * ((6.4 * u) / 22);
      return `<line x1="${x}" y1="${base - 0.2 * u}" x2="${x}" y2="${base + 1.1 * u}" stroke="${shade(color(c, 1), -0.35)}" stroke-width="2"/>`;
    }).join("") +
    sheen(c)
  );
};

/** A zipped sports jacket laid flat, with a badge on one shoulder. */
const jacket: Drawing = (c) => {
  const cx = c.w / 2;
  const u = c.s / 10;
  const top = c.h / 2 - 3.5 * u;
  const [main, badge] = [color(c, 0), color(c, 1)];
  const body =
    `M${cx - 1 * u} ${top} L${cx + 1 * u} ${top} L${cx + 3.2 * u} ${top + 0.8 * u} L${cx + 4.6 * u} ${top + 6 * u} ` +
    `L${cx + 3.6 * u} ${top + 6.3 * u} L${cx + 2.6 * u} ${top + 2.8 * u} L${cx + 2.6 * u} ${top + 7.2 * u} ` +
    `L${cx - 2.6 * u} ${top + 7.2 * u} L${cx - 2.6 * u} ${top + 2.8 * u} L${cx - 3.6 * u} ${top + 6.3 * u} L${cx - 4.6 * u} ${top + 6 * u} L${cx - 3.2 * u} ${top + 0.8 * u} Z`;
  const bx = cx - 2.6 * u;
  const by = top + 1.6 * u;
  return (
    backdrop(c, 0.92, 0.32) +
    `<path d="${body}" fill="${main}"/>` +
    `<path d="M${cx - 1 * u} ${top} Q${cx} ${top + 0.7 * u} ${cx + 1 * u} ${top}" stroke="${shade(main, -0.3)}" stroke-width="${0.25 * u}" fill="none"/>` +
    `<line x1="${cx}" y1="${top + 0.35 * u}" x2="${cx}" y2="${top + 7.2 * u}" stroke="${color(c, 2)}" stroke-width="${0.12 * u}" stroke-dasharray="4 3"/>` +
    `<rect x="${cx - 2.6 * u}" y="${top + 6.6 * u}" width="${5.2 * u}" height="${0.6 * u}" fill="${shade(main, -0.25)}"/>` +
    `<path d="M${bx - 0.5 * u} ${by - 0.6 * u} h${u} v${0.8 * u} l${-0.5 * u} ${0.45 * u} l${-0.5 * u} ${-0.45 * u} Z" fill="${badge}" stroke="#fff" stroke-width="2"/>` +
    label(bx, by, c.text, { size: 0.28 * u, fill: "#fff", weight: "bold" }) +
    sheen(c)
  );
};

/** A bottle cap seen from above, with a word and a leaf. */
const capLabel: Drawing = (c) => {
  const cx = c.w / 2;
  const cy = c.h / 2;
  const r = c.s * 0.36;
  const ridges = Array.from({ length: 48 }, (_, i) => {
    const a = (i / 48) * 2 * Math.PI;
    return `<line x1="${cx + Math.cos(a) * r * 0.93}" y1="${cy + Math.sin(a) * r * 0.93}" x2="${cx + Math.cos(a) * r}" y2="${cy + Math.sin(a) * r}" stroke="${shade(color(c, 0), -0.35)}" stroke-width="4"/>`;
  }).join("");
  return (
    backdrop(c, 0.88, 0.3) +
    `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${color(c, 0)}"/>${ridges}` +
    `<circle cx="${cx}" cy="${cy}" r="${r * 0.8}" fill="${color(c, 1)}"/>` +
    `<path d="M${cx} ${cy - r * 0.55} C${cx + r * 0.3} ${cy - r * 0.5} ${cx + r * 0.25} ${cy - r * 0.2} ${cx} ${cy - r * 0.15} C${cx - r * 0.25} ${cy - r * 0.2} ${cx - r * 0.3} ${cy - r * 0.5} ${cx} ${cy - r * 0.55} Z" fill="${color(c, 2)}"/>` +
    label(cx, cy + r * 0.2, c.text, {
      size: r * 0.3,
      fill: color(c, 0),
      weight: "bold",
      spacing: 3,
    }) +
    label(cx, cy + r * 0.45, c.subtext, { size: r * 0.11, fill: color(c, 0) })
  );
};

/** A shop sign on a brick wall, with a striped awning below. */
const sign: Drawing = (c) => {
  const [board, letters, awning] = [color(c, 0), color(c, 1), color(c, 2)];
  const brick = `<pattern id="br" width="80" height="40" patternUnits="userSpaceOnUse"><rect width="80" height="40" fill="#b0654a"/><path d="M0 0H80M0 20H80M20 0V20M60 20V40" stroke="#d8c3b0" stroke-width="3"/></pattern>`;
  const stripes = Array.from({ length: 12 }, (_, i) => {
    const x = (i * c.w) / 12;
    return `<path d="M${x} ${c.h * 0.62} h${c.w / 12} v${c.h * 0.14} q${-c.w / 24} ${c.h * 0.04} ${-c.w / 12} 0 Z" fill="${i % 2 ? awning : "#f4f1ea"}"/>`;
  }).join("");
  return (
    `<defs>${brick}</defs><rect width="${c.w}" height="${c.h}" fill="url(#br)"/>` +
    `<rect x="${c.w * 0.1}" y="${c.h * 0.2}" width="${c.w * 0.8}" height="${c.h * 0.3}" rx="12" fill="${board}" stroke="${shade(board, -0.3)}" stroke-width="8"/>` +
    label(c.w / 2, c.h * 0.39, c.text, {
      size: c.h * 0.13,
      fill: letters,
      family: "serif",
      italic: true,
      weight: "bold",
    }) +
    label(c.w / 2, c.h * 0.46, c.subtext, { size: c.h * 0.035, fill: letters, spacing: 6 }) +
    `<rect y="${c.h * 0.6}" width="${c.w}" height="${c.h * 0.02}" fill="#555"/>${stripes}` +
    `<rect y="${c.h * 0.8}" width="${c.w}" height="${c.h * 0.2}" fill="#3d4650"/>` +
    sheen(c)
  );
};

/** A flat paper wrapper, as for small hotel soaps, with a crest and a serif name. */
const wrapper: Drawing = (c) => {
  const [paper, ink, accent] = [color(c, 0), color(c, 1), color(c, 2)];
  const w = c.s * 0.8;
  const h = c.s * 0.5;
  const x = c.w / 2 - w / 2;
  const y = c.h / 2 - h / 2;
  return (
    backdrop(c, 0.82, 0.42) +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${h * 0.12}" fill="${paper}"/>` +
    `<rect x="${x + 14}" y="${y + 14}" width="${w - 28}" height="${h - 28}" rx="${h * 0.1}" fill="none" stroke="${accent}" stroke-width="3"/>` +
    `<path d="M${x} ${y + h * 0.3} L${x + w * 0.08} ${y + h / 2} L${x} ${y + h * 0.7} Z M${x + w} ${y + h * 0.3} L${x + w * 0.92} ${y + h / 2} L${x + w} ${y + h * 0.7} Z" fill="${shade(paper, -0.12)}"/>` +
    `<circle cx="${c.w / 2}" cy="${y + h * 0.3}" r="${h * 0.12}" fill="none" stroke="${ink}" stroke-width="3"/>` +
    label(c.w / 2, y + h * 0.35, c.text.slice(0, 1), {
      size: h * 0.14,
      fill: ink,
      family: "serif",
    }) +
    label(c.w / 2, y + h * 0.64, c.text, {
      size: h * 0.15,
      fill: ink,
      family: "serif",
      spacing: 6,
    }) +
    label(c.w / 2, y + h * 0.8, c.subtext, { size: h * 0.055, fill: accent, spacing: 4 })
  );
};

/** A sewn-in clothing label: stitched edge, a logo of three circles, size and care marks. */
const tag: Drawing = (c) => {
  const [cloth, ink, accent] = [color(c, 0), color(c, 1), color(c, 2)];
  const w = c.s * 0.5;
  const h = c.s * 0.66;
  const x = c.w / 2 - w / 2;
  const y = c.h / 2 - h / 2;
  const cy = y + h * 0.26;
  const r = w * 0.11;
  const care = [0, 1, 2, 3]
    .map((i) => {
      const mx = x + w * (0.2 + i * 0.2);
      const my = y + h * 0.84;
      const shapes = [
        `<path d="M${mx - 16} ${my - 10} h32 l-5 22 h-22 Z" fill="none" stroke="${ink}" stroke-width="3"/>`,
        `<path d="M${mx - 16} ${my + 12} L${mx} ${my - 14} L${mx + 16} ${my + 12} Z" fill="none" stroke="${ink}" stroke-width="3"/>`,
        `<rect x="${mx - 14}" y="${my - 14}" width="28" height="28" fill="none" stroke="${ink}" stroke-width="3"/><circle cx="${mx}" cy="${my}" r="9" fill="none" stroke="${ink}" stroke-width="3"/>`,
        `<circle cx="${mx}" cy="${my}" r="14" fill="none" stroke="${ink}" stroke-width="3"/>`,
      ];
      return shapes[i]!;
    })
    .join("");
  return (
    `<defs>${patternDef("stripes", "tg", { ...c, palette: ["#d9d4c7", "#cfc9ba", "#c6bfae"] })}</defs>` +
    `<rect width="${c.w}" height="${c.h}" fill="url(#tg)"/>` +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${cloth}"/>` +
    `<rect x="${x + 10}" y="${y + 10}" width="${w - 20}" height="${h - 20}" fill="none" stroke="${accent}" stroke-width="3" stroke-dasharray="9 6"/>` +
    // Three circles in a triangle: generic on purpose, not like any real brand's mark.
    [
      [0, -0.55],
      [-0.65, 0.5],
      [0.65, 0.5],
    ]
      .map(
        ([dx, dy]) =>
          `<circle cx="${c.w / 2 + dx! * r}" cy="${cy + dy! * r}" r="${r * 0.8}" fill="none" stroke="${accent}" stroke-width="${r * 0.2}"/>`,
      )
      .join("") +
    label(c.w / 2, y + h * 0.5, c.text, { size: w * 0.14, fill: ink, weight: "bold", spacing: 3 }) +
    label(c.w / 2, y + h * 0.62, c.subtext, { size: w * 0.07, fill: ink }) +
    label(c.w / 2, y + h * 0.73, "M", { size: w * 0.1, fill: ink, family: "monospace" }) +
    care +
    sheen(c)
  );
};

export const THING_DRAWINGS = {
  bag,
  tshirt,
  cap,
  jacket,
  capLabel,
  sign,
  wrapper,
  tag,
} satisfies Record<string, Drawing>;
