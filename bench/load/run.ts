/** `pnpm bench` (after the build): runs the load bench with the BENCH_* settings, prints the table. */
import { runBench } from "./bench";
import { readOptions } from "./options";

runBench(readOptions())
  .then(({ markdown, files, logDir }) => {
    process.stdout.write(`\n${markdown}\nWritten to ${files.join(" and ")}\nAPI logs: ${logDir}\n`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
