#!/usr/bin/env node
/**
 * `npm run bench`: printed performance figures (never asserted in tests; these machines are noisy).
 * Synthetic but realistic inputs: 64 years of daily data (64 × 252 rows), returns drawn from a seeded
 * generator, Excel serial dates on weekdays, a daily rate column.
 */
require("./ts-register");
const { letfSeries } = require("../src/core/letf.ts");
const { backtest } = require("../src/core/backtest.ts");
const { bootstrap } = require("../src/core/bootstrap.ts");
const { dayGaps } = require("../src/core/financing.ts");

const ROWS = 64 * 252;
// The test fixtures' synthetic series (seeded, weekday dates from Monday 1961-01-02 = serial 22283).
const { syntheticData, configFour } = require("../test/fixtures/backtest-data.ts");
const backtestData = syntheticData(ROWS, 22283);
const { dates } = backtestData;
const [stocks, bonds, rates] = backtestData.series.map((s) => s.values);
const days = dayGaps(dates);

/** Best of `rounds` timings of `reps` runs, in seconds per run. */
function time(run, reps, rounds = 5) {
  run(); // warm up the JIT
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < reps; i++) run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9 / reps);
  }
  return best;
}

const fmt = (x) => x.toLocaleString("en-US", { maximumFractionDigits: 0 });
const out = new Float64Array(ROWS);

const letf = time(() => letfSeries(stocks, 3, 0.0091, rates, days, 0.004, out), 200);
console.log(
  `LETF.SERIES core   ${ROWS} rows × 1 asset: ${(letf * 1e6).toFixed(0)} µs/run, ${fmt(ROWS / letf / 1e6)} million asset-days/s (target ≥ 100)`
);

const quarterly = { kind: "calendar", frequency: "Q", dates };
const bt = time(
  () => backtest([stocks, bonds], Float64Array.of(0.55, 0.45), quarterly, undefined, out),
  200
);
console.log(
  `BACKTEST core      ${ROWS} rows × 2 assets, quarterly: ${(bt * 1e6).toFixed(0)} µs/run, ${fmt((2 * ROWS) / bt / 1e6)} million asset-days/s (target ≥ 100)`
);

const boot = time(
  () => bootstrap([stocks, bonds], Float64Array.of(0.55, 0.45), 20, 10000, 1, 1, 63, 252),
  1,
  3
);
console.log(
  `BOOTSTRAP core     10,000 paths × 20 years × 2 assets, quarterly rebalancing: ${boot.toFixed(3)} s (target ≤ 1 s)`
);

// Planning with CMAs (src/core/plan.ts, efficient-frontier.ts, frontier-portfolios.ts).
const { plan } = require("../src/core/plan.ts");
const planSeconds1 = time(() => plan(1e6, -40000, 40, 0.07, 0.12, 0.025, 10000, 1), 3);
console.log(
  `PLAN core          10,000 paths × 40 years: ${(planSeconds1 * 1e3).toFixed(1)} ms, ${fmt(4e5 / planSeconds1 / 1e6)} million path-years/s (target: well under 1 s; the time budget assumes 10 million/s)`
);
const { efficientFrontier } = require("../src/core/efficient-frontier.ts");
const { frontierPoints } = require("../src/core/frontier-portfolios.ts");
const { squareMatrix } = require("../src/core/matrix.ts");
const { sixteenAssets } = require("../test/fixtures/frontier-problems.ts");
/** n assets from formulas: returns 2%…12%, vols 4%…24%, correlations from 3 sine factors + 0.5·I. */
function formulaProblem(n) {
  const load = Array.from({ length: n }, (_, i) => [1, 2, 3].map((f) => Math.sin(1 + i * f * 0.7)));
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      c[i * n + j] = load[i].reduce((s, b, f) => s + b * load[j][f], 0) + (i === j ? 0.5 : 0);
  const d = Array.from({ length: n }, (_, i) => Math.sqrt(c[i * n + i]));
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) c[i * n + j] /= d[i] * d[j];
  const at = (lo, hi) => Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  return {
    returns: at(0.02, 0.12),
    vols: at(0.04, 0.24),
    correlations: squareMatrix(n, c),
    maxTotal: 2,
    borrowingRate: 0.035,
  };
}
for (const [label, problem] of [
  ["16 assets (test fixture, up to 150%)", sixteenAssets()],
  ["50 assets (up to 200%)", formulaProblem(50)],
  ["200 assets, the most a correlation matrix may have (up to 200%)", formulaProblem(200)],
]) {
  let segments = 0;
  const seconds = time(
    () => {
      const frontier = efficientFrontier(problem);
      segments = frontier.segments.length;
      frontierPoints(frontier, 20);
    },
    1,
    3
  );
  console.log(
    `FRONTIER core      20 points over ${label}: ${(seconds * 1e3).toFixed(1)} ms (${segments} segments; target: well under 1 s)`
  );
}

// The 64-year backtest sheet as the taskpane builds it: the layout (src/sheets/backtest-sheet.ts) and the
// requests that write it (src/excel/plan.ts, pure: no Office). Four portfolios side by side (55/45 3x
// stocks / 3x bonds, a 100/100 stack, 2x stocks, 100% stocks), the stocks as benchmark, the daily rate; a
// Monte Carlo block of 1,000 20-year paths per portfolio. The last request is the box-and-whisker chart,
// sent on its own so that a host refusing it can get the fallback chart.
const { backtestSheet } = require("../src/sheets/backtest-sheet.ts");
const { planBatches, MAX_REQUEST_BYTES } = require("../src/excel/plan.ts");
const backtestConfig = configFour({
  rollingYears: 3,
  monteCarlo: { years: 20, paths: 1000, block: 21, seed: 1 },
});
const planStart = process.hrtime.bigint();
const sheet = backtestSheet(backtestConfig, backtestData, "bench");
const batches = planBatches(sheet.layout);
const planSeconds = Number(process.hrtime.bigint() - planStart) / 1e9;
const cellsWritten = batches
  .flatMap((b) => b.steps)
  .reduce((n, s) => n + (s.kind === "cells" ? s.area.rows * s.area.columns : 0), 0);
const requestBytes = batches.map((b) => b.bytes);
console.log(
  `Backtest sheet     ${sheet.rows} rows (64 years), ${backtestConfig.portfolios.length} portfolios, ${fmt(cellsWritten)} cells written: ${1 + batches.length} round trips (1 read + ${batches.length} write); ` +
    `request bytes ${requestBytes.map(fmt).join(", ")}; largest ${fmt(Math.max(...requestBytes))} (budget ${fmt(MAX_REQUEST_BYTES)}); layout + plan ${(planSeconds * 1e3).toFixed(0)} ms`
);

// The same LETF.SERIES as Excel calls it: through the built adapter (dist/functions.js), with the
// returns and rates as number[][] ranges and the result spilled back as number[][].
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const bundle = path.resolve(__dirname, "../dist/functions.js");
if (fs.existsSync(bundle)) {
  const associated = new Map();
  class CustomError {
    constructor(code, message) {
      Object.assign(this, { code, message });
    }
  }
  const api = {
    associate: (id, fn) => associated.set(id, fn),
    Error: CustomError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
    },
  };
  vm.runInContext(fs.readFileSync(bundle, "utf8"), vm.createContext({ CustomFunctions: api }));
  const column = (values) => Array.from(values, (v) => [v]);
  const [range, rateRange, dateRange] = [column(stocks), column(rates), column(dates)];
  const excelCall = time(
    () => associated.get("LETF.SERIES")(range, 3, 0.0091, rateRange, dateRange, 0.004, {}),
    20
  );
  console.log(
    `LETF.SERIES in Excel's shape (adapter, ${ROWS}-row ranges in and out): ${(excelCall * 1e3).toFixed(2)} ms/call`
  );
} else {
  console.log("(run `npm run build` to also time the adapters in dist/functions.js)");
}

// Share as values on the same 64-year sheet (src/excel/share.ts), in the fake workbook of the tests
// (test/excel/fake-workbook-share.ts: operations run at sync, like Excel): its round trips and requests.
// The values do not matter for the count; each spilled formula spills where Excel would put it.
{
  const { shareInContext } = require("../src/excel/share.ts");
  const { fakeContext, sheetFromLayout } = require("../test/excel/fake-workbook-share.ts");
  const { columnOf } = require("../src/sheets/sheet-builder.ts");
  const spills = [
    ...Array.from({ length: sheet.returns.columns }, (_, j) => columnOf(sheet.returns, j)),
    sheet.growth,
    sheet.drawdowns,
    sheet.rolling,
    sheet.summary,
    ...(sheet.monteCarlo ? [sheet.monteCarlo.results] : []),
  ];
  const spillAt = (c) => spills.find((a) => a.row === c.row && a.column === c.column);
  const original = sheetFromLayout(sheet.layout, "{backtest}", () => 0, spillAt);
  const book = { sheets: [original], activeId: original.id, protected: false, syncs: 0, ran: [] };
  const start = process.hrtime.bigint();
  shareInContext(fakeContext(book), {
    scope: "sheet",
    version: "bench",
    supports: () => true,
  }).then((result) => {
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const { counts } = result.plan;
    console.log(
      `Share as values   the same sheet: ${result.roundTrips} round trips (read, read spills/fills, read chart sources, copy, write); ` +
        `${counts.formulas} formulas frozen (${fmt(counts.cells)} cells, copied inside Excel), ${counts.kept} kept; ` +
        `${book.ran.filter((op) => op === "copyFrom").length} copyFrom actions; plan + fake ${(seconds * 1e3).toFixed(0)} ms`
    );
  });
}
