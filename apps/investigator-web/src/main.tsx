// Must stay the first import: it configures zod before @trace/domain creates its schemas.
import "./lib/zod-config";
import "@trace/ui/styles.css";
import "./app/app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import { Providers } from "./app/providers";
import { DEFAULT_LOCALE, I18nProvider } from "./i18n";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <I18nProvider locale={DEFAULT_LOCALE}>
      <Providers>
        <App />
      </Providers>
    </I18nProvider>
  </StrictMode>,
);
