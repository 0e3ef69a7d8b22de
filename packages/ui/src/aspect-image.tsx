import type { ComponentPropsWithRef } from "react";
import { classNames } from "./class-names";

/** One alternative encoding offered to the browser, e.g. `{ type: "image/avif", srcSet: "a.avif 320w, …" }`. */
export interface ImageSource {
  type: string;
  srcSet: string;
}

export interface AspectImageProps extends Omit<
  ComponentPropsWithRef<"img">,
  "alt" | "width" | "height" | "src"
> {
  src: string;
  /** Required: describe what matters in the picture, or pass "" when it is purely decorative. */
  alt: string;
  /** Intrinsic size of `src`; set on the <img> so the browser reserves space before loading. */
  width: number;
  height: number;
  /** Box ratio such as "4 / 3" or 1; defaults to width / height. */
  aspectRatio?: string | number;
  /** `contain` shows the whole object (the default: evidence must not be cropped). */
  fit?: "contain" | "cover";
  /** Class for the surrounding box; `className` goes on the <img>. */
  boxClassName?: string;
  /**
   * Better formats first (AVIF, then WebP): rendered as a `<picture>` whose `<img>` (with `src`
   * and `srcSet`) is the fallback. `sizes` applies to every source.
   */
  sources?: readonly ImageSource[];
}

export function AspectImage({
  src,
  alt,
  width,
  height,
  aspectRatio,
  fit = "contain",
  loading = "lazy",
  decoding = "async",
  boxClassName,
  className,
  sources,
  sizes,
  ...rest
}: AspectImageProps) {
  const image = (
    <img
      src={src}
      alt={alt}
      width={width}
      height={height}
      loading={loading}
      decoding={decoding}
      className={classNames("t-aspect__img", fit === "cover" && "t-aspect__img--cover", className)}
      sizes={sizes}
      {...rest}
    />
  );
  return (
    <div
      className={classNames("t-aspect", boxClassName)}
      style={{ aspectRatio: aspectRatio ?? `${width} / ${height}` }}
    >
      {sources?.length ? (
        <picture className="t-aspect__picture">
          {sources.map((source) => (
            <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={sizes} />
          ))}
          {image}
        </picture>
      ) : (
        image
      )}
    </div>
  );
}
