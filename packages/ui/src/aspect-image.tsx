import type { ComponentPropsWithRef } from "react";
import { classNames } from "./class-names";

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
  ...rest
}: AspectImageProps) {
  return (
    <div
      className={classNames("t-aspect", boxClassName)}
      style={{ aspectRatio: aspectRatio ?? `${width} / ${height}` }}
    >
      <img
        src={src}
        alt={alt}
        width={width}
        height={height}
        loading={loading}
        decoding={decoding}
        className={classNames(
          "t-aspect__img",
          fit === "cover" && "t-aspect__img--cover",
          className,
        )}
        {...rest}
      />
    </div>
  );
}
