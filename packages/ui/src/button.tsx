import type { ComponentPropsWithRef } from "react";
import { classNames } from "./class-names";

export type ButtonVariant = "primary" | "secondary" | "danger" | "quiet";
export type ButtonSize = "small" | "medium" | "large";

interface ButtonStyleProps {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Stretch to the container width (handy for the main action on small screens). */
  isFullWidth?: boolean;
}

function buttonClasses({
  variant = "primary",
  size = "medium",
  isFullWidth = false,
}: ButtonStyleProps) {
  return classNames(
    "t-button",
    `t-button--${variant}`,
    `t-button--${size}`,
    isFullWidth && "t-button--full",
  );
}

export interface ButtonProps extends ComponentPropsWithRef<"button">, ButtonStyleProps {
  /** Marks the button busy and disables it while an action runs; the label stays as is. */
  isLoading?: boolean;
}

/**
 * A real <button>. `type` defaults to "button" so a button never submits a form by
 * accident; pass `type="submit"` for the form's action.
 */
export function Button({
  variant,
  size,
  isFullWidth,
  isLoading = false,
  disabled,
  type = "button",
  className,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={classNames(buttonClasses({ variant, size, isFullWidth }), className)}
      disabled={disabled || isLoading}
      aria-busy={isLoading || undefined}
      {...rest}
    >
      {isLoading && <span className="t-button__spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}

export interface ButtonLinkProps extends ComponentPropsWithRef<"a">, ButtonStyleProps {}

/**
 * An <a> that looks like a button: use it for navigation, `Button` for actions.
 * Works as the child of a router link (e.g. wouter `<Link href="/x" asChild>`).
 */
export function ButtonLink({
  variant,
  size,
  isFullWidth,
  className,
  children,
  ...rest
}: ButtonLinkProps) {
  return (
    <a className={classNames(buttonClasses({ variant, size, isFullWidth }), className)} {...rest}>
      {children}
    </a>
  );
}
