import type { HTMLAttributes, ReactNode } from "react";
import { classNames } from "./class-names";

export interface ContainerProps extends HTMLAttributes<HTMLDivElement> {
  /** `narrow` suits forms and reading (about 40rem), `wide` suits tables and galleries. */
  size?: "narrow" | "default" | "wide";
  children?: ReactNode;
}

/** Centres content with a readable maximum width and side gutters. */
export function Container({ size = "default", className, children, ...rest }: ContainerProps) {
  return (
    <div className={classNames("t-container", `t-container--${size}`, className)} {...rest}>
      {children}
    </div>
  );
}

export interface PageLayoutProps {
  /** Site name or logo link, shown at the start of the header. */
  brand: ReactNode;
  /** Usually `<nav aria-label="…"><ul>…</ul></nav>`; mark the current link `aria-current="page"`. */
  nav?: ReactNode;
  /** End of the header: language switcher, account menu, sign-out. */
  utilities?: ReactNode;
  footer?: ReactNode;
  /** Translate it: it is the first thing a keyboard user reaches. */
  skipLinkLabel?: string;
  /** Page content; wrap it in `Container` (main is full-width so pages can add bands). */
  children: ReactNode;
}

/**
 * Skip link, header, main and footer. `<main id="main" tabIndex={-1}>` is focusable so the
 * skip link and the app's route-change focus management can move focus to it.
 */
export function PageLayout({
  brand,
  nav,
  utilities,
  footer,
  skipLinkLabel = "Skip to main content",
  children,
}: PageLayoutProps) {
  return (
    <div className="t-page">
      <a className="t-skip-link" href="#main">
        {skipLinkLabel}
      </a>
      <header className="t-header">
        <Container size="wide" className="t-header__inner">
          <div className="t-header__brand">{brand}</div>
          {nav !== undefined && <div className="t-header__nav">{nav}</div>}
          {utilities !== undefined && <div className="t-header__utilities">{utilities}</div>}
        </Container>
      </header>
      <main id="main" tabIndex={-1} className="t-main">
        {children}
      </main>
      {footer !== undefined && (
        <footer className="t-footer">
          <Container size="wide">{footer}</Container>
        </footer>
      )}
    </div>
  );
}
