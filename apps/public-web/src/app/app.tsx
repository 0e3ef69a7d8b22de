import { Layout } from "./layout";
import { Providers } from "./providers";
import { Routes } from "./routes";

export function App() {
  return (
    <Providers>
      <Layout>
        <Routes />
      </Layout>
    </Providers>
  );
}
