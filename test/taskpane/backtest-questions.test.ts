/**
 * The pane stops at what only the user can say, in headless Chromium at a taskpane's width (browser.ts,
 * with the recording fake of Office.js): a file whose dates are all ambiguous (monthly prices on the 1st,
 * written dd/mm/yyyy) and a file of returns whose unit is in doubt (they never pass ±1) each stop at a
 * visible question, with the build disabled and the question listed before building; the answer is
 * applied, remembered, and the sheet is built with the numbers that answer gives. Screenshots of both
 * questions are kept in test-artifacts/.
 */
import { Page } from "playwright-core";
import { excelSerial, parseDate } from "../../src/io/series-dates";
import type { Recorded } from "../excel/recorder";
import path from "path";
import {
  artifacts,
  CHROMIUM_SUITE,
  describeInChromium,
  openPane,
  PaneSession,
  shownText,
} from "./browser";
import { TRADING_DAYS } from "./series-samples";

/** 300 months of prices on the 1st, January 1999 to December 2023, as European Excel writes dates. */
const MONTHS = Array.from({ length: 300 }, (_, k) => ({
  year: 1999 + Math.floor(k / 12),
  month: (k % 12) + 1,
}));
/** A deterministic walk: +0.8% a month, ±3% in a cycle of 7 months. */
const PRICES = MONTHS.map((_, k) => 100 * 1.008 ** k * (1 + 0.03 * Math.sin(k)));
const MONTHLY = [
  "Date,Close",
  ...MONTHS.map(
    ({ year, month }, k) => `01/${String(month).padStart(2, "0")}/${year},${PRICES[k].toFixed(4)}`
  ),
  "",
].join("\n");

/** Daily returns in percent (0.42 is 0.42%) that never pass ±1. */
const PATTERN = [0.42, -0.31, 0.18, -0.07, 0.25];
const STRATEGY = [
  "Date,Strategy",
  ...TRADING_DAYS.map((day, k) => `${day},${PATTERN[k % PATTERN.length]}`),
  "",
].join("\n");

/** The rows written to the sheet by `.formulas`, the first cell an Excel serial. */
const writtenRows = (log: readonly Recorded[]) =>
  log
    .filter((r) => r.kind === "set" && r.path.endsWith(".formulas"))
    .flatMap((r) => r.value as unknown[][]);

describeInChromium(`questions before building ${CHROMIUM_SUITE}`, () => {
  let pane: PaneSession;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane();
    page = pane.page;
    await page.getByRole("tab", { name: "Backtest" }).click();
  }, 30_000);

  afterAll(() => pane?.close());

  const addFile = (name: string, text: string) =>
    page
      .getByLabel("CSV files of prices, returns or rates")
      .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  const card = (label: string) =>
    page.getByRole("list", { name: "Data read" }).locator(":scope > li").filter({ hasText: label });
  const buildButton = () => page.getByRole("button", { name: "Build backtest sheet" });
  const stillToDo = () =>
    page.getByRole("list", { name: "Still to do" }).getByRole("listitem").allInnerTexts();

  it("stops at the order of a file's dates when none of them shows it, and builds with the order the user gives", async () => {
    await addFile("eu-monthly.csv", MONTHLY);
    const question = card("eu-monthly.csv").getByText("Day first or month first?");
    await question.waitFor();
    expect(await question.isVisible()).toBe(true);
    expect(
      await card("eu-monthly.csv")
        .getByText(
          "No date in the file has a day above 12, so every date can be read day first or month first (line 3: 01/02/1999 is 1 February 1999 or 2 January 1999). Which order does the file use?"
        )
        .isVisible()
    ).toBe(true);
    expect(await stillToDo()).toContain(
      "eu-monthly.csv: say whether its dates are day first or month first (see its card under 1. Data)."
    );
    expect(await buildButton().isDisabled()).toBe(true);
    await pane.screenshot("backtest-date-question.png");
    await card("eu-monthly.csv").screenshot({
      path: path.join(artifacts, "card-date-question.png"),
    });

    await card("eu-monthly.csv")
      .getByRole("button", { name: /^Day first/ })
      .click();
    await card("eu-monthly.csv")
      .getByText("Dates are day first (dd/mm/yyyy), as you chose")
      .waitFor();
    expect(await shownText(card("eu-monthly.csv"))).toContain(
      "Close [Prices] prices → returns, 299 values, 1999-02-01 to 2023-12-01"
    );
    await page.getByLabel("Preset").selectOption({ label: "100% S&P 500" });
    await page.getByLabel("Rolling window").fill("1");
    await page.getByText("299 rows of common dates, 1999-02-01 to 2023-12-01.").waitFor();
    await buildButton().click();
    await page.getByText(/^Built “/).waitFor();
    // day first: 01/02/1999 is 1 February 1999, and its return is price 1 / price 0 − 1
    const row = writtenRows((await pane.excel()).log).find(
      (cells) => cells[0] === excelSerial(1999, 2, 1)
    );
    expect(row).toBeDefined();
    expect(row?.[1]).toBeCloseTo(
      Number(PRICES[1].toFixed(4)) / Number(PRICES[0].toFixed(4)) - 1,
      12
    );
  });

  it("stops at a series whose unit is in doubt, naming the row, and builds with the unit the user chooses", async () => {
    await card("eu-monthly.csv").getByRole("button", { name: "Remove eu-monthly.csv" }).click();
    await addFile("strategy.csv", STRATEGY);
    const doubt = card("strategy.csv").getByText(
      "⚠ no value is beyond ±1 (the largest, line 2, is 0.42): decimals (0.42 = 42%) or percent (0.42%)? Choose the unit to use this series."
    );
    await doubt.waitFor();
    expect(await doubt.isVisible()).toBe(true);
    const unit = page.getByLabel("Unit of Strategy");
    expect(await unit.inputValue()).toBe("");
    await page.getByLabel("Preset").selectOption({ label: "100% S&P 500" });
    await page.getByLabel("Rolling window").fill("1");
    await page.getByRole("list", { name: "Still to do" }).waitFor();
    expect(await stillToDo()).toEqual([
      "Strategy: choose its unit on its card under 1. Data — no value is beyond ±1 (the largest, line 2, is 0.42): decimals (0.42 = 42%) or percent (0.42%)?",
    ]);
    expect(await buildButton().isDisabled()).toBe(true);
    await pane.screenshot("backtest-unit-question.png");
    await card("strategy.csv").screenshot({ path: path.join(artifacts, "card-unit-question.png") });

    await unit.selectOption({ label: "Returns, %" });
    await card("strategy.csv")
      .getByText("returns in percent (your choice)", { exact: false })
      .waitFor();
    expect(await doubt.count()).toBe(0);
    await page.getByText(`${TRADING_DAYS.length} rows of common dates`, { exact: false }).waitFor();
    await buildButton().click();
    await page.getByText(/^Built “/).waitFor();
    const rows = writtenRows((await pane.excel()).log);
    // percent: 0.42 on the first trading day is 0.0042, −0.31 on the second −0.0031
    const day = (k: number) => rows.find((cells) => cells[0] === parseDate(TRADING_DAYS[k]));
    expect(day(0)?.[1]).toBeCloseTo(0.0042, 15);
    expect(day(1)?.[1]).toBeCloseTo(-0.0031, 15);
    await pane.screenshot("backtest-unit-answered.png");
  });

  it("asks once for several series in doubt, and applies one answer to all of them", async () => {
    const managers = [
      ",HAM1,HAM2,US 3m TR",
      "1996-01-31,0.0074,0.0193,0.00456",
      "1996-02-29,-0.0193,0.0351,0.00398",
      "1996-03-31,0.0155,-0.0098,0.00371",
      "",
    ].join("\n");
    await addFile("managers.csv", managers);
    const bar = card("managers.csv").getByText("3 series need their unit");
    await bar.waitFor();
    await card("managers.csv").screenshot({ path: path.join(artifacts, "card-units-for-all.png") });
    await page
      .getByLabel("Unit of every series of managers.csv to confirm")
      .selectOption({ label: "Returns, decimal" });
    await card("managers.csv").getByText("returns in decimals (your choice)").first().waitFor();
    expect(await bar.count()).toBe(0);
    for (const name of ["HAM1", "HAM2", "US 3m TR"])
      expect(await page.getByLabel(`Unit of ${name}`).inputValue()).toBe("returns");
    await card("managers.csv").getByRole("button", { name: "Remove managers.csv" }).click();
  });

  it("reads a range whose returns are formatted as percentages and whose dates are date cells, without asking", async () => {
    const values: unknown[][] = [
      ["Date", "Fund"],
      ...[0, 1, 2, 3].map((k) => [excelSerial(2024, 1, 2 + k), [0.012, -0.004, 0.0031, 0][k]]),
    ];
    const numberFormat = values.map((_, r) =>
      r === 0 ? ["General", "General"] : ["d/m/yyyy", "0.00%"]
    );
    await pane.setExcel({
      selection: { address: "Data!A1:B5", rowIndex: 0, columnIndex: 0, values, numberFormat },
    });
    await page.getByRole("button", { name: "Read selected range" }).click();
    await card("Data!A1:B5").waitFor();
    // the cells show 1.20%, -0.40%, 0.31%, 0.00%: percent, read exactly as the values Excel holds
    expect(await shownText(card("Data!A1:B5"))).toBe(
      "Data!A1:B5 Remove Range in this workbook · 1 series Fund [Returns, %] returns in percent, 4 values, 2024-01-02 to 2024-01-05 — from the % signs in its cells"
    );
    await card("Data!A1:B5").getByRole("button", { name: "Remove Data!A1:B5" }).click();
  });

  it("remembers the answer in the next session", async () => {
    await page.reload();
    await page.getByText(`${TRADING_DAYS.length} rows of common dates`, { exact: false }).waitFor();
    expect(await page.getByLabel("Unit of Strategy").inputValue()).toBe("returns-percent");
    expect(await buildButton().isEnabled()).toBe(true);
  });
});
