// Prints the gzip size of the JavaScript the task pane needs for its first screen (the entry's
// initial chunks; lazily loaded chunks such as sync, formats and sign-in are not counted), and
// writes it to dist/first-screen.json for the bench. It fails nothing: the figure is for people.
import { gzipSync } from 'node:zlib';

export class FirstScreenSizePlugin {
  constructor({ entry, budgetKiB }) {
    this.entry = entry;
    this.budgetKiB = budgetKiB;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('FirstScreenSizePlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'FirstScreenSizePlugin', stage: 5000 }, () => {
        const entrypoint = compilation.entrypoints.get(this.entry);
        if (!entrypoint) return;
        const files = entrypoint.getFiles().filter((f) => f.endsWith('.js'));
        let gzip = 0;
        let raw = 0;
        for (const file of files) {
          const source = compilation.getAsset(file)?.source.buffer();
          if (!source) continue;
          raw += source.length;
          gzip += gzipSync(source, { level: 9 }).length;
        }
        const kib = (n) => Math.round((n / 1024) * 10) / 10;
        const report = {
          entry: this.entry,
          files,
          rawKiB: kib(raw),
          gzipKiB: kib(gzip),
          budgetKiB: this.budgetKiB,
        };
        compilation.emitAsset(
          'first-screen.json',
          new compiler.webpack.sources.RawSource(JSON.stringify(report, null, 2)),
        );
        const verdict = report.gzipKiB <= this.budgetKiB ? 'within' : 'OVER';
        console.log(
          `[first screen] ${this.entry}: ${report.gzipKiB} KiB gzip (${report.rawKiB} KiB raw), ${verdict} the ${this.budgetKiB} KiB budget`,
        );
      });
    });
  }
}
