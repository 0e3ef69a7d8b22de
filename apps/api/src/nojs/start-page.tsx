/** @jsxImportSource hono/jsx */
import type { Locale, PublicObjectSummary } from "@trace/domain";
import { basicPath } from "./document";
import type { Messages } from "./messages";
import { ObjectImage, Served } from "./parts";

export const OBJECTS_PER_PAGE = 24;

export interface StartPageProps {
  locale: Locale;
  m: Messages;
  objects: PublicObjectSummary[];
  total: number;
  /** 1-based. */
  page: number;
}

/** What these pages offer, and the open objects, each with its own tip form. */
export function StartPage({ locale, m, objects, total, page }: StartPageProps) {
  const pageCount = Math.max(1, Math.ceil(total / OBJECTS_PER_PAGE));
  const pageHref = (n: number) => (n === 1 ? basicPath(locale) : `${basicPath(locale)}?page=${n}`);
  return (
    <>
      <h1>{m.basic.heading()}</h1>
      <p class="lead">{m.basic.intro()}</p>
      <ul>
        <li>
          <a href={basicPath(locale, "tip")}>{m.basic.generalTip()}</a>
        </li>
        <li>
          <a href={basicPath(locale, "check")}>{m.app.nav.checkTip()}</a>
        </li>
      </ul>
      <section aria-labelledby="objects-heading">
        <h2 id="objects-heading">{m.gallery.heading()}</h2>
        <p>{m.gallery.intro()}</p>
        {objects.length === 0 ? (
          <p>{m.basic.noObjects()}</p>
        ) : (
          <ul class="objects">
            {objects.map((object) => (
              <li>
                {object.cover && (
                  <ObjectImage
                    image={object.cover}
                    locale={locale}
                    sizes="(min-width: 44rem) 14rem, 100vw"
                  />
                )}
                <h3>
                  <Served text={object.title} locale={locale} m={m} />
                </h3>
                {object.regionHint && (
                  <p class="muted">
                    <Served text={object.regionHint} locale={locale} m={m} />
                  </p>
                )}
                <p>
                  <a href={`${basicPath(locale, "tip")}?object=${object.ref}`}>
                    {m.basic.tipAbout({ title: object.title.text })}
                  </a>
                </p>
              </li>
            ))}
          </ul>
        )}
        {pageCount > 1 && (
          <nav aria-label={m.gallery.pagination()} class="pagination">
            {page > 1 && <a href={pageHref(page - 1)}>{m.gallery.previous()}</a>}
            <span>{m.gallery.pageStatus({ page, pageCount })}</span>
            {page < pageCount && <a href={pageHref(page + 1)}>{m.gallery.next()}</a>}
          </nav>
        )}
      </section>
    </>
  );
}
