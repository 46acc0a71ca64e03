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
import { MAX_PATHS, maxPaths, TIME_BUDGET_SECONDS } from "../core/bootstrap";
import type { Frequency } from "../core/excel-date";
import { TRADING_DAYS } from "../core/series";
import { StackError } from "../core/errors";
import {
  alignSeries,
  type AlignedSeries,
  type AlignmentReport,
  type DateSpan,
} from "../io/series-align";
import { formatDate, parseDate } from "../io/series-dates";
import type { BacktestConfig, BacktestData, Holding, Preset } from "../sheets/backtest-config";
import { backtestSheet } from "../sheets/backtest-sheet";
import type { Layout } from "../sheets/layout";
import type { LoadedSeries } from "./series-sources";

/** One holding as typed: a name, a series by name, leverage, and percentages. */
export interface HoldingSetup {
  readonly name: string;
  /** A series name from seriesOf(), "" before one is chosen. */
  readonly series: string;
  readonly leverage: string;
  readonly expenseRatio: string;
  readonly spread: string;
  readonly weight: string;
}

/** A calendar code, never, or every k rows. */
export type RebalanceChoice = Frequency | "NONE" | "ROWS";

export interface BacktestSetup {
  readonly title: string;
  /** The preset the holdings came from ("" when none), shown in the preset picker. */
  readonly preset: string;
  readonly holdings: readonly HoldingSetup[];
  /** A "rates" series name, "" for none (0%). */
  readonly rate: string;
  /** A "returns" series name, "" for none. */
  readonly benchmark: string;
  readonly rebalance: RebalanceChoice;
  /** k of "every k rows". */
  readonly rebalanceRows: string;
  /** Drift band in percent, "" for none. */
  readonly band: string;
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
  holdings: [],
  rate: "",
  benchmark: "",
  rebalance: "Q",
  rebalanceRows: "63",
  band: "",
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

/** The rebalancing choices, as the pane lists them. */
export const REBALANCE_CHOICES: readonly {
  readonly value: RebalanceChoice;
  readonly label: string;
}[] = [
  { value: "Q", label: "Quarterly" },
  { value: "M", label: "Monthly" },
  { value: "A", label: "Annually" },
  { value: "W", label: "Weekly" },
  { value: "D", label: "Daily" },
  { value: "ROWS", label: "Every k rows" },
  { value: "NONE", label: "Never (buy and hold)" },
];

/** Series names that look like the S&P 500 (index, total return, index funds), and like long Treasuries. */
const LOOKS_LIKE = {
  index: /s&p|sp ?500|spx|gspc|spy|vfinx|voo|ivv/i,
  treasuries: /treas|tlt|vustx|long|bond|tmf|ubt|edv|zroz|dgs30|ltt/i,
} as const;

/** Drops float noise: 55 + 45.1 → 100.1, 0.0091 × 100 → 0.91. */
const tidy = (x: number) => Number(x.toPrecision(12));

/** Percent text of a decimal: 0.0091 → "0.91". */
const percentText = (x: number) => String(tidy(x * 100));

/**
 * The setup with a preset's holdings and rebalancing. Each holding's role is mapped onto the loaded return
 * series: "index" to the first whose name looks like the S&P 500, "treasuries" to the first that looks like
 * long Treasuries; failing that, the first and second return series. Also picks a benchmark (the index
 * series) and a rate (the first rate series) when none is chosen yet. Spreads start at 0.
 */
export function applyPreset(
  setup: BacktestSetup,
  preset: Preset,
  series: readonly LoadedSeries[]
): BacktestSetup {
  const returns = series.filter(({ kind }) => kind === "returns").map(({ name }) => name);
  const index = returns.find((name) => LOOKS_LIKE.index.test(name)) ?? returns[0] ?? "";
  const treasuries =
    returns.find((name) => name !== index && LOOKS_LIKE.treasuries.test(name)) ??
    returns.find((name) => name !== index) ??
    index;
  const rates = series.filter(({ kind }) => kind === "rates").map(({ name }) => name);
  return {
    ...setup,
    title: preset.label,
    preset: preset.id,
    holdings: preset.holdings.map((h) => ({
      name: h.name,
      series: h.role === "index" ? index : treasuries,
      leverage: String(h.leverage),
      expenseRatio: percentText(h.expenseRatio),
      spread: "0",
      weight: percentText(h.weight),
    })),
    rebalance: typeof preset.rebalance === "number" ? "ROWS" : preset.rebalance,
    rebalanceRows:
      typeof preset.rebalance === "number" ? String(preset.rebalance) : setup.rebalanceRows,
    benchmark:
      setup.benchmark !== "" && returns.includes(setup.benchmark) ? setup.benchmark : index,
    rate: setup.rate !== "" && rates.includes(setup.rate) ? setup.rate : (rates[0] ?? ""),
  };
}

/** A new holding: 1x the first return series not yet held, with no costs and no weight. */
export function newHolding(setup: BacktestSetup, series: readonly LoadedSeries[]): HoldingSetup {
  const returns = series.filter(({ kind }) => kind === "returns").map(({ name }) => name);
  const free =
    returns.find((name) => !setup.holdings.some((h) => h.series === name)) ?? returns[0] ?? "";
  return {
    name: free || `Holding ${setup.holdings.length + 1}`,
    series: free,
    leverage: "1",
    expenseRatio: "0",
    spread: "0",
    weight: "0",
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

/** A typed number, a trailing "%" allowed: "0.91%" → 0.91; NaN when blank or not a number. */
export function typedNumber(text: string): number {
  const trimmed = text.trim().replace(/%$/, "").trim();
  return trimmed === "" ? NaN : Number(trimmed);
}

/** "Weights add up to 100%." — or what the rest is; undefined while a weight is not a number. */
export function describeWeights(holdings: readonly HoldingSetup[]): string | undefined {
  const weights = holdings.map((h) => typedNumber(h.weight));
  if (holdings.length === 0 || !weights.every(Number.isFinite)) return undefined;
  const total = tidy(weights.reduce((a, b) => a + b, 0));
  return total === 100
    ? "Weights add up to 100%."
    : `Weights add up to ${total}%; the other ${tidy(100 - total)}% is cash at 0%.`;
}

/** Reads typed settings into numbers, collecting a problem for each one that is not acceptable. */
class Reader {
  readonly problems: string[] = [];

  /** A number (a trailing "%" allowed), or a problem and NaN. Blank is a problem unless `blank` is given. */
  number(
    what: string,
    text: string,
    test: (x: number) => boolean,
    rule: string,
    blank?: number
  ): number {
    if (text.trim() === "" && blank !== undefined) return blank;
    const value = typedNumber(text);
    if (Number.isNaN(value))
      this.problems.push(
        `${what}: ${text.trim() === "" ? "enter a number" : `“${text.trim()}” is not a number`}.`
      );
    else if (!test(value)) this.problems.push(`${what}: ${rule}.`);
    return Number.isFinite(value) && test(value) ? value : NaN;
  }

  percent(
    what: string,
    text: string,
    test: (x: number) => boolean,
    rule: string,
    blank?: number
  ): number {
    return this.number(what, text, (x) => test(x / 100), rule, blank) / 100;
  }

  whole(what: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    return this.number(
      what,
      text,
      (x) => Number.isInteger(x) && x >= min && x <= max,
      `a whole number from ${min.toLocaleString("en-US")}${max < Number.MAX_SAFE_INTEGER ? ` to ${max.toLocaleString("en-US")}` : " up"}`
    );
  }

  date(what: string, text: string): number | undefined {
    if (text.trim() === "") return undefined;
    const serial = parseDate(text);
    if (serial === null)
      this.problems.push(`${what}: “${text.trim()}” is not a date (yyyy-mm-dd).`);
    return serial ?? undefined;
  }

  /** The series called `name` of the wanted kind, or a problem. */
  series(
    what: string,
    name: string,
    all: readonly LoadedSeries[],
    kind: LoadedSeries["kind"]
  ): LoadedSeries | undefined {
    const found = all.find((s) => s.name === name && s.kind === kind);
    if (!found)
      this.problems.push(
        name === ""
          ? `${what}: choose a series.`
          : `${what}: “${name}” is not among the loaded ${kind === "rates" ? "rate" : "return"} series.`
      );
    return found;
  }
}

const finite = (x: number) => Number.isFinite(x);
const positive = (x: number) => x > 0 && x < Infinity;
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
  if (setup.holdings.length === 0) read.problems.push("Add a holding, or choose a preset.");
  const holdings = setup.holdings.map((h, k) => {
    const what = h.name.trim() || `Holding ${k + 1}`;
    return {
      name: what,
      series: read.series(what, h.series, all, "returns"),
      leverage: read.number(`${what}, leverage`, h.leverage, finite, "a number"),
      expenseRatio: read.percent(
        `${what}, expense ratio`,
        h.expenseRatio,
        (x) => x >= 0 && x < 1,
        "from 0% to 100%"
      ),
      spread: read.percent(
        `${what}, spread`,
        h.spread,
        (x) => x > -1 && x < 1,
        "between -100% and 100%"
      ),
      weight: read.percent(`${what}, weight`, h.weight, finite, "a number"),
    };
  });
  const rate =
    setup.rate === "" ? undefined : read.series("Borrowing rate", setup.rate, all, "rates");
  const benchmark =
    setup.benchmark === "" ? undefined : read.series("Benchmark", setup.benchmark, all, "returns");
  const band = read.percent(
    "Rebalancing band",
    setup.band,
    (x) => x > 0 && x < 1,
    "between 0% and 100%, or blank for none",
    NaN
  );
  const rebalanceRows =
    setup.rebalance === "ROWS" ? read.whole("Rebalance every", setup.rebalanceRows, 1) : NaN;
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

  // The series used, each once, in the order holdings, benchmark, rate.
  const used = [...holdings.map((h) => h.series), benchmark, rate].filter(
    (s, k, list): s is LoadedSeries => s !== undefined && list.indexOf(s) === k
  );
  const column = (s: LoadedSeries | undefined) => (s === undefined ? -1 : used.indexOf(s));
  let aligned: AlignedSeries;
  try {
    aligned = alignSeries(used);
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
  const mostPaths =
    monteCarlo && maxPaths(Math.round(monteCarlo.years * TRADING_DAYS), holdings.length);
  if (monteCarlo && mostPaths !== undefined && monteCarlo.paths > mostPaths) {
    read.problems.push(
      `Monte Carlo: that many paths of that many years would take Excel more than ${TIME_BUDGET_SECONDS} s; use at most ${mostPaths.toLocaleString("en-US")} paths, or fewer years.`
    );
  }
  if (read.problems.length > 0) return { ok: false, problems: read.problems };

  const alignment = describeAlignment(report);
  const config: BacktestConfig = {
    title: setup.title.trim() || DEFAULT_SETUP.title,
    holdings: holdings.map((h): Holding => ({ ...h, series: column(h.series) })),
    rate: rate === undefined ? undefined : column(rate),
    benchmark: benchmark && { name: benchmark.name, series: column(benchmark) },
    rebalance: setup.rebalance === "ROWS" ? rebalanceRows : setup.rebalance,
    band: Number.isNaN(band) ? undefined : band,
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
      if (s.dropped)
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
