/**
 * Checks a built backtest sheet loaded in HyperFormula against the core: every formula cell (and every cell
 * of every spill) equals the core's direct result for the inputs the sheet holds, read back from the
 * engine, so the same check holds after the user edits them. The core (letfSeries, stackedSeries, splice,
 * backtest, growth, drawdowns, rollingAnnualised, seriesStats, benchmarkStats, calendarTable,
 * drawdownEpisodes, stressTest, conditional, bootstrap) is the independent reference of the formulas;
 * annual returns, bucket labels, bleed costs and histogram counts are recomputed by plain loops.
 */
import { DetailedCellError } from "hyperformula";
import { backtest, Schedule } from "../../src/core/backtest";
import { benchmarkStats, BENCHMARK_ROWS } from "../../src/core/benchmark-stats";
import { bootstrap } from "../../src/core/bootstrap";
import { calendarTable } from "../../src/core/calendar";
import { conditional } from "../../src/core/conditional";
import { drawdowns } from "../../src/core/drawdown";
import { drawdownEpisodes } from "../../src/core/drawdown-episodes";
import { excelDate, Frequency } from "../../src/core/excel-date";
import { dayGaps } from "../../src/core/financing";
import { growth } from "../../src/core/growth";
import { letfSeries } from "../../src/core/letf";
import { percentileSorted } from "../../src/core/percentile";
import { rollingAnnualised } from "../../src/core/rolling";
import { splice } from "../../src/core/splice";
import { stackedSeries } from "../../src/core/stacked";
import { seriesStats, STATS_ROWS } from "../../src/core/stats";
import { stressTest } from "../../src/core/stress";
import { BacktestConfig, BacktestData } from "../../src/sheets/backtest-config";
import {
  BacktestSheet,
  HISTOGRAM_BINS,
  MONTE_CARLO_PERCENTILES,
} from "../../src/sheets/backtest-sheet";
import { BLEED_RATES } from "../../src/sheets/backtest/bleed-table";
import { TOP_DRAWDOWNS } from "../../src/sheets/backtest/drawdown-tables";
import { Area, Cell, isFormula } from "../../src/sheets/layout";
import { LoadedLayout } from "./hyperformula-stack";
import { cellsOf, describeValue, key, num } from "./cells";

const columnOf = (a: Area, j: number): Area => ({ ...a, column: a.column + j, columns: 1 });

/** The rebalancing schedule a rebalance cell asks for, read independently of the adapter. */
function scheduleOf(code: unknown, dates: Float64Array): Schedule {
  if (typeof code === "number") return { kind: "rows", every: code };
  const text = String(code).toUpperCase();
  return text === "NONE"
    ? { kind: "none" }
    : { kind: "calendar", frequency: text as Frequency, dates };
}

/** BOOTSTRAP's rebalancing for the same cell: trading days per week, month, quarter and year. */
function bootstrapRowsOf(code: unknown): number {
  if (typeof code === "number") return code;
  const rows: Record<string, number> = { NONE: 0, D: 1, W: 5, M: 21, Q: 63, A: 252 };
  return rows[String(code).toUpperCase()];
}

/** Each calendar year's compounded return, by a plain loop over the daily returns. */
function annualReturns(returns: Float64Array, dates: Float64Array): Map<number, number> {
  const out = new Map<number, number>();
  for (let t = 0; t < returns.length; t++) {
    const year = excelDate(dates[t]).year;
    out.set(year, (1 + (out.get(year) ?? 0)) * (1 + returns[t]) - 1);
  }
  return out;
}

/** The core's results for the inputs on the sheet: each fund, portfolio and the benchmark. */
export interface CoreResults {
  readonly funds: Float64Array[];
  /** Each portfolio, then the benchmark. */
  readonly results: Float64Array[];
  readonly dates: Float64Array;
}

/** Every formula cell against the core; returns the formula cells checked. */
export function checkAgainstCore(
  sheet: BacktestSheet,
  book: LoadedLayout,
  config: BacktestConfig,
  data: BacktestData
): { checked: Set<string>; core: CoreResults } {
  const checked = new Set<string>();
  const value = (c: Cell) => book.value(c);
  const read = (a: Area) => Float64Array.from(cellsOf(a).map((c) => num(book, c)));
  const mark = (a: Area) => cellsOf(a).forEach((c) => checked.add(key(c)));
  /** Cells equal to `expected` within `tolerance` relative to max(1, |expected|); the area's first row is marked checked. */
  const expectArea = (area: Area, expected: readonly ArrayLike<number>[], tolerance = 1e-12) => {
    if (expected.length !== area.columns)
      throw new Error(`${expected.length} columns for ${area.columns}`);
    expected.forEach((values, j) => {
      for (let t = 0; t < area.rows; t++) {
        const cell = { row: area.row + t, column: area.column + j };
        const actual = num(book, cell);
        if (!(Math.abs(actual - values[t]) <= tolerance * Math.max(1, Math.abs(values[t]))))
          throw new Error(`cell ${key(cell)}: ${actual} differs from the core's ${values[t]}`);
      }
    });
    mark({ ...area, rows: 1 });
  };

  // The data, as written: the rows within [start, end].
  const { first, rows } = sheet;
  const slice = (series: number) => data.series[series].values.subarray(first, first + rows);
  const dates = data.dates.subarray(first, first + rows);
  expect(read(sheet.data.dates)).toEqual(dates);
  sheet.index.forEach((series, j) =>
    expect(read(columnOf(sheet.data.index, j))).toEqual(slice(series))
  );
  const rates = config.rate === undefined ? 0 : slice(config.rate);
  if (sheet.data.rates) expect(read(sheet.data.rates)).toEqual(rates);

  // The real histories as written: their values, blank (null) before the fund existed.
  const realArea = sheet.data.real;
  const realOf = (series: number) => {
    const j = sheet.real.indexOf(series);
    return cellsOf(columnOf(realArea!, j)).map((c) => value(c) as number | null);
  };
  sheet.real.forEach((series) =>
    expect(realOf(series)).toEqual(Array.from(slice(series), (x) => (Number.isNaN(x) ? null : x)))
  );

  // Funds (each simulated, then spliced under its real history where it has one), portfolios, benchmark.
  const days = dayGaps(dates);
  const index = sheet.index.map(slice);
  const funds = sheet.funds.map((f, i) => {
    const simulated = simulate(f, i);
    return f.source.real === undefined
      ? simulated
      : splice(realOf(f.source.real), Array.from(simulated));
  });
  function simulate(f: (typeof sheet.funds)[number], i: number): Float64Array {
    const inputs = sheet.inputs.funds[i];
    if (inputs.kind === "letf" && f.source.kind === "letf")
      return letfSeries(
        slice(f.source.series),
        num(book, inputs.leverage),
        num(book, inputs.expenseRatio),
        rates,
        days,
        num(book, inputs.spread)
      );
    if (inputs.kind !== "stacked") throw new Error("inputs do not match the fund");
    return stackedSeries(
      index,
      read(inputs.legs),
      rates,
      days,
      num(book, inputs.premium),
      num(book, inputs.fee)
    );
  }
  expectArea(sheet.data.funds, funds);
  const weights = sheet.inputs.portfolios.map((p) => read(p.weights));
  const portfolios = sheet.inputs.portfolios.map((p, j) => {
    const band = value(p.band);
    return backtest(
      funds,
      weights[j],
      scheduleOf(value(p.rebalance), dates),
      typeof band === "number" ? band : undefined
    );
  });
  const bench = sheet.inputs.benchmark;
  const benchmark =
    bench && config.benchmark
      ? [
          letfSeries(
            slice(config.benchmark.series),
            num(book, bench.leverage),
            num(book, bench.expenseRatio),
            rates,
            days,
            num(book, bench.spread)
          ),
        ]
      : [];
  const results = [...portfolios, ...benchmark];
  expectArea(sheet.data.returns, results);

  // The weights table's formulas.
  sheet.inputs.funds.forEach((inputs, i) => {
    const exposure =
      inputs.kind === "letf"
        ? num(book, inputs.leverage)
        : read(inputs.legs).reduce((s, w) => s + w, 0);
    expect(
      num(book, { row: sheet.inputs.exposure.row + i, column: sheet.inputs.exposure.column })
    ).toBeCloseTo(exposure, 14);
  });
  [sheet.inputs.exposure, sheet.inputs.spread, sheet.inputs.cost].forEach(mark);
  const exposures = read(sheet.inputs.exposure);
  const spreads = read(sheet.inputs.spread);
  const costs = read(sheet.inputs.cost);
  sheet.inputs.portfolios.forEach((p, j) => {
    const total = weights[j].reduce((s, w) => s + w, 0);
    expect(num(book, p.totalWeight)).toBeCloseTo(total, 14);
    const exposure = weights[j].reduce((s, w, i) => s + w * exposures[i], 0);
    expect(num(book, p.exposure)).toBeCloseTo(exposure, 14);
    [p.totalWeight, p.exposure, { ...p.totalWeight, row: p.totalWeight.row + 1 }].forEach((c) =>
      checked.add(key(c))
    );
  });
  const window = Math.round(num(book, sheet.inputs.rollingYears) * 252);
  expect(num(book, sheet.inputs.rollingWindow)).toBe(window);
  checked.add(key(sheet.inputs.rollingWindow));

  // Growth, drawdowns, rolling returns (#N/A before the first full window).
  const start = num(book, sheet.inputs.startAmount);
  expectArea(
    sheet.data.growth,
    results.map((r) => growth(r, start))
  );
  expectArea(
    sheet.data.drawdowns,
    results.map((r) => drawdowns(r))
  );
  const full = {
    ...sheet.data.rolling,
    row: sheet.data.rolling.row + window - 1,
    rows: sheet.data.rolling.rows - window + 1,
  };
  expectArea(
    full,
    results.map((r) => rollingAnnualised(r, window).values.subarray(window - 1))
  );
  for (const c of cellsOf({ ...sheet.data.rolling, rows: window - 1 }))
    expect((value(c) as DetailedCellError).value).toBe("#N/A");
  checked.add(key(sheet.data.rolling));

  // Summary and risk: STATS with the benchmark, against the per-day rate / 252.
  const riskFree = typeof rates === "number" ? 0 : rates.map((r) => r / 252);
  const stats = results.map((r) => seriesStats(r, riskFree, 252));
  STATS_ROWS.forEach(([stat, text], i) => {
    expect(value({ row: sheet.summary.row + i, column: 0 })).toBe(text);
    expectArea(
      { row: sheet.summary.row + i, column: 1, rows: 1, columns: results.length },
      stats.map((s) => [s[stat] as number])
    );
  });
  if (benchmark.length > 0) {
    const against = results.map((r) => benchmarkStats(r, benchmark[0], riskFree, 252));
    BENCHMARK_ROWS.forEach(([stat, text], i) => {
      const row = sheet.summary.row + STATS_ROWS.length + i;
      expect(value({ row, column: 0 })).toBe(text);
      against.forEach((s, j) => {
        const expected = s[stat];
        const cell = { row, column: 1 + j };
        if (typeof expected === "number")
          expect(Math.abs(num(book, cell) - expected)).toBeLessThanOrEqual(
            1e-10 * Math.max(1, Math.abs(expected))
          );
        else expect((value(cell) as DetailedCellError).value).toBe("#DIV/0!");
      });
    });
  }
  checked.add(key(sheet.summary));

  // Annual returns: each year compounded from the daily returns.
  const byYear = results.map((r) => annualReturns(r, dates));
  expect(read(sheet.calendar.yearCells)).toEqual(Float64Array.from(byYear[0].keys()));
  sheet.calendar.years.forEach((year, i) => {
    const area = {
      row: sheet.calendar.annual.row + i,
      column: 1,
      rows: 1,
      columns: results.length,
    };
    expectArea(
      area,
      byYear.map((m) => [m.get(year)!]),
      1e-10
    );
    mark(area);
  });
  // Monthly returns of the first portfolio.
  const table = calendarTable(portfolios[0], dates);
  const monthly = sheet.calendar.monthly;
  expect(value({ row: monthly.row, column: 1 })).toBe("Jan");
  table.forEach((y, i) => {
    const row = monthly.row + 1 + i;
    expect(value({ row, column: 0 })).toBe(y.year);
    y.months.forEach((m, k) => {
      const v = value({ row, column: 1 + k });
      if (m === null) expect(v === "" || v === null).toBe(true);
      else expect(v as number).toBeCloseTo(m, 12);
    });
    expect(value({ row, column: 13 }) as number).toBeCloseTo(y.total, 12);
  });
  checked.add(key(monthly));

  // Drawdown tables.
  sheet.drawdownTables.forEach((area, j) => {
    const episodes = drawdownEpisodes(portfolios[j]).slice(0, TOP_DRAWDOWNS);
    episodes.forEach((e, k) => {
      const row = area.row + 1 + k;
      expect(num(book, { row, column: 0 })).toBeCloseTo(e.depth, 12);
      expect(value({ row, column: 2 })).toBe(dates[e.trough]);
      if (e.peak >= 0) expect(value({ row, column: 1 })).toBe(dates[e.peak]);
      expect(value({ row, column: 4 })).toBe(e.trough - e.peak);
      if (e.recovery !== null) expect(value({ row, column: 3 })).toBe(dates[e.recovery]);
      else expect((value({ row, column: 3 }) as DetailedCellError).value).toBe("#N/A");
    });
    checked.add(key(area));
  });

  // Stress: the episodes on the sheet, each result column's return and drawdown inside it.
  const episodes = cellsOf({ ...sheet.stress.episodes, columns: 1 })
    .map((c) => ({
      name: value(c),
      first: value({ ...c, column: 1 }),
      last: value({ ...c, column: 2 }),
    }))
    .filter((e) => typeof e.name === "string");
  const stress = stressTest(
    results,
    dates,
    episodes as { name: string; first: number; last: number }[]
  );
  stress.forEach((s, k) => {
    const row = sheet.stress.results.row + 1 + k;
    expect(value({ row, column: 0 })).toBe(episodes[k].name);
    results.forEach((_, j) => {
      const [r, dd] = [
        { row, column: 3 + 2 * j },
        { row, column: 4 + 2 * j },
      ];
      if (s === null) expect((value(r) as DetailedCellError).value).toBe("#N/A");
      else {
        expect(num(book, r)).toBeCloseTo(s.returns[j], 12);
        expect(num(book, dd)).toBeCloseTo(s.maxDrawdowns[j], 12);
      }
    });
  });
  checked.add(key(sheet.stress.results));

  // Conditional behaviour: the table, the labels and each day's bucket.
  const block = sheet.conditional;
  if (block) {
    const edges = read(block.edges);
    const buckets = conditional(index[0], index[1], edges);
    buckets.forEach((b, k) => {
      const row = block.table.row + 1 + k;
      expect(value({ row, column: 2 })).toBe(b.count);
      if (b.stats) expect(num(book, { row, column: 5 })).toBeCloseTo(b.stats.median, 14);
    });
    checked.add(key(block.table));
    const labels = cellsOf(block.labels).map((c) => value(c));
    const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
    expect(labels).toEqual([
      `≤ ${pct(edges[0])}`,
      ...Array.from(
        { length: edges.length - 1 },
        (_, i) => `${pct(edges[i])} to ${pct(edges[i + 1])}`
      ),
      `> ${pct(edges[edges.length - 1])}`,
    ]);
    mark(block.labels);
    for (let t = 0; t < rows; t++) {
      let bucket = 0;
      for (const e of edges) if (index[0][t] > e) bucket++;
      const cell = { row: block.buckets.row + t, column: block.buckets.column };
      if (value(cell) !== labels[bucket])
        throw new Error(
          `row ${t}: bucket ${describeValue(value(cell))}, expected ${labels[bucket]}`
        );
      if (value({ ...cell, column: cell.column + 1 }) !== index[1][t])
        throw new Error(`row ${t}: y differs`);
    }
    checked.add(key(block.buckets));
    checked.add(key({ ...block.buckets, column: block.buckets.column + 1 }));
  }

  // Financing bleed: Σ weight × ((E − 1)·rate + max(E − 1, 0)·spread + fee), and the break-even excess.
  BLEED_RATES.forEach((_, i) => {
    const rate = num(book, { row: sheet.bleed.rates.row + i, column: 0 });
    sheet.inputs.portfolios.forEach((p, j) => {
      const cost = weights[j].reduce(
        (s, w, f) =>
          s +
          w * ((exposures[f] - 1) * rate + Math.max(exposures[f] - 1, 0) * spreads[f] + costs[f]),
        0
      );
      const cell = { row: sheet.bleed.costs.row + i, column: sheet.bleed.costs.column + j };
      expect(num(book, cell)).toBeCloseTo(cost, 14);
      const X = num(book, p.exposure);
      const breakEven = value({
        row: sheet.bleed.breakEven.row + i,
        column: sheet.bleed.breakEven.column + j,
      });
      if (X > 1) expect(breakEven as number).toBeCloseTo((cost - (X - 1) * rate) / (X - 1), 14);
      else expect(breakEven).toBe("no borrowing");
    });
  });
  mark(sheet.bleed.costs);
  mark(sheet.bleed.breakEven);

  const mc = sheet.monteCarlo;
  if (mc) {
    const all: number[] = [];
    const paths = sheet.inputs.portfolios.map((p, j) => {
      const code = value(p.rebalance);
      const out = bootstrap(
        funds,
        weights[j],
        num(book, mc.years),
        mc.paths,
        num(book, mc.block),
        num(book, mc.seed),
        bootstrapRowsOf(code),
        252
      );
      all.push(...out);
      checked.add(key(mc.rebalanceRows[j]));
      return out;
    });
    expectArea(mc.results, paths);
    paths.forEach((ps, j) => {
      const sorted = Float64Array.from(ps).sort();
      MONTE_CARLO_PERCENTILES.forEach((q, i) =>
        expect(
          num(book, { row: mc.percentiles.row + i, column: mc.percentiles.column + j })
        ).toBeCloseTo(percentileSorted(sorted, q), 12)
      );
      expect(num(book, { row: mc.lossShare.row, column: mc.lossShare.column + j })).toBeCloseTo(
        ps.filter((x) => x < 0).length / mc.paths,
        14
      );
    });
    mark(mc.percentiles);
    mark(mc.lossShare);
    const low = Math.min(...all);
    const high = Math.max(...all);
    const width = (high - low) / HISTOGRAM_BINS;
    expect(num(book, mc.binWidth)).toBe(width);
    checked.add(key(mc.binWidth));
    const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) =>
      i === 0 ? low : i === HISTOGRAM_BINS ? high : low + i * width
    );
    const counts = paths.map((ps) =>
      edges
        .slice(0, -1)
        .map(
          (from, i) =>
            ps.filter(
              (x) => (i === 0 || x >= from) && (i === HISTOGRAM_BINS - 1 || x < edges[i + 1])
            ).length
        )
    );
    expectArea(mc.histogram.from, [edges.slice(0, -1)], 0);
    expectArea(mc.histogram.to, [edges.slice(1)], 0);
    expectArea(mc.histogram.counts, counts, 0);
    [mc.histogram.from, mc.histogram.to, mc.histogram.counts].forEach(mark);
  }

  for (const { cell, text } of sheet.labels) {
    expect(value(cell)).toBe(text);
    checked.add(key(cell));
  }
  return { checked, core: { funds, results, dates } };
}

/** Every formula cell of a layout. */
export function formulaCells(sheet: BacktestSheet): string[] {
  return sheet.layout.blocks.flatMap((b) =>
    b.cells.flatMap((row, i) =>
      row.flatMap((content, j) =>
        isFormula(content) ? [key({ row: b.row + i, column: b.column + j })] : []
      )
    )
  );
}
