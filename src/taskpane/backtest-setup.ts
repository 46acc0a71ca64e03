/**
 * The backtest's settings as the user types them, and what the pane makes of them: presets filled in
 * with the loaded series, the series aligned on common dates (with what alignment did, in words), and
 * the {@link BacktestConfig} and {@link BacktestData} the backtest sheet's layout is built from, or every
 * problem that stands in the way (including those the sheet's layout finds). No React and no Office here,
 * so it is tested in Node.
 *
 * Settings are kept as typed text (weights, fees and the band in percent), so the pane shows and
 * remembers exactly what the user wrote, and one place turns them into numbers and messages.
 */
import { MAX_PATHS, maxPaths } from "../core/bootstrap";
import { TIME_BUDGET_SECONDS } from "../core/time-budget";
import { TRADING_DAYS } from "../core/series";
import { StackError } from "../core/errors";
import {
  alignSeries,
  type AlignedSeries,
  type AlignmentReport,
  type DateSpan,
} from "../io/series-align";
import { formatDate } from "../io/series-dates";
import type { BacktestConfig, BacktestData, Preset } from "../sheets/backtest-config";
import { backtestSheet } from "../sheets/backtest-sheet";
import type { Layout } from "../sheets/layout";
import {
  type PortfolioSetup,
  presetPortfolios,
  presetRoles,
  readPortfolios,
  realHistoriesUsed,
  seriesUsed,
  toPortfolios,
  upgradePortfolios,
} from "./portfolio-setup";
import type { LoadedSeries } from "./series-sources";
import { positive, Reader } from "./setup-reader";

export interface BacktestSetup {
  readonly title: string;
  /** The preset the portfolios came from ("" when none), shown in the preset picker. */
  readonly preset: string;
  /** One to four portfolios, shown side by side on the sheet. */
  readonly portfolios: readonly PortfolioSetup[];
  /** A "rates" series name, "" for none (0%). */
  readonly rate: string;
  /** A "returns" series name, "" for none. */
  readonly benchmark: string;
  /** yyyy-mm-dd, "" for the first or last aligned date. */
  readonly start: string;
  readonly end: string;
  readonly startAmount: string;
  readonly rollingYears: string;
  readonly monteCarlo: boolean;
  readonly monteCarloYears: string;
  readonly monteCarloPaths: string;
  readonly monteCarloBlock: string;
  readonly monteCarloSeed: string;
}

export const DEFAULT_SETUP: BacktestSetup = {
  title: "Backtest",
  preset: "",
  portfolios: [],
  rate: "",
  benchmark: "",
  start: "",
  end: "",
  startAmount: "10000",
  rollingYears: "3",
  monteCarlo: false,
  monteCarloYears: "20",
  monteCarloPaths: "1000",
  monteCarloBlock: "21",
  monteCarloSeed: "1",
};

/** The settings remembered from the last session over the defaults (older versions' holdings become a portfolio). */
export function restoreSetup(remembered: Record<string, unknown> | undefined): BacktestSetup {
  if (!remembered) return DEFAULT_SETUP;
  // Only the settings this version has: an older version's holdings, rebalance and band moved into a portfolio.
  const known = Object.keys(DEFAULT_SETUP).filter(
    (key) => key !== "portfolios" && key in remembered
  );
  return {
    ...DEFAULT_SETUP,
    ...Object.fromEntries(known.map((key) => [key, remembered[key]])),
    portfolios: upgradePortfolios(remembered) ?? DEFAULT_SETUP.portfolios,
  };
}

/**
 * The setup with a preset's portfolios (presetPortfolios maps its roles onto the loaded series). Also picks
 * a benchmark (the index series) and a rate (the first rate series) when none is chosen yet.
 */
export function applyPreset(
  setup: BacktestSetup,
  preset: Preset,
  series: readonly LoadedSeries[]
): BacktestSetup {
  const returns = series.filter(({ kind }) => kind === "returns").map(({ name }) => name);
  const rates = series.filter(({ kind }) => kind === "rates").map(({ name }) => name);
  return {
    ...setup,
    title: preset.label,
    preset: preset.id,
    portfolios: presetPortfolios(preset, series),
    benchmark:
      setup.benchmark !== "" && returns.includes(setup.benchmark)
        ? setup.benchmark
        : presetRoles(series).index,
    rate: setup.rate !== "" && rates.includes(setup.rate) ? setup.rate : (rates[0] ?? ""),
  };
}

/** Everything the sheet is built from. */
export interface Prepared {
  readonly config: BacktestConfig;
  readonly data: BacktestData;
  /** What alignment did, in words (also the last of the data's notes). */
  readonly alignment: readonly string[];
  readonly layout: Layout;
}

/** The prepared backtest, or the problems to fix first (each a sentence naming the setting). */
export type Preparation =
  | { readonly ok: true; readonly prepared: Prepared }
  | { readonly ok: false; readonly problems: readonly string[] };

/** The largest seed BOOTSTRAP takes. */
const MAX_SEED = 4_294_967_295;

/**
 * Turns the typed setup and the loaded series into the sheet: checks every setting, aligns the series the
 * backtest uses (holdings, benchmark, rate; other loaded series are left out), keeps the sources and what
 * alignment dropped or filled as the data's notes, and lays the sheet out (whose own checks, such as a
 * rolling window longer than the data, become problems too).
 * @param builtOn the build date shown under the sheet's title
 */
export function prepare(
  setup: BacktestSetup,
  all: readonly LoadedSeries[],
  builtOn: string
): Preparation {
  const read = new Reader();
  if (all.length === 0)
    return { ok: false, problems: ["Add a CSV file or a range of series first."] };
  const portfolios = readPortfolios(read, setup.portfolios, all);
  const rate =
    setup.rate === "" ? undefined : read.series("Borrowing rate", setup.rate, all, "rates");
  const benchmark =
    setup.benchmark === "" ? undefined : read.series("Benchmark", setup.benchmark, all, "returns");
  const start = read.date("Start date", setup.start);
  const end = read.date("End date", setup.end);
  const startAmount = read.number("Starting amount", setup.startAmount, positive, "more than 0");
  const rollingYears = read.number(
    "Rolling window",
    setup.rollingYears,
    positive,
    "more than 0 years"
  );
  const monteCarlo = setup.monteCarlo
    ? {
        years: read.number("Monte Carlo years", setup.monteCarloYears, positive, "more than 0"),
        paths: read.whole("Monte Carlo paths", setup.monteCarloPaths, 1, MAX_PATHS),
        block: read.whole("Monte Carlo block", setup.monteCarloBlock, 1),
        seed: read.whole("Monte Carlo seed", setup.monteCarloSeed, 0, MAX_SEED),
      }
    : undefined;
  if (read.problems.length > 0) return { ok: false, problems: read.problems };

  // The series used, each once, in the order holdings, real histories, benchmark, rate. A real history
  // that nothing follows as an index starts late: it does not bound the rows before its first return.
  const followed = [...seriesUsed(portfolios), benchmark];
  const used = [...followed, ...realHistoriesUsed(portfolios), rate].filter(
    (s, k, list): s is LoadedSeries => s !== undefined && list.indexOf(s) === k
  );
  const startLate = realHistoriesUsed(portfolios)
    .filter((s) => !followed.includes(s))
    .map((s) => used.indexOf(s));
  const unconfirmed = used.filter((s) => s.pending !== undefined);
  if (unconfirmed.length > 0)
    return {
      ok: false,
      problems: unconfirmed.map(
        (s) => `${s.name}: choose its unit on its card under 1. Data — ${s.pending}`
      ),
    };
  const column = (s: LoadedSeries | undefined) => (s === undefined ? -1 : used.indexOf(s));
  let aligned: AlignedSeries;
  try {
    aligned = alignSeries(used, { startLate });
  } catch (error) {
    if (!(error instanceof StackError)) throw error;
    return {
      ok: false,
      problems: [`The series cannot be aligned: ${error.message.replace(/^series: /, "")}.`],
    };
  }
  const { dates, report } = aligned;
  if (monteCarlo && monteCarlo.block > dates.length)
    read.problems.push(`Monte Carlo block: at most the ${dates.length} rows of data.`);
  // BOOTSTRAP resamples the rows of every fund of the sheet (bootstrap.ts): its time budget counts them all.
  const funds = portfolios.reduce((n, p) => n + p.holdings.length, 0);
  const mostPaths = monteCarlo && maxPaths(Math.round(monteCarlo.years * TRADING_DAYS), funds);
  if (monteCarlo && mostPaths !== undefined && monteCarlo.paths > mostPaths) {
    read.problems.push(
      `Monte Carlo: that many paths of that many years would take Excel more than ${TIME_BUDGET_SECONDS} s; use at most ${mostPaths.toLocaleString("en-US")} paths, or fewer years.`
    );
  }
  if (read.problems.length > 0) return { ok: false, problems: read.problems };

  const alignment = describeAlignment(report);
  const config: BacktestConfig = {
    title: setup.title.trim() || DEFAULT_SETUP.title,
    portfolios: toPortfolios(portfolios, column),
    rate: rate === undefined ? undefined : column(rate),
    benchmark: benchmark && { name: benchmark.name, series: column(benchmark) },
    start,
    end,
    startAmount,
    rollingYears,
    monteCarlo,
  };
  const data: BacktestData = {
    dates,
    series: used.map((s, k) => ({ name: s.name, kind: s.kind, values: aligned.values[k] })),
    notes: [...used.map((s) => `${s.name}: ${s.column} of ${s.from}, ${s.reading}.`), ...alignment],
  };
  try {
    return {
      ok: true,
      prepared: { config, data, alignment, layout: backtestSheet(config, data, builtOn).layout },
    };
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
}

const span = ({ count, first, last }: DateSpan) =>
  count === 1
    ? formatDate(first)
    : `${count.toLocaleString("en-US")} dates from ${formatDate(first)} to ${formatDate(last)}`;

/**
 * What alignment did, in plain sentences: the rows and their dates, then each series' dropped, compounded
 * or carried values.
 */
export function describeAlignment(report: AlignmentReport): string[] {
  const lines = [
    `${report.rows.toLocaleString("en-US")} rows of common dates, ${formatDate(report.first)} to ${formatDate(report.last)}.`,
  ];
  const { leading } = report;
  if (leading) {
    lines.push(
      leading.count === 1
        ? `${formatDate(leading.first)} is only the starting point: the first row's returns are measured from it.`
        : `Common dates before ${formatDate(report.first)} (${span(leading)}) are not used: a rate series starts later.`
    );
  }
  for (const s of report.series) {
    if (s.kind === "returns") {
      // A real history that starts late: where it starts says more than the returns it had before.
      if (s.lateFrom !== undefined)
        lines.push(
          s.lateFrom === null
            ? `${s.name}: no return within the common dates, so the holdings spliced onto it are simulated throughout.`
            : `${s.name}: the real fund from ${formatDate(s.lateFrom)}; the rows before use the holding's simulation.`
        );
      else if (s.dropped)
        lines.push(
          `${s.name}: returns outside the common dates are not used (${span(s.dropped)}).`
        );
      if (s.compounded)
        lines.push(
          `${s.name}: returns on dates another series lacks are compounded into the next row (${span(s.compounded)}).`
        );
    } else if (s.filled) {
      const days = `${s.longestCarry} day${s.longestCarry === 1 ? "" : "s"}`;
      lines.push(
        `${s.name}: rows without a rate that day use the last earlier one (${span(s.filled)}; at most ${days} old).`
      );
    }
  }
  return lines;
}
