import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { PageLayout } from "@trace/ui/page-layout";
import { useMessages } from "../i18n";
import { LanguageSwitcher } from "./language-switcher";
import { useRouteFocus } from "./use-route-focus";

function NavLink({ href, children }: { href: string; children: string }) {
  const [location] = useLocation();
  const isCurrent = location === href || location.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={isCurrent ? "page" : undefined}>
      {children}
    </Link>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const m = useMessages();
  useRouteFocus();
  return (
    <PageLayout
      skipLinkLabel={m.app.skipLink()}
      brand={
        <Link href="/" className="app-brand">
          {m.app.siteName()}
        </Link>
      }
      nav={
        <nav aria-label={m.app.navLabel()}>
          <ul>
            <li>
              <NavLink href="/objects">{m.app.nav.objects()}</NavLink>
            </li>
            <li>
              <NavLink href="/statistics">{m.app.nav.statistics()}</NavLink>
            </li>
            <li>
              <NavLink href="/check">{m.app.nav.checkTip()}</NavLink>
            </li>
          </ul>
        </nav>
      }
      utilities={<LanguageSwitcher />}
      footer={
        <p className="app-footer">
          {m.app.footer()} <Link href="/privacy">{m.app.footerPrivacy()}</Link> ·{" "}
          <Link href="/report-abuse">{m.app.footerReportAbuse()}</Link>
        </p>
      }
    >
      {children}
    </PageLayout>
  );
}
