import type { HTMLAttributes, ReactNode } from "react";
import { classNames } from "./class-names";

export type AlertTone = "info" | "success" | "warning" | "danger";

export interface AlertProps extends Omit<HTMLAttributes<HTMLDivElement>, "title" | "role"> {
  tone?: AlertTone;
  title?: ReactNode;
  /**
   * The alert appears in response to something the user did and must interrupt:
   * warning and danger alerts then get role="alert". Everything else is role="status".
   */
  live?: boolean;
  children?: ReactNode;
}

function alertRole(tone: AlertTone, live: boolean): "alert" | "status" {
  return live && (tone === "danger" || tone === "warning") ? "alert" : "status";
}

/** A message box; the title and text carry the meaning, the tone colour only reinforces it. */
export function Alert({
  tone = "info",
  title,
  live = false,
  className,
  children,
  ...rest
}: AlertProps) {
  return (
    <div
      role={alertRole(tone, live)}
      className={classNames("t-alert", `t-tone-${tone}`, className)}
      {...rest}
    >
      {title !== undefined && title !== null && <p className="t-alert__title">{title}</p>}
      {children !== undefined && <div className="t-alert__body">{children}</div>}
    </div>
  );
}
