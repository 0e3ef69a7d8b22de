import { createContext, useContext } from "react";
import type { HTMLAttributes, ReactNode } from "react";
import { classNames } from "./class-names";

// Inside a StatGrid each Stat is a <div> of dt/dd in the grid's <dl>; alone it needs its own <dl>.
const InStatGridContext = createContext(false);

export interface StatProps {
  label: ReactNode;
  value: ReactNode;
  /** Context under the figure, e.g. "in the last 30 days". */
  description?: ReactNode;
  className?: string;
}

/** A key figure with its label, as a term / description pair. */
export function Stat({ label, value, description, className }: StatProps) {
  const isInGrid = useContext(InStatGridContext);
  const Tag = isInGrid ? "div" : "dl";
  return (
    <Tag className={classNames("t-stat", className)}>
      <dt className="t-stat__label">{label}</dt>
      <dd className="t-stat__value">{value}</dd>
      {description !== undefined && <dd className="t-stat__description">{description}</dd>}
    </Tag>
  );
}

export interface StatGridProps extends HTMLAttributes<HTMLDListElement> {
  children: ReactNode;
}

/** Lays out `Stat`s in a responsive grid: one column on a phone, more as space allows. */
export function StatGrid({ className, children, ...rest }: StatGridProps) {
  return (
    <dl className={classNames("t-stat-grid", className)} {...rest}>
      <InStatGridContext value={true}>{children}</InStatGridContext>
    </dl>
  );
}
