import { color, shade, sheen, star, type Canvas, type Drawing } from "./svg";

/**
 * Repeating patterns as SVG `<pattern>` definitions, so they can fill a whole frame (a sheet, a
 * wallpaper) or a shape (a striped T-shirt). Palette: 0 ground, 1 main, 2 second, 3 accent.
 */
export type PatternKind = "stripes" | "checks" | "polka" | "floral" | "tiles" | "zigzag" | "moons";

function tile(id: string, size: number, body: string, transform = ""): string {
  const t = transform ? ` patternTransform="${transform}"` : "";
  return `<pattern id="${id}" width="${size}" height="${size}" patternUnits="userSpaceOnUse"${t}>${body}</pattern>`;
}

export function patternDef(kind: PatternKind, id: string, c: Canvas): string {
  const [ground, main, second, accent] = [color(c, 0), color(c, 1), color(c, 2), color(c, 3)];
  const u = Math.round(c.s * c.rand.range(0.08, 0.12));
  switch (kind) {
    case "stripes": {
      const band = u / 4;
      return tile(
        id,
        u,
        `<rect width="${u}" height="${u}" fill="${ground}"/><rect width="${band * 1.6}" height="${u}" fill="${main}"/>` +
          `<rect x="${band * 2.4}" width="${band * 0.5}" height="${u}" fill="${second}"/>`,
        `rotate(${c.rand.pick([0, 90, 45, -30])})`,
      );
    }
    case "checks":
      return tile(
        id,
        u,
        `<rect width="${u}" height="${u}" fill="${ground}"/>` +
          `<rect width="${u / 2}" height="${u}" fill="${main}" opacity="0.55"/>` +
          `<rect width="${u}" height="${u / 2}" fill="${main}" opacity="0.55"/>` +
          `<rect x="${u * 0.74}" width="${u * 0.04}" height="${u}" fill="${second}" opacity="0.8"/>`,
      );
    case "polka": {
      const r = u * 0.16;
      return tile(
        id,
        u,
        `<rect width="${u}" height="${u}" fill="${ground}"/><circle cx="${u / 4}" cy="${u / 4}" r="${r}" fill="${main}"/>` +
          `<circle cx="${(3 * u) / 4}" cy="${(3 * u) / 4}" r="${r}" fill="${second}"/>`,
      );
    }
    case "floral": {
      const size = u * 2;
      const flower = (x: number, y: number, r: number) => {
        let petals = "";
        for (let i = 0; i < 5; i++) {
          const a = (i * 2 * Math.PI) / 5;
          petals += `<circle cx="${(x + Math.cos(a) * r).toFixed(1)}" cy="${(y + Math.sin(a) * r).toFixed(1)}" r="${r * 0.75}" fill="${main}"/>`;
        }
        return (
          `<path d="M${x} ${y} q ${r * 1.6} ${r * 0.4} ${r * 2.2} ${r * 2}" stroke="${second}" stroke-width="${r * 0.25}" fill="none"/>` +
          `<ellipse cx="${x + r * 1.7}" cy="${y + r * 1.1}" rx="${r * 0.7}" ry="${r * 0.3}" fill="${second}" transform="rotate(35 ${x + r * 1.7} ${y + r * 1.1})"/>` +
          petals +
          `<circle cx="${x}" cy="${y}" r="${r * 0.5}" fill="${accent}"/>`
        );
      };
      const r = size * 0.09;
      return tile(
        id,
        size,
        `<rect width="${size}" height="${size}" fill="${ground}"/>` +
          flower(size * 0.25, size * 0.25, r) +
          flower(size * 0.75, size * 0.75, r) +
          `<circle cx="${size * 0.75}" cy="${size * 0.2}" r="${r * 0.25}" fill="${second}"/>` +
          `<circle cx="${size * 0.2}" cy="${size * 0.72}" r="${r * 0.25}" fill="${second}"/>`,
      );
    }
    case "tiles": {
      const size = u * 1.8;
      const q = size / 2;
      return tile(
        id,
        size,
        `<rect width="${size}" height="${size}" fill="${ground}"/>` +
          `<path d="M0 0 A${q} ${q} 0 0 1 ${q} ${q} A${q} ${q} 0 0 1 0 ${size} Z" fill="${main}" opacity="0.85"/>` +
          `<path d="M${size} 0 A${q} ${q} 0 0 0 ${q} ${q} A${q} ${q} 0 0 0 ${size} ${size} Z" fill="${main}" opacity="0.85"/>` +
          `<rect x="${q - size * 0.12}" y="${q - size * 0.12}" width="${size * 0.24}" height="${size * 0.24}" fill="${second}" transform="rotate(45 ${q} ${q})"/>` +
          `<circle cx="${q}" cy="${q}" r="${size * 0.05}" fill="${accent}"/>` +
          `<rect width="${size}" height="${size}" fill="none" stroke="${shade(ground, -0.25)}" stroke-width="${size * 0.02}"/>`,
      );
    }
    case "zigzag": {
      // Knit-like zigzags have many edges; a larger repeat keeps the JPEG small.
      const z = u * 1.6;
      const h = z * 0.5;
      const zig = (y: number, fill: string) =>
        `<polyline points="0,${y + h / 2} ${z / 4},${y} ${z / 2},${y + h / 2} ${(3 * z) / 4},${y} ${z},${y + h / 2}" fill="none" stroke="${fill}" stroke-width="${h * 0.3}"/>`;
      return tile(
        id,
        z,
        `<rect width="${z}" height="${z}" fill="${ground}"/>` +
          zig(h * 0.2, main) +
          zig(h * 1.2, second),
      );
    }
    case "moons": {
      const size = u * 2;
      const moon = (x: number, y: number, r: number) =>
        `<path d="M${x} ${y - r} A${r} ${r} 0 1 0 ${x} ${y + r} A${r * 0.75} ${r} 0 1 1 ${x} ${y - r} Z" fill="${main}"/>`;
      return tile(
        id,
        size,
        `<rect width="${size}" height="${size}" fill="${ground}"/>` +
          moon(size * 0.28, size * 0.3, size * 0.14) +
          star(size * 0.74, size * 0.7, size * 0.08, second) +
          star(size * 0.78, size * 0.22, size * 0.04, accent) +
          star(size * 0.2, size * 0.8, size * 0.035, accent),
      );
    }
  }
}

/** A whole frame of pattern, slightly wavy like fabric or a papered wall under uneven light. */
function fullFrame(kind: PatternKind): Drawing {
  return (c) => {
    const folds = kind === "tiles" || kind === "floral" ? "" : foldShadows(c);
    return `<defs>${patternDef(kind, "p", c)}</defs><rect width="${c.w}" height="${c.h}" fill="url(#p)"/>${folds}${sheen(c)}`;
  };
}

function foldShadows(c: Canvas): string {
  let out = "";
  for (let i = 0; i < 3; i++) {
    const x = c.rand.range(0.1, 0.9) * c.w;
    const width = c.rand.range(0.04, 0.1) * c.w;
    out += `<rect x="${x.toFixed(0)}" y="0" width="${width.toFixed(0)}" height="${c.h}" fill="#000" opacity="0.07" transform="skewX(${c.rand.int(-12, 12)})"/>`;
  }
  return out;
}

/** A rug: nested borders of triangles and diamonds around a plain field. */
const rug: Drawing = (c) => {
  const [ground, main, second, accent] = [color(c, 0), color(c, 1), color(c, 2), color(c, 3)];
  let out = `<rect width="${c.w}" height="${c.h}" fill="${shade(ground, -0.2)}"/>`;
  const band = c.s * 0.09;
  for (let ring = 0; ring < 3; ring++) {
    const inset = ring * band;
    const fill = [main, ground, second][ring]!;
    out += `<rect x="${inset}" y="${inset}" width="${c.w - 2 * inset}" height="${c.h - 2 * inset}" fill="${fill}"/>`;
  }
  const step = band * 0.9;
  for (let x = band; x < c.w - band; x += step) {
    for (const y of [band, c.h - 2 * band]) {
      out += `<polygon points="${x},${y + band} ${x + step / 2},${y} ${x + step},${y + band}" fill="${accent}"/>`;
    }
  }
  const cx = c.w / 2;
  const cy = c.h / 2;
  for (let k = 0; k < 3; k++) {
    const r = c.s * (0.2 - k * 0.06);
    out += `<polygon points="${cx},${cy - r} ${cx + r * 1.4},${cy} ${cx},${cy + r} ${cx - r * 1.4},${cy}" fill="${[accent, main, ground][k]}"/>`;
  }
  return out + foldShadows(c) + sheen(c);
};

export const PATTERN_DRAWINGS = {
  stripes: fullFrame("stripes"),
  checks: fullFrame("checks"),
  polka: fullFrame("polka"),
  floral: fullFrame("floral"),
  tiles: fullFrame("tiles"),
  zigzag: fullFrame("zigzag"),
  moons: fullFrame("moons"),
  rug,
} satisfies Record<string, Drawing>;
