/**
 * Spliced holdings, calibrated presets and "Calibrate to a real fund" in the built pane (headless
 * Chromium at 340 px, the recording fake of Office.js): the 55/45 preset's spreads and where they come
 * from, the presets' costs table, a holding spliced onto a real fund that starts late (UPRO.csv, whose
 * returns are exactly the model with a known cost: series-samples' REAL_FUND), the fit shown and its
 * spread filled in, and the built sheet's SPLICE formulas. Screenshots in test-artifacts/.
 */
import { Page } from "playwright-core";
import { PRESET_COSTS } from "../../src/sheets/backtest-config";
import {
  CHROMIUM_SUITE,
  describeInChromium,
  formulasOf,
  openPane,
  PaneSession,
  shownText,
} from "./browser";
import { DGS3MO, SP500TR, TRADING_DAYS, UPRO, VUSTX } from "./series-samples";

const FILES = [
  { name: "^SP500TR.csv", text: SP500TR },
  { name: "VUSTX.csv", text: VUSTX },
  { name: "DGS3MO.csv", text: DGS3MO },
  { name: "UPRO.csv", text: UPRO },
];
const LAST = TRADING_DAYS[TRADING_DAYS.length - 1];

describeInChromium(`spliced and calibrated holdings in the pane ${CHROMIUM_SUITE}`, () => {
  let pane: PaneSession;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane();
    page = pane.page;
    await page.getByRole("tab", { name: "Backtest" }).click();
    await page
      .getByLabel("CSV files of prices, returns or rates")
      .setInputFiles(
        FILES.map(({ name, text }) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) }))
      );
    await page.getByRole("list", { name: "Data read" }).locator(":scope > li").nth(3).waitFor();
    await page
      .getByLabel("Preset")
      .selectOption({ label: "55/45 3x S&P 500 / 3x long Treasuries (quarterly)" });
    await page.getByLabel("Rolling window").fill("1");
  }, 60_000);

  afterAll(() => pane?.close());

  const holding = () => page.getByRole("group", { name: "55/45 3x: 3x S&P 500" });

  it("fills the preset's calibrated spreads and says where each comes from, in the holding and in a table", async () => {
    expect(await holding().getByLabel("Spread").inputValue()).toBe("0.82");
    expect(
      await holding()
        .getByText(/^Spread: /)
        .innerText()
    ).toBe(`Spread: ${PRESET_COSTS.sp3x.source}.`);
    const treasuries = page.getByRole("group", { name: "55/45 3x: 3x long Treasuries" });
    expect(await treasuries.getByLabel("Spread").inputValue()).toBe("0.82");
    expect(await treasuries.getByText(/^Spread: /).innerText()).toBe(
      `Spread: ${PRESET_COSTS.lt3x.source}.`
    );
    await page.getByText("Where the presets' spreads come from").click();
    const rows = page.getByRole("table", { name: "Spreads and their sources" }).getByRole("row");
    const shown = await Promise.all(
      (await rows.all()).map((row) => row.locator("th, td").allInnerTexts())
    );
    expect(shown).toEqual([
      ["Fund", "Expense ratio + spread", "Source of the spread"],
      ...Object.values(PRESET_COSTS).map((c) => [
        c.fund,
        `${(c.expenseRatio * 100).toFixed(2)}% + ${(c.spread * 100).toFixed(2)}%`,
        c.source,
      ]),
    ]);
    await pane.screenshot("backtest-preset-costs.png");
    await page
      .getByRole("table", { name: "Spreads and their sources" })
      .screenshot({ path: "test-artifacts/preset-costs-340.png" });
    await page.getByText("Where the presets' spreads come from").click();
  });

  it("splices the 3x S&P 500 onto UPRO from its first full day, and says so before building", async () => {
    await holding().getByLabel("Real fund history").selectOption("UPRO");
    await page
      .getByText(
        "UPRO: the real fund from 2023-09-06; the rows before use the holding's simulation."
      )
      .waitFor();
    // The rows are not cut to UPRO's: they still start on the index's second day.
    await page
      .getByText(new RegExp(`rows of common dates, ${TRADING_DAYS[1]} to ${LAST}\\.`))
      .waitFor();
  });

  it("calibrates the holding to UPRO: shows the fit, which fit and why, and fills the spread", async () => {
    await holding()
      .getByRole("button", { name: "Calibrate 55/45 3x: 3x S&P 500 to a real fund" })
      .click();
    const panel = holding().getByRole("region", {
      name: "Calibrate 55/45 3x: 3x S&P 500 to a real fund",
    });
    expect(await panel.getByLabel("Real fund's returns").inputValue()).toBe("UPRO");
    const fit = panel.getByRole("definition");
    await fit.first().waitFor();
    const first = TRADING_DAYS.indexOf("2023-09-06");
    // REAL_FUND: c = 0.91% + 0.65% × 730/360 = 2.228%, m = 2, spread 0.65%; the NAV exactly the model.
    expect(await fit.allInnerTexts()).toEqual([
      `2023-09-06 to ${LAST}, ${TRADING_DAYS.length - first} days`,
      "2.23% a year",
      "2.00 × rate (ideal 2, the leverage − 1)",
      "0.65% over the rate, with the 0.91% expense ratio",
      "0.00% a year",
      "1.00000",
      expect.stringMatching(/ × rate \(not used\)$/),
    ]);
    expect(await panel.innerText()).toContain("Fitted without dates (365/252 days a row)");
    await holding().scrollIntoViewIfNeeded();
    await holding().screenshot({ path: "test-artifacts/calibrate-holding-340.png" });
    await pane.screenshot("backtest-calibrate.png");

    await panel.getByRole("button", { name: "Use spread 0.65%" }).click();
    expect(await holding().getByLabel("Spread").inputValue()).toBe("0.65");
    expect(
      await holding()
        .getByText(/^Spread: /)
        .innerText()
    ).toBe(
      `Spread: fitted to UPRO, 2023-09-06 to ${LAST} (LETF.FIT without dates; tracking error 0.00%).`
    );
    // Typing another spread drops the source: it is no longer the fit's.
    await holding().getByLabel("Spread").fill("0.7");
    expect(
      await holding()
        .getByText(/^Spread: /)
        .count()
    ).toBe(0);
    await holding().getByLabel("Spread").fill("0.65");
  });

  it("builds a sheet whose 3x S&P 500 is SPLICE of UPRO over its simulation", async () => {
    await page.getByRole("button", { name: "Build backtest sheet" }).click();
    await page.getByText(/^Built “/).waitFor();
    const formulas = formulasOf((await pane.excel()).log);
    const splice = formulas.filter((f) => f.startsWith("=STACK.SPLICE(IF(ISBLANK("));
    expect(splice).toHaveLength(1);
    expect(splice[0]).toMatch(/,STACK\.LETF\.SERIES\(/);
    expect(await shownText(holding())).toContain("[UPRO]");
  });
});
