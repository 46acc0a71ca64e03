/**
 * The pane's "Funds" step (Stacked portfolio part) in headless Chromium at 340 px with the recording
 * fake of Office.js: the picked funds' live look-through, the mix for a target, classes priced by the
 * assumptions' assets (matched by name, chosen by hand, an unmatched one listed), a typo named and Build
 * held back, and the build writing the funds section's live formulas. Screenshots:
 * test-artifacts/taskpane-funds.png (the pane) and taskpane-funds-section.png (the step alone).
 */
import { Page } from "playwright-core";
import path from "path";
import { artifacts, CHROMIUM_SUITE, describeInChromium, openPane, PaneSession } from "./browser";

describeInChromium(`the pane's Funds step ${CHROMIUM_SUITE}`, () => {
  let pane: PaneSession;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane();
    page = pane.page;
    await page.getByRole("button", { name: "Build sheet" }).waitFor();
  }, 30_000);

  afterAll(() => pane?.close());

  const rows = async (name: string) =>
    (await page.getByRole("table", { name }).getByRole("row").allInnerTexts()).map((r) =>
      r.replace(/\s+/g, " ").trim()
    );

  it("shows the look-through of 30% RSSB, 20% RSST, 50% VTI and the mix for 60/40 + 20% trend", async () => {
    await page.getByText("3 assets from the “Stocks, bonds and cash (example)” template").waitFor();
    // Hand (funds-setup.test.ts): 70% US equity, 30% global, 30% Treasuries, 20% trend, total 150%,
    // financing −50%, expense ratio 0.335%; the mix from test/fixtures/funds_reference.py.
    expect(await rows("Look-through exposure")).toEqual([
      "Look-through Held Mix",
      "US equity 70.0% 63.1%",
      "Global equity 30.0% 4.6%",
      "US Treasuries 30.0% 35.4%",
      "Managed futures 20.0% 16.9%",
      "Total exposure 150.0%",
      "Financing (1 − total) -50.0%",
      "Expense ratio 0.335%",
    ]);
    await page
      .getByText(
        "Mix: 4.6% RSSB, 16.9% RSST, 51.3% NTSX, 0.0% VTI, 27.2% cash · distance from the target 7.8%."
      )
      .waitFor();
    await page
      .getByText("Not priced by your assumptions: Global equity, Managed futures.", {
        exact: false,
      })
      .waitFor();
    await pane.screenshot("taskpane-funds.png");
    await page.locator('section[aria-labelledby="funds-heading"]').screenshot({
      path: path.join(artifacts, "taskpane-funds-section.png"),
      animations: "disabled",
    });
  });

  it("updates live: a new holding, a fund added, a class priced by hand", async () => {
    await page.getByLabel("RSSB holding").fill("50");
    await page.getByRole("cell", { name: "50.0%" }).first().waitFor();
    await page.getByLabel("Add a fund").selectOption("RSBT");
    expect(await page.getByLabel("RSBT holding").inputValue()).toBe("0");
    await page.getByLabel("Global equity", { exact: true }).last().selectOption("Stocks");
    await page
      .getByText("Not priced by your assumptions: Managed futures.", { exact: false })
      .waitFor();
    await page.getByRole("button", { name: "Remove RSBT" }).click();
    expect(await page.getByLabel("RSBT holding").count()).toBe(0);
  });

  it("names a typo and holds Build back until it is fixed", async () => {
    await page.getByLabel("RSST holding").fill("2o");
    await page.getByText("RSST holding: “2o” is not a number.").waitFor();
    expect(await page.getByRole("button", { name: "Build sheet" }).isEnabled()).toBe(false);
    await page.getByLabel("RSST holding").fill("20");
    expect(await page.getByRole("button", { name: "Build sheet" }).isEnabled()).toBe(true);
  });

  it("builds the sheet with the funds section's live formulas and named ranges", async () => {
    await page.getByRole("button", { name: "Build sheet" }).click();
    await page.getByText("Built “Stack portfolio", { exact: false }).waitFor();
    const state = await pane.excel();
    expect(state.syncs).toBe(3); // read the workbook, add the sheet (and read its id), write
    const formulas = state.log
      .filter((r) => r.path.endsWith(".formulas"))
      .flatMap((r) => (r.value as unknown[][]).flat());
    expect(formulas).toContain("=STACK.FUNDS.EXPOSURE(Fund_Holdings,Fund_Exposures)");
    expect(formulas).toContain("=STACK.FUNDS.MIX(Fund_Target,Fund_Exposures,Fund_MaxTotal)");
    const names = state.log
      .filter((r) => r.path === "sheet.names.add")
      .map((r) => (r.value as unknown[])[0]);
    expect(names).toEqual(
      expect.arrayContaining(["Fund_Exposures", "Fund_Holdings", "Fund_Mapping"])
    );
    // The hand choice reached the sheet: "Stocks" is the CMA table's asset, then US equity's pricing
    // (matched by another name) and global equity's (chosen by hand).
    expect(formulas.filter((f) => f === "'Stocks")).toHaveLength(3);
  });
});
