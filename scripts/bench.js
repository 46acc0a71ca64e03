#!/usr/bin/env node
/**
 * `npm run bench`: printed performance figures (never asserted in tests; these machines are noisy).
 * Synthetic but realistic inputs (test/fixtures/backtest-data.ts): seeded daily returns of a stock-like
 * and a bond-like index, Excel serial dates on weekdays, a daily rate column. Sizes: 64 years of daily
 * data (16,128 rows) and Excel's largest range (1,048,576 rows).
 *
 * The built bundle (dist/functions.js) runs as a plain script in this process's global scope
 * (vm.runInThisContext), as Excel's runtime runs it: a vm.createContext sandbox looks globals up
 * through an interceptor and makes hot loops 10-20× slower (DESIGN.md §6).
 *
 * Sections:
 * 1. The Excel boundary: for LETF.SERIES, BACKTEST and STATS, the call through the bundle (Excel's
 *    number[][] ranges in, the spill out) next to the core alone on typed arrays and a plain copy of
 *    the same cells (every input cell read into a Float64Array, every result cell written into a fresh
 *    number[][]). The boundary's cost is bundle − core; the target is at most 2× the plain copy.
 * 2. BOOTSTRAP 10,000 paths × 20 years × 2 assets, quarterly rebalancing (target ≤ 0.5 s), and its
 *    time budget: the largest request accepted, timed (target ≤ 5 s), and the refusal beyond it.
 * 3. Every function of dist/functions.json on its largest input: its worked example of
 *    docs/examples.json with the row-aligned ranges stretched to 1,048,576 rows (200 assets for the
 *    functions of a correlation matrix, the most it accepts); the budget is 5 s per call.
 * 4. The 64-year backtest sheet with four portfolios: its write plan (round trips, request bytes), and
 *    Share as values on it (round trips, in the fake workbook of the tests).
 * 5. Planning with CMAs: PLAN 10,000 paths × 40 years; FRONTIER 20 points over 16, 50 and 200 assets.
 * `npm run bench -- 1 3` runs only sections 1 and 3.
 */
require("./ts-register");
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { letfSeries } = require("../src/core/letf.ts");
const { backtest } = require("../src/core/backtest.ts");
const { bootstrap } = require("../src/core/bootstrap.ts");
const { dayGaps } = require("../src/core/financing.ts");
const { seriesStats } = require("../src/core/stats.ts");
const { syntheticData, configFour } = require("../test/fixtures/backtest-data.ts");

const START = 22283; // Monday 1961-01-02
const SIZES = [64 * 252, 1_048_576];
const BUDGET_SECONDS = 5;
const chosen = process.argv.slice(2).map(Number);
const section = (k) => chosen.length === 0 || chosen.includes(k);

// A full garbage collection before a round of one long call (at 1,048,576 rows a spill is a million
// small arrays), so that it does not pay for the garbage of the call before. Short calls are repeated
// within a round and pay their own collections as they go; a forced one would only distort them.
require("v8").setFlagsFromString("--expose-gc");
const collectGarbage = require("vm").runInNewContext("gc");

/** Seconds of one run of `run` (`reps` runs per round; a single run after a collection). */
function round(run, reps) {
  if (reps === 1) collectGarbage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) run();
  return Number(process.hrtime.bigint() - start) / 1e9 / reps;
}
/** Repetitions so that one round takes about 0.1 s, from a single timed run. */
function repsFor(run) {
  const once = round(run, 1);
  return Math.max(1, Math.min(500, Math.round(0.1 / Math.max(once, 1e-6))));
}
/**
 * Best-of timings of several runs compared with each other: one warm-up each, then `rounds` rounds
 * that take turns (a, b, c, a, b, c, ...), so a busy moment of the machine does not fall on one only.
 * The best round is the estimate: on a shared machine other jobs only ever add time.
 * @returns seconds per run of each, in the order given
 */
function compare(runs, rounds = 7) {
  const reps = runs.map(repsFor);
  const best = runs.map(() => Infinity);
  for (let r = 0; r < rounds; r++)
    runs.forEach((run, k) => (best[k] = Math.min(best[k], round(run, reps[k]))));
  return best;
}
/** Best of `rounds` timings of one run, after a warm-up. */
const time = (run, rounds = 3) => compare([run], rounds)[0];

const fmt = (x) => x.toLocaleString("en-US", { maximumFractionDigits: 0 });
const ms = (s) => (s * 1e3).toFixed(s < 0.01 ? 2 : 1).padStart(8);
const pad = (text, width) => String(text).padEnd(width);

// ---- The bundle as Excel runs it -------------------------------------------------------------------
const bundlePath = path.resolve(__dirname, "../dist/functions.js");
const metadataPath = path.resolve(__dirname, "../dist/functions.json");
if (!fs.existsSync(bundlePath) || !fs.existsSync(metadataPath)) {
  console.error("Run `npm run build` first: the bench times the built dist/functions.js.");
  process.exit(1);
}
const associated = new Map();
class CustomError {
  constructor(code, message) {
    this.code = code;
    this.message = message;
  }
}
globalThis.CustomFunctions = {
  associate: (id, fn) => associated.set(id, fn),
  Error: CustomError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
  },
};
vm.runInThisContext(fs.readFileSync(bundlePath, "utf8"), { filename: bundlePath });
const metadata = JSON.parse(fs.readFileSync(metadataPath, "utf8")).functions;
const metaOf = (id) => metadata.find((f) => f.id === id);
/** Call a function as Excel does: every declared parameter present (null when omitted), then the invocation. */
function callBundle(id, args) {
  const meta = metaOf(id);
  const full = meta.parameters.map((_, i) => (i < args.length ? args[i] : null));
  return associated.get(id)(...full, { address: "Sheet1!A1", functionName: id });
}
/**
 * "ok" for an answer: a value, or a spill whose errors are only the positions without a value (#N/A,
 * #DIV/0!); else the refusal's code and message (a single error, or a #VALUE!/#NUM! inside a spill).
 */
function outcome(result) {
  const cells = Array.isArray(result) ? result.flat() : [result];
  const error =
    cells.length === 1 && cells[0] instanceof CustomError
      ? cells[0]
      : cells.find((c) => c instanceof CustomError && (c.code === "#VALUE!" || c.code === "#NUM!"));
  if (!error) return "ok";
  return `${error.code}${error.message ? ` ${error.message}` : ""}`;
}

// ---- Data ------------------------------------------------------------------------------------------
const dataCache = new Map();
function dataOf(rows) {
  if (!dataCache.has(rows)) {
    const d = syntheticData(rows, START);
    const [stocks, bonds, rates] = d.series.map((s) => s.values);
    dataCache.set(rows, { dates: d.dates, stocks, bonds, rates, days: dayGaps(d.dates) });
  }
  return dataCache.get(rows);
}

// ---- The plain copy: what any conversion must do at least ------------------------------------------
/** An Excel range (rows of cells) into one Float64Array per column. */
function copyIn(grid) {
  const rows = grid.length;
  const width = grid[0].length;
  const columns = [];
  for (let j = 0; j < width; j++) columns.push(new Float64Array(rows));
  for (let t = 0; t < rows; t++) {
    const row = grid[t];
    for (let j = 0; j < width; j++) columns[j][t] = row[j];
  }
  return columns;
}
/** The first `rows` rows of columns as an Excel range: one array per row. */
function copyOut(columns, rows) {
  const out = new Array(rows);
  for (let t = 0; t < rows; t++) {
    const row = new Array(columns.length);
    for (let j = 0; j < columns.length; j++) row[j] = columns[j][t];
    out[t] = row;
  }
  return out;
}
/** Columns as an Excel range. */
const range = (...columns) => copyOut(columns, columns[0].length);

// ---- 1. The Excel boundary -------------------------------------------------------------------------
if (section(1)) {
  console.log(
    "1. The Excel boundary: bundle (ranges in, spill out) vs core (typed arrays) vs plain copy"
  );
  console.log(
    `${pad("function", 13)}${pad("rows", 11)}${pad("cells in/out", 15)}  bundle ms    core ms    copy ms   boundary = bundle − core`
  );
  const STATS_OUT = 10 * 3; // 10 statistics × (label + 2 series)
  const cases = [
    {
      id: "LETF.SERIES",
      build: (d) => ({
        args: [range(d.stocks), 3, 0.0091, range(d.rates), range(d.dates), 0.004],
        core: () => letfSeries(d.stocks, 3, 0.0091, d.rates, dayGaps(d.dates), 0.004),
        inputs: (a) => [a[0], a[3], a[4]],
        out: 1,
      }),
    },
    {
      id: "BACKTEST",
      build: (d) => ({
        args: [range(d.stocks, d.bonds), [[0.55, 0.45]], "Q", range(d.dates)],
        core: () =>
          backtest([d.stocks, d.bonds], Float64Array.of(0.55, 0.45), {
            kind: "calendar",
            frequency: "Q",
            dates: d.dates,
          }),
        inputs: (a) => [a[0], a[3]],
        out: 1,
      }),
    },
    {
      id: "STATS",
      build: (d) => {
        const riskFree = d.rates.map((r) => r / 252);
        return {
          args: [range(d.stocks, d.bonds), range(riskFree), 252],
          core: () => [d.stocks, d.bonds].map((r) => seriesStats(r, riskFree, 252)),
          inputs: (a) => [a[0], a[1]],
          out: 0,
        };
      },
    },
  ];
  for (const rows of SIZES) {
    const d = dataOf(rows);
    for (const { id, build } of cases) {
      const c = build(d);
      const inputs = c.inputs(c.args);
      const cellsIn = inputs.reduce((n, g) => n + g.length * g[0].length, 0);
      const cellsOut = c.out === 1 ? rows : STATS_OUT;
      const check = outcome(callBundle(id, c.args));
      const result = [new Float64Array(rows)];
      const [bundle, core, copy] = compare(
        [
          () => callBundle(id, c.args),
          c.core,
          () => {
            for (const g of inputs) copyIn(g);
            if (c.out === 1) copyOut(result, rows);
          },
        ],
        rows > 100_000 ? 5 : 15
      );
      const boundary = bundle - core;
      console.log(
        `${pad(id, 13)}${pad(fmt(rows), 11)}${pad(`${fmt(cellsIn)}/${fmt(cellsOut)}`, 15)}${ms(bundle)}   ${ms(core)}   ${ms(copy)}   ${ms(boundary).trim()} ms = ${(boundary / copy).toFixed(1)}× the copy (target ≤ 2×)${check === "ok" ? "" : `  [${check}]`}`
      );
    }
  }
}

// ---- 2. BOOTSTRAP ----------------------------------------------------------------------------------
if (section(2)) {
  console.log("\n2. BOOTSTRAP");
  const d = dataOf(SIZES[0]);
  const history = range(d.stocks, d.bonds);
  const args = [history, [[0.55, 0.45]], 20, 10000, 1, 1, 63, 252];
  const check = outcome(callBundle("BOOTSTRAP", args));
  const [bundle, core] = compare(
    [
      () => callBundle("BOOTSTRAP", args),
      () => bootstrap([d.stocks, d.bonds], Float64Array.of(0.55, 0.45), 20, 10000, 1, 1, 63, 252),
    ],
    3
  );
  console.log(
    `10,000 paths × 20 years × 2 assets, quarterly rebalancing, 64-year history: bundle ${bundle.toFixed(3)} s, core ${core.toFixed(3)} s (target ≤ 0.5 s)${check === "ok" ? "" : `  [${check}]`}`
  );
  // The time budget: the largest number of paths accepted for 2 assets × 20 years, timed, and the
  // refusal one path beyond it.
  const limits = require("../src/core/bootstrap.ts");
  const rowsPerPath = 20 * 252;
  const low = limits.maxPaths(rowsPerPath, 2);
  const at = (paths) => [history, [[0.55, 0.45]], 20, paths, 1, 1, 63, 252];
  const start = process.hrtime.bigint();
  const accepted = outcome(callBundle("BOOTSTRAP", at(low)));
  const largest = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `largest accepted, 2 assets × 20 years: ${fmt(low)} paths in ${largest.toFixed(2)} s (budget ${BUDGET_SECONDS} s) [${accepted}]`
  );
  console.log(`${fmt(low + 1)} paths: ${outcome(callBundle("BOOTSTRAP", at(low + 1)))}`);
  const long = [history, [[0.55, 0.45]], 990, 3000, 1, 1, 63, 252];
  const longStart = process.hrtime.bigint();
  const longOutcome = outcome(callBundle("BOOTSTRAP", long));
  const longSeconds = Number(process.hrtime.bigint() - longStart) / 1e9;
  console.log(
    `3,000 paths × 990 years × 2 assets: ${longOutcome} after ${longSeconds.toFixed(2)} s`
  );
}

// ---- 3. Every function on its largest input --------------------------------------------------------
if (section(3)) {
  console.log(
    `\n3. Every function on its largest input (the worked example stretched to ${fmt(SIZES[1])} rows, or 200 assets), through the bundle`
  );
  const { examples } = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, "../docs/examples.json"), "utf8")
  );
  const ROWS = SIZES[1];
  const { MAX_ASSETS } = require("../src/core/correlation-matrix.ts");
  const d = dataOf(ROWS);
  const isGrid = (a) => Array.isArray(a) && Array.isArray(a[0]);
  const columnFor = (name, j) => {
    if (/date/i.test(name)) return d.dates;
    if (/rate/i.test(name)) return d.rates;
    return j % 2 === 0 ? d.stocks : d.bonds;
  };
  /** One asset's value for a per-asset argument, by the argument's name. */
  const assetValue = (name, i, n) => {
    if (/weight/i.test(name)) return 1 / n;
    if (/vol/i.test(name)) return 0.05 + (0.25 * i) / n;
    return 0.02 + (0.06 * i) / n; // expected returns, targets, correlations with an outside asset
  };
  const stretch = (example) => {
    const names = metaOf(example.id).parameters.map((p) => p.name);
    // Per-asset functions: every range as long as the correlation matrix gets 200 assets (199 when an
    // implicit financing asset is added). RISKPARITY's example has no matrix: it is given one.
    const exampleArgs =
      example.id === "RISKPARITY" && example.args.length === 1
        ? [
            example.args[0],
            example.args[0][0].map((_, r, all) => all.map((_, c) => (r === c ? 1 : 0))),
          ]
        : example.args;
    const correlations = names.findIndex(
      (n, i) => /correlations/i.test(n) && isGrid(exampleArgs[i])
    );
    if (correlations >= 0) {
      const n = exampleArgs[correlations].length;
      const financed = names.some((name, i) => /^financing/.test(name) && exampleArgs[i] != null);
      const ASSETS = MAX_ASSETS - (financed ? 1 : 0);
      const args = exampleArgs.map((a, i) => {
        if (!isGrid(a)) return a;
        if (a.length === n && a[0].length === n)
          return Array.from({ length: ASSETS }, (_, r) =>
            Array.from({ length: ASSETS }, (_, c) => (r === c ? 1 : 0.3))
          );
        if (a.length === n && a[0].length === 1)
          return Array.from({ length: ASSETS }, (_, r) => [assetValue(names[i], r, ASSETS)]);
        if (a.length === 1 && a[0].length === n)
          return [Array.from({ length: ASSETS }, (_, c) => assetValue(names[i], c, ASSETS))];
        return a;
      });
      return { args, size: `${ASSETS} assets` };
    }
    const first = example.args.find((a) => isGrid(a) && a.length > 1);
    if (!first) return { args: example.args, size: "scalars" };
    const n = first.length;
    const args = example.args.map((a, i) =>
      isGrid(a) && a.length === n ? range(...a[0].map((_, j) => columnFor(names[i], j))) : a
    );
    return { args, size: `${fmt(ROWS)} rows` };
  };
  const results = [];
  for (const example of examples) {
    const { args, size } = stretch(example);
    callBundle(example.id, example.args); // warm up on the small example
    const check = outcome(callBundle(example.id, args));
    const seconds = time(() => callBundle(example.id, args), 2);
    results.push({ id: example.id, size, seconds, check });
  }
  results.sort((a, b) => b.seconds - a.seconds);
  for (const r of results)
    console.log(
      `${pad(r.id, 15)}${pad(r.size, 17)}${ms(r.seconds)} ms ${r.seconds > BUDGET_SECONDS ? " OVER BUDGET" : ""}${r.check === "ok" ? "" : `  [${r.check}]`}`
    );
  const slowest = results[0];
  console.log(
    `slowest: ${slowest.id} at ${slowest.size}, ${slowest.seconds.toFixed(2)} s (budget ${BUDGET_SECONDS} s per call)`
  );
}

// ---- 4. The backtest sheet: its write plan, and Share as values on it --------------------------------
// The 64-year backtest sheet as the taskpane builds it: the layout (src/sheets/backtest-sheet.ts) and the
// requests that write it (src/excel/plan.ts, pure: no Office). Four portfolios side by side (55/45 3x
// stocks / 3x bonds, a 100/100 stack, 2x stocks, 100% stocks), the stocks as benchmark, the daily rate; a
// Monte Carlo block of 1,000 20-year paths per portfolio. The last request is the box-and-whisker chart,
// sent on its own so that a host refusing it can get the fallback chart.
if (section(4)) {
  const { backtestSheet } = require("../src/sheets/backtest-sheet.ts");
  const { planBatches, MAX_REQUEST_BYTES } = require("../src/excel/plan.ts");
  const backtestConfig = configFour({
    rollingYears: 3,
    monteCarlo: { years: 20, paths: 1000, block: 21, seed: 1 },
  });
  const backtestData = syntheticData(SIZES[0], START);
  const planStart = process.hrtime.bigint();
  const sheet = backtestSheet(backtestConfig, backtestData, "bench");
  const batches = planBatches(sheet.layout);
  const planSeconds = Number(process.hrtime.bigint() - planStart) / 1e9;
  const cellsWritten = batches
    .flatMap((b) => b.steps)
    .reduce((n, s) => n + (s.kind === "cells" ? s.area.rows * s.area.columns : 0), 0);
  const requestBytes = batches.map((b) => b.bytes);
  console.log(
    `\n4. Backtest sheet: ${sheet.rows} rows (64 years), ${backtestConfig.portfolios.length} portfolios, ${fmt(cellsWritten)} cells written: ${2 + batches.length} round trips (read, add the sheet, ${batches.length} write, the last one the box-and-whisker chart); ` +
      `request bytes ${requestBytes.map(fmt).join(", ")}; largest ${fmt(Math.max(...requestBytes))} (budget ${fmt(MAX_REQUEST_BYTES)}); layout + plan ${(planSeconds * 1e3).toFixed(0)} ms`
  );

  // Share as values on the same sheet (src/excel/share.ts), in the fake workbook of the tests
  // (test/excel/fake-workbook-share.ts: operations run at sync, like Excel), holding the sheet as Excel
  // would once calculated (test/excel/shared-sheets.ts: evaluated in HyperFormula with the built
  // functions, about 15 s here): its round trips and requests.
  const { shareInContext } = require("../src/excel/share.ts");
  const { fakeContext } = require("../test/excel/fake-workbook-share.ts");
  const { calculatedSheet } = require("../test/excel/shared-sheets.ts");
  const original = calculatedSheet(sheet.layout, "{backtest}");
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
      `   Share as values on it: ${result.roundTrips} round trips (read, read spills/fills, read chart sources, copy, write); ` +
        `${counts.formulas} formulas frozen (${fmt(counts.cells)} cells, copied inside Excel), ${counts.kept} kept; ` +
        `${book.ran.filter((op) => op === "copyFrom").length} copyFrom actions; plan + fake ${(seconds * 1e3).toFixed(0)} ms`
    );
  });
}

// ---- 5. Planning with CMAs (src/core/plan.ts, efficient-frontier.ts, frontier-portfolios.ts) ---------
if (section(5)) {
  const { plan } = require("../src/core/plan.ts");
  const planSeconds = time(() => plan(1e6, -40000, 40, 0.07, 0.12, 0.025, 10000, 1));
  console.log(
    `\n5. PLAN core, 10,000 paths × 40 years: ${(planSeconds * 1e3).toFixed(1)} ms, ${fmt(4e5 / planSeconds / 1e6)} million path-years/s (target: well under 1 s; the time budget assumes 8 million/s)`
  );
  const { efficientFrontier } = require("../src/core/efficient-frontier.ts");
  const { frontierPoints } = require("../src/core/frontier-portfolios.ts");
  const { squareMatrix } = require("../src/core/matrix.ts");
  const { sixteenAssets } = require("../test/fixtures/frontier-problems.ts");
  /** n assets from formulas: returns 2%…12%, vols 4%…24%, correlations from 3 sine factors + 0.5·I. */
  const formulaProblem = (n) => {
    const load = Array.from({ length: n }, (_, i) =>
      [1, 2, 3].map((f) => Math.sin(1 + i * f * 0.7))
    );
    const c = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        c[i * n + j] = load[i].reduce((s, b, f) => s + b * load[j][f], 0) + (i === j ? 0.5 : 0);
    const d = Array.from({ length: n }, (_, i) => Math.sqrt(c[i * n + i]));
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) c[i * n + j] /= d[i] * d[j];
    const at = (lo, hi) =>
      Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
    return {
      returns: at(0.02, 0.12),
      vols: at(0.04, 0.24),
      correlations: squareMatrix(n, c),
      maxTotal: 2,
      borrowingRate: 0.035,
    };
  };
  for (const [label, problem] of [
    ["16 assets (test fixture, up to 150%)", sixteenAssets()],
    ["50 assets (up to 200%)", formulaProblem(50)],
    ["200 assets, the most a correlation matrix may have (up to 200%)", formulaProblem(200)],
  ]) {
    let segments = 0;
    const seconds = time(() => {
      const frontier = efficientFrontier(problem);
      segments = frontier.segments.length;
      frontierPoints(frontier, 20);
    });
    console.log(
      `   FRONTIER core, 20 points over ${label}: ${(seconds * 1e3).toFixed(1)} ms (${segments} segments; target: well under 1 s)`
    );
  }
}
