/**
 * The pane's backtest part, built (dist/) and run in headless Chromium with a recording fake of Office.js
 * (browser.ts, fake-office.ts), on small realistic downloads written by series-samples.ts: read three
 * files (format and series shown), fill the 55/45 preset, build (the recorded writes hold the data and the
 * =STACK formulas, and add charts), name every control, refuse a broken file (its line named, nothing written, nothing lost),
 * cancel a build (nothing left behind), remember everything in the next session, and read a range of the
 * workbook. Keeps screenshots in test-artifacts/.
 */
import { Page } from "playwright-core";
import { freeSheetName } from "../../src/excel/writer";
import { parseDate } from "../../src/io/series-dates";
import path from "path";
import {
  artifacts,
  CHROMIUM_SUITE,
  describeInChromium,
  formulasOf,
  openPane,
  PaneSession,
  shownText,
} from "./browser";
import { DGS3MO, lineOf, SP500TR, TRADING_DAYS, VUSTX } from "./series-samples";

const FILES = [
  { name: "^SP500TR.csv", text: SP500TR },
  { name: "VUSTX.csv", text: VUSTX },
  { name: "DGS3MO.csv", text: DGS3MO },
];
const PRESET = "55/45 3x S&P 500 / 3x long Treasuries (quarterly)";
/** The first aligned row: the day after the first price. */
const FIRST = TRADING_DAYS[1];
const LAST = TRADING_DAYS[TRADING_DAYS.length - 1];

describeInChromium(`the backtest part of the pane ${CHROMIUM_SUITE}`, () => {
  let pane: PaneSession;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane();
    page = pane.page;
    await page.getByRole("tab", { name: "Backtest" }).click();
  }, 30_000);

  afterAll(() => pane?.close());

  const addFiles = (files: readonly { name: string; text: string }[]) =>
    page
      .getByLabel("CSV files of prices, returns or rates")
      .setInputFiles(
        files.map(({ name, text }) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) }))
      );
  const sourceCards = () => page.getByRole("list", { name: "Data read" }).locator(":scope > li");
  const holding = (name: string) => page.getByRole("group", { name });
  const buildButton = () => page.getByRole("button", { name: "Build backtest sheet" });

  it("reads a Yahoo file of the S&P 500 TR, one of a long-Treasury fund and a FRED rate, and shows what each holds", async () => {
    await addFiles(FILES);
    await sourceCards().nth(2).waitFor();
    const cards = await Promise.all([0, 1, 2].map((k) => shownText(sourceCards().nth(k))));
    const days = TRADING_DAYS.length;
    expect(cards).toEqual([
      `^SP500TR.csv Remove Yahoo Finance · 1 series ^SP500TR [Prices] prices → returns, ${days - 1} values, ${FIRST} to ${LAST} — from the Yahoo Finance layout [Read another column…]`,
      `VUSTX.csv Remove Yahoo Finance · 1 series VUSTX [Prices] prices → returns, ${days - 2} values, ${FIRST} to ${LAST} — from the Yahoo Finance layout [Read another column…]`,
      `DGS3MO.csv Remove FRED · 1 series DGS3MO [Annual rate, %] annual rates in percent, ${days} values, ${TRADING_DAYS[0]} to ${LAST} — from the FRED layout`,
    ]);
  });

  it("fills the 55/45 preset with the loaded series, aligns them and says how, then builds the sheet", async () => {
    await page.getByLabel("Preset").selectOption({ label: PRESET });
    const sp = holding("3x S&P 500");
    expect(await sp.getByLabel("Index series").inputValue()).toBe("^SP500TR");
    expect(await sp.getByLabel("Leverage").inputValue()).toBe("3");
    expect(await sp.getByLabel("Weight").inputValue()).toBe("55");
    expect(await sp.getByLabel("Expense ratio").inputValue()).toBe("0.91");
    expect(await holding("3x long Treasuries").getByLabel("Index series").inputValue()).toBe(
      "VUSTX"
    );
    expect(await holding("3x long Treasuries").getByLabel("Weight").inputValue()).toBe("45");
    expect(await page.getByLabel("Borrowing rate").inputValue()).toBe("DGS3MO");
    expect(await page.getByLabel("Benchmark").inputValue()).toBe("^SP500TR");
    expect(await page.getByLabel("Rebalance", { exact: true }).inputValue()).toBe("Q");
    // The sheet's own check: the default 3-year rolling window does not fit 1½ years of data.
    const todo = page.getByRole("list", { name: "Still to do" }).getByRole("listitem");
    await todo.first().waitFor();
    expect(await todo.allInnerTexts()).toEqual([
      `The rolling window of 3 years (756 days) is longer than the ${TRADING_DAYS.length - 2} days of data: shorten it or widen the dates.`,
    ]);
    expect(await buildButton().isDisabled()).toBe(true);
    await page.getByLabel("Rolling window").fill("1");
    await page
      .getByText(`${TRADING_DAYS.length - 2} rows of common dates, ${FIRST} to ${LAST}.`)
      .waitFor();
    expect(
      await page
        .getByRole("list", { name: "What alignment did" })
        .getByRole("listitem")
        .allInnerTexts()
    ).toEqual([
      "^SP500TR: returns on dates another series lacks are compounded into the next row (2023-11-24).",
    ]);
    await pane.screenshot("backtest-configured.png");

    await buildButton().click();
    await page.getByText(/^Built “/).waitFor();
    const state = await pane.excel();
    expect(state.added).toHaveLength(1);
    const sheet = state.added[0];
    expect(state.sheets).toContain(sheet);
    // The aligned data as values: a row per common date, its Excel serial first.
    const first = parseDate(FIRST);
    const dataRow = state.log
      .filter((r) => r.kind === "set" && r.path.endsWith(".formulas"))
      .flatMap((r) => r.value as unknown[][])
      .find((row) => row[0] === first);
    expect(dataRow).toBeDefined();
    const [, firstPrice, secondPrice] = SP500TR.split("\n").map((line) =>
      Number(line.split(",")[5])
    );
    expect(dataRow).toContainEqual(expect.closeTo(secondPrice / firstPrice - 1, 12));
    const formulas = formulasOf(state.log);
    for (const name of ["STACK.LETF.SERIES", "STACK.BACKTEST", "STACK.STATS"])
      expect(formulas.some((f) => f.includes(`${name}(`))).toBe(true);
    expect(
      state.log.filter((r) => r.kind === "call" && r.path === "sheet.charts.add").length
    ).toBeGreaterThanOrEqual(1);
    expect(state.log.some((r) => r.path === "sheet.activate")).toBe(true);
    await pane.screenshot("backtest-built.png");
  });

  it("names every control for assistive technology, the Monte Carlo fields included", async () => {
    await page
      .getByRole("checkbox", { name: "Add a Monte Carlo block (resampled histories)" })
      .check();
    await page.getByLabel("Years per path").waitFor();
    const unnamed = await page.evaluate(() =>
      Array.from(
        document.querySelectorAll<HTMLElement>(
          "#part-backtest-panel input:not([type=file]), #part-backtest-panel select, #part-backtest-panel button"
        )
      )
        .filter(
          (el) =>
            !(
              (el as HTMLInputElement).labels?.length ||
              el.getAttribute("aria-label") ||
              el.getAttribute("aria-labelledby") ||
              (el.tagName === "BUTTON" && el.textContent?.trim())
            )
        )
        .map((el) => el.outerHTML)
    );
    expect(unnamed).toEqual([]);
    await page
      .getByRole("checkbox", { name: "Add a Monte Carlo block (resampled histories)" })
      .uncheck();
  });

  it("refuses a broken file with the line it stopped at: nothing written, nothing else lost", async () => {
    const before = await pane.excel();
    const broken = SP500TR.replace(/^(2023-03-15,[^,]*,[^,]*,[^,]*,[^,]*,)[^,]*/m, "$1abc");
    await addFiles([{ name: "broken.csv", text: broken }]);
    await page.getByText("Could not read broken.csv; nothing was added from it").waitFor();
    expect(
      await page.getByRole("list", { name: "Problems found" }).getByRole("listitem").allInnerTexts()
    ).toEqual([`line ${lineOf(broken, "2023-03-15")}, column Adj Close: "abc" is not a number`]);
    expect(await sourceCards().count()).toBe(3);
    expect(await buildButton().isEnabled()).toBe(true);
    await pane.screenshot("backtest-problem.png");
    const after = await pane.excel();
    expect([after.syncs, after.log.length, after.sheets]).toEqual([
      before.syncs,
      before.log.length,
      before.sheets,
    ]);
  });

  /**
   * Build, hold the build's `roundTrip`-th context.sync, press Cancel, release it, wait for `outcome`;
   * the Excel state before and after.
   */
  async function cancelDuring(roundTrip: number, outcome: string) {
    const before = await pane.excel();
    await pane.setExcel({ holdSync: before.syncs + roundTrip });
    await buildButton().click();
    await page.waitForFunction(
      () => (window as unknown as { __excel: { held: boolean } }).__excel.held
    );
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("Cancelling…").waitFor();
    await page.evaluate(() => (window as unknown as { __releaseSync: () => void }).__releaseSync());
    await page.getByText(outcome).waitFor();
    return { before, state: await pane.excel() };
  }

  it("cancels a build while Excel is being read: nothing is written and the pane says so", async () => {
    const { before, state } = await cancelDuring(
      1,
      "Cancelled. Nothing was written to the workbook."
    );
    expect([state.added, state.log.length, state.sheets]).toEqual([
      before.added,
      before.log.length,
      before.sheets,
    ]);
    expect(await buildButton().isEnabled()).toBe(true);
  });

  it("cancels a build while the sheet is being written: the new sheet is deleted by its id and the pane says so", async () => {
    // Round trip 1 reads the workbook, 2 adds the sheet, 3 writes it.
    const before = await pane.excel();
    const name = freeSheetName("Stack backtest", before.sheets);
    const { state } = await cancelDuring(
      3,
      `Cancelled. The half-built sheet “${name}” was removed: nothing was left in the workbook.`
    );
    expect(state.added).toEqual([...before.added, name]);
    const id = `{added-${state.added.length}}`;
    expect(state.log).toContainEqual(
      expect.objectContaining({ path: `worksheets.getItem(${JSON.stringify(id)}).delete` })
    );
    expect([state.sheets, state.sheetIds]).toEqual([before.sheets, before.sheetIds]);
  });

  it("when Excel refuses to remove the half-built sheet, the pane names the sheet left and how to remove it", async () => {
    const before = await pane.excel();
    await pane.setExcel({
      refusals: [
        { sync: before.syncs + 3, path: ".formulas", code: "InvalidOperation" },
        { path: ".delete", code: "AccessDenied", message: "The sheet is protected." },
      ],
    });
    await buildButton().click();
    const name = freeSheetName("Stack backtest", before.sheets);
    await page
      .getByText(
        `Stack could not remove the half-built sheet “${name}” (Excel said: The sheet is protected.). It is still in the workbook: right-click its tab and choose Delete.`,
        { exact: false }
      )
      .waitFor();
    expect(await page.getByText("nothing was left", { exact: false }).count()).toBe(0);
    await pane.screenshot("backtest-cleanup-failed.png");
    const state = await pane.excel();
    expect(state.sheets).toEqual([...before.sheets, name]);
    // Leave the workbook as the next tests expect it: the sheet removed, Excel accepting again.
    await pane.setExcel({
      refusals: [],
      sheets: before.sheets,
      sheetIds: before.sheetIds,
    });
  });

  it("remembers the files and the settings in the next session", async () => {
    await page.reload();
    await page
      .getByText(`${TRADING_DAYS.length - 2} rows of common dates, ${FIRST} to ${LAST}.`)
      .waitFor();
    expect(await page.getByRole("tab", { name: "Backtest" }).getAttribute("aria-selected")).toBe(
      "true"
    );
    expect(await sourceCards().count()).toBe(3);
    expect(await holding("3x long Treasuries").getByLabel("Weight").inputValue()).toBe("45");
    expect(await page.getByLabel("Preset").inputValue()).toBe("hfea-55-45");
  });

  it("reads series from the selected range, naming a bad cell by its sheet row", async () => {
    const serial = (k: number) => parseDate(TRADING_DAYS[k]) as number;
    const values: unknown[][] = [
      ["Date", "SPY", "TLT"],
      ...Array.from({ length: 20 }, (_, k) => [serial(k), 380 + k, 100 - k / 4]),
    ];
    await pane.setExcel({
      selection: { address: "Prices!B2:D22", rowIndex: 1, columnIndex: 1, values },
    });
    await page.getByRole("button", { name: "Read selected range" }).click();
    await sourceCards().nth(3).waitFor();
    expect(await shownText(sourceCards().nth(3))).toBe(
      "Prices!B2:D22 Remove Range in this workbook · 2 series SPY [Prices] prices → returns, 19 values, 2023-01-04 to 2023-01-31 — from its values: all above 0, up to 399 TLT [Prices] prices → returns, 19 values, 2023-01-04 to 2023-01-31 — from its values: all above 0, up to 100"
    );

    values[4][2] = "n/a?";
    await pane.setExcel({
      selection: { address: "Prices!B2:D22", rowIndex: 1, columnIndex: 1, values },
    });
    await page.getByRole("button", { name: "Read selected range" }).click();
    await page.getByText("Could not read Prices!B2:D22; nothing was added from it").waitFor();
    expect(
      await page.getByRole("list", { name: "Problems found" }).getByRole("listitem").allInnerTexts()
    ).toEqual(['row 6, column TLT: "n/a?" is not a number']);
    expect(await sourceCards().count()).toBe(4);
  });

  it("shows four portfolios side by side: the Stack vs 2x preset plus one added, then builds them all", async () => {
    await sourceCards()
      .nth(3)
      .getByRole("button", { name: /^Remove/ })
      .click();
    await page.getByLabel("Preset").selectOption("stack-vs-2x");
    const portfolios = page.getByRole("list", { name: "Portfolios" }).locator(":scope > li");
    expect(await portfolios.count()).toBe(3);
    const stack = page.getByRole("group", {
      name: "100/100 stack: 100/100 stocks + Treasuries (RSSB-like)",
    });
    expect(await stack.getByLabel("Kind").inputValue()).toBe("stacked");
    expect(await stack.getByLabel("Index series 1").inputValue()).toBe("^SP500TR");
    expect(await stack.getByLabel("Index series 2").inputValue()).toBe("VUSTX");
    expect(await stack.getByLabel("Fee").inputValue()).toBe("0.4");
    await page.getByRole("button", { name: "Add portfolio" }).click();
    expect(await portfolios.count()).toBe(4);
    expect(await page.getByRole("button", { name: "Add portfolio" }).isDisabled()).toBe(true);
    await page.getByText("4 portfolios: the most the sheet shows side by side.").waitFor();
    await page
      .getByRole("group", { name: "Portfolio 4" })
      .getByLabel("Portfolio name")
      .fill("60/40");
    await page
      .getByText(`${TRADING_DAYS.length - 2} rows of common dates, ${FIRST} to ${LAST}.`)
      .waitFor();
    await pane.screenshot("backtest-four-portfolios.png");
    // The portfolios part alone, at the pane's 340 px, for a closer look.
    await page.getByRole("list", { name: "Portfolios" }).screenshot({
      path: path.join(artifacts, "backtest-portfolios-part.png"),
      animations: "disabled",
    });
    await buildButton().click();
    await page.getByText(/^Built “/).waitFor();
    const formulas = formulasOf((await pane.excel()).log);
    for (const name of [
      "STACK.STACKED",
      "STACK.STRESS",
      "STACK.DRAWDOWNS",
      "STACK.CALENDAR",
      "STACK.CONDITIONAL",
    ])
      expect(formulas.some((f) => f.includes(`${name}(`))).toBe(true);
    expect(formulas.filter((f) => f.startsWith("=STACK.BACKTEST("))).toHaveLength(4);
  });
});
