/**
 * What makes a backtest configuration impossible to build, in words for the pane, and the rows within
 * the configuration's dates.
 */
import { MAX_PATHS } from "../../core/bootstrap";
import { TRADING_DAYS } from "../../core/series";
import { formatDate } from "../../io/series-dates";
import { BacktestConfig, BacktestData, MAX_PORTFOLIOS } from "../backtest-config";
import { fundsOf, indexSeriesOf, realSeriesOf } from "./context";

/**
 * The rows within [start, end], after checking that the configuration can be built.
 * @throws Error with a message in plain words for the pane
 */
export function checkConfig(
  config: BacktestConfig,
  data: BacktestData
): { first: number; rows: number } {
  const fail = (message: string): never => {
    throw new Error(message);
  };
  if (config.portfolios.length === 0) fail("Add at least one portfolio to backtest.");
  if (config.portfolios.length > MAX_PORTFOLIOS)
    fail(
      `At most ${MAX_PORTFOLIOS} portfolios fit side by side; remove ${config.portfolios.length - MAX_PORTFOLIOS}.`
    );
  const returnSeries = (what: string, series: number) => {
    const found = data.series[series];
    if (found === undefined) fail(`${what}: there is no series ${series + 1} in the data.`);
    else if (found.kind !== "returns")
      fail(`${what}: "${found.name}" is a rate series; choose a series of returns.`);
  };
  /** A real history is blank (NaN) only before its fund existed, so it switches once, from simulated to real. */
  const realHistory = (what: string, series: number) => {
    returnSeries(`${what}, real history`, series);
    const values = data.series[series].values;
    let t = 0;
    while (t < values.length && Number.isNaN(values[t])) t++;
    for (; t < values.length; t++)
      if (Number.isNaN(values[t]))
        fail(
          `${what}: the real history "${data.series[series].name}" has no value on ${formatDate(data.dates[t])}, after its first; only the rows before the fund existed may be blank.`
        );
  };
  for (const p of config.portfolios) {
    if (p.holdings.length === 0) fail(`Portfolio "${p.name}": add at least one holding.`);
    for (const h of p.holdings) {
      const what = `${p.name}, holding "${h.name}"`;
      if (h.source.kind === "letf") returnSeries(what, h.source.series);
      else {
        if (h.source.legs.length === 0)
          fail(`${what}: a stacked fund needs at least one index series.`);
        for (const leg of h.source.legs) returnSeries(what, leg.series);
      }
      if (h.source.real !== undefined) realHistory(what, h.source.real);
    }
  }
  if (config.benchmark)
    returnSeries(`Benchmark "${config.benchmark.name}"`, config.benchmark.series);
  // Only a real history may be blank (before its fund existed), and only where nothing follows it as an index.
  const funds = fundsOf(config);
  const histories = new Set(realSeriesOf(funds));
  const followed = new Set(indexSeriesOf(config, funds));
  data.series.forEach((s, k) => {
    if ((followed.has(k) || !histories.has(k)) && s.values.some(Number.isNaN))
      fail(
        `"${s.name}" has blank rows; only a real fund's history may (before the fund existed), and no fund may follow it as an index.`
      );
  });
  if (config.rate !== undefined) {
    const rate = data.series[config.rate];
    if (rate === undefined)
      fail(`Borrowing rate: there is no series ${config.rate + 1} in the data.`);
    else if (rate.kind !== "rates")
      fail(`Borrowing rate: "${rate.name}" is a series of returns; choose a rate series.`);
  }
  if (!(config.startAmount > 0)) fail("The start amount must be more than 0.");
  if (!(config.rollingYears > 0)) fail("The rolling window must be more than 0 years.");
  const { start, end } = config;
  if (start !== undefined && end !== undefined && start > end)
    fail(`The start date ${formatDate(start)} is after the end date ${formatDate(end)}.`);
  const dates = data.dates;
  let first = 0;
  while (first < dates.length && start !== undefined && dates[first] < start) first++;
  let stop = first;
  while (stop < dates.length && (end === undefined || dates[stop] <= end)) stop++;
  const rows = stop - first;
  if (rows === 0) {
    const asked = `${start === undefined ? "the start" : formatDate(start)} and ${end === undefined ? "the end" : formatDate(end)}`;
    fail(
      dates.length === 0
        ? "The data have no rows."
        : `No data between ${asked}: the data run from ${formatDate(dates[0])} to ${formatDate(dates[dates.length - 1])}.`
    );
  }
  const window = Math.round(config.rollingYears * TRADING_DAYS);
  if (window > rows)
    fail(
      `The rolling window of ${config.rollingYears} years (${window} days) is longer than the ${rows} days of data: shorten it or widen the dates.`
    );
  const paths = config.monteCarlo?.paths;
  if (paths !== undefined && !(Number.isInteger(paths) && paths >= 1 && paths <= MAX_PATHS))
    fail(
      `Monte Carlo paths must be a whole number from 1 to ${MAX_PATHS.toLocaleString("en-US")}.`
    );
  return { first, rows };
}
