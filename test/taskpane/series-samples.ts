/**
 * Small, realistic downloads written by the pane tests: NYSE trading days from January 2023 to June 2024
 * (weekends and exchange holidays left out), a Yahoo Finance file of the S&P 500 total-return index, a
 * Yahoo file of Vanguard's long-term Treasury fund (a mutual fund: one price a day, no volume; missing one
 * day the index has, as such files do), and FRED's 3-month T-bill rate (annual percent, a row for every
 * weekday with an empty value on holidays). Prices follow a seeded random walk at each asset's usual
 * daily volatility, so the files are the same on every run.
 */

/** NYSE holidays of 2023 and the first half of 2024 that fall on weekdays. */
const HOLIDAYS = new Set([
  "2023-01-02",
  "2023-01-16",
  "2023-02-20",
  "2023-04-07",
  "2023-05-29",
  "2023-06-19",
  "2023-07-04",
  "2023-09-04",
  "2023-11-23",
  "2023-12-25",
  "2024-01-01",
  "2024-01-15",
  "2024-02-19",
  "2024-03-29",
  "2024-05-27",
  "2024-06-19",
]);

/** Every weekday from `first` to `last` (yyyy-mm-dd, inclusive). */
function weekdays(first: string, last: string): string[] {
  const days: string[] = [];
  for (
    let t = Date.parse(`${first}T00:00:00Z`);
    t <= Date.parse(`${last}T00:00:00Z`);
    t += 86_400_000
  ) {
    const date = new Date(t);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6)
      days.push(date.toISOString().slice(0, 10));
  }
  return days;
}

const WEEKDAYS = weekdays("2023-01-03", "2024-06-28");
/** The trading days of the sample files. */
export const TRADING_DAYS = WEEKDAYS.filter((day) => !HOLIDAYS.has(day));

/** Normal draws from a seeded generator (mulberry32 and Box–Muller). */
function normals(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** A Yahoo Finance download: Date,Open,High,Low,Close,Adj Close,Volume, prices on a random walk. */
function yahoo(
  days: readonly string[],
  first: number,
  drift: number,
  vol: number,
  seed: number,
  fund: boolean
): string {
  const draw = normals(seed);
  let price = first;
  const rows = days.map((day, k) => {
    if (k > 0) price *= 1 + drift + vol * draw();
    const close = price.toFixed(2);
    if (fund) return `${day},${close},${close},${close},${close},${(price * 0.97).toFixed(6)},0`;
    const open = (price * (1 - vol * 0.3)).toFixed(2);
    return `${day},${open},${(price * (1 + vol * 0.6)).toFixed(2)},${(price * (1 - vol * 0.8)).toFixed(2)},${close},${close},0`;
  });
  return ["Date,Open,High,Low,Close,Adj Close,Volume", ...rows, ""].join("\n");
}

/** ^SP500TR.csv: the S&P 500 total-return index, about 8,600 in January 2023, 1% a day. */
export const SP500TR = yahoo(TRADING_DAYS, 8604.24, 0.0008, 0.01, 500, false);

/** VUSTX.csv: Vanguard Long-Term Treasury Fund, about $9 a share, 0.9% a day; 2023-11-24 (a half day) is missing. */
export const VUSTX = yahoo(
  TRADING_DAYS.filter((day) => day !== "2023-11-24"),
  9.21,
  0,
  0.009,
  30,
  true
);

/** DGS3MO.csv: FRED's 3-month Treasury yield in percent, every weekday, empty on holidays. */
export const DGS3MO = [
  "observation_date,DGS3MO",
  ...WEEKDAYS.map(
    (day, k) =>
      `${day},${HOLIDAYS.has(day) ? "" : (4.6 + 0.9 * Math.min(1, k / 120) - 0.1 * Math.max(0, (k - 300) / 90)).toFixed(2)}`
  ),
  "",
].join("\n");

/**
 * A 3x S&P 500 fund launched on 2023-09-01, for splicing and "Calibrate to a real fund": its daily return
 * is exactly the model LETF.FIT fits without dates, 3·r − c/252 − m·rate·(365/252)/360, with r the
 * ^SP500TR sample's return, rate DGS3MO's that day, m = 2 and c chosen so that the spread for a 0.91%
 * expense ratio is 0.65%: c = 0.91% + 0.65% × 2 × (365/252)·252/360 = 0.91% + 0.65% × 730/360.
 */
export const REAL_FUND = {
  first: "2023-09-01",
  expenseRatio: 0.0091,
  spread: 0.0065,
  annualCost: 0.0091 + (0.0065 * 730) / 360,
  rateMultiple: 2,
} as const;

/** UPRO.csv: the fund above as a Yahoo download (Adj Close to 6 decimals), from REAL_FUND.first. */
export const UPRO = (() => {
  const column = (text: string, k: number) =>
    new Map(
      text
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split(","))
        .map((cells) => [cells[0], cells[k]] as const)
    );
  const index = column(SP500TR, 5);
  const rates = column(DGS3MO, 1);
  const days = TRADING_DAYS.filter((day) => day >= REAL_FUND.first);
  let nav = 40;
  const rows = days.map((day, k) => {
    if (k > 0) {
      const r = Number(index.get(day)) / Number(index.get(days[k - 1])) - 1;
      const rate = Number(rates.get(day)) / 100;
      nav *=
        1 +
        3 * r -
        REAL_FUND.annualCost / 252 -
        (REAL_FUND.rateMultiple * rate * (365 / 252)) / 360;
    }
    const price = nav.toFixed(6);
    return `${day},${price},${price},${price},${price},${price},1000`;
  });
  return ["Date,Open,High,Low,Close,Adj Close,Volume", ...rows, ""].join("\n");
})();

/** The line of the sample file `text` that holds `date` (1-based, as the parser counts). */
export function lineOf(text: string, date: string): number {
  return text.split("\n").findIndex((line) => line.startsWith(`${date},`)) + 1;
}
