/**
 * The pane's stacked-portfolio part, built (dist/) and run in headless Chromium with a recording fake of
 * Office.js (browser.ts, fake-office.ts): import a good CSV file, import a broken one (the problems show,
 * nothing is written), build the sheet (the recorded writes are the layout's), remember the file across
 * sessions, explain a protected workbook, work from the keyboard, read the selected range. Keeps
 * screenshots in test-artifacts/.
 */
import { Page } from "playwright-core";
import { CHROMIUM_SUITE, describeInChromium, openPane, PaneSession } from "./browser";

const GOOD = [
  "Asset,Expected return,Volatility,US stocks,Intl stocks,Bonds,Cash",
  "US stocks,7.5,16,1,,,",
  "Intl stocks,8,18,0.8,1,,",
  "Bonds,4.5,6,0.1,0.05,1,",
  "Cash,3.5,1,0,0,0.2,1",
  "",
].join("\n");
const BROKEN = [
  "Asset,Expected return,Volatility,Stocks,Bonds",
  "Stocks,7%,15%,1,",
  "Bonds,5%,-6%,1.3,1",
  "",
].join("\n");

describeInChromium(`the stacked-portfolio part of the pane ${CHROMIUM_SUITE}`, () => {
  let pane: PaneSession;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane();
    page = pane.page;
    await page.getByRole("button", { name: "Build sheet" }).waitFor();
  }, 30_000);

  afterAll(() => pane?.close());

  const excel = () => pane.excel();
  const chooseFile = async (name: string, text: string) => {
    await page.getByRole("tab", { name: "CSV file" }).click();
    await page
      .getByLabel("CSV file of capital market assumptions")
      .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  };

  it("opens on the worked example, ready to build", async () => {
    await page.getByText("3 assets from the “Stocks, bonds and cash (example)” template").waitFor();
    expect(await page.getByRole("button", { name: "Build sheet" }).isEnabled()).toBe(true);
    expect(await page.getByText("Running in EXCEL · OFFICE_ONLINE").isVisible()).toBe(true);
  });

  it("imports a good CSV file and shows what it read", async () => {
    await chooseFile("cma-2025.csv", GOOD);
    await page.getByText("4 assets from cma-2025.csv").waitFor();
    const rows = await page
      .getByRole("table", { name: "Assumptions read" })
      .getByRole("row")
      .allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, " ").trim())).toEqual([
      "Asset Return Volatility",
      "US stocks 7.5% 16.0%",
      "Intl stocks 8.0% 18.0%",
      "Bonds 4.5% 6.0%",
      "Cash 3.5% 1.0%",
    ]);
    expect(
      await page.getByText("read as percentages (7 means 7%), since some are above 1").isVisible()
    ).toBe(true);
  });

  it("imports Excel's Unicode Text export from a European locale: UTF-16, tabs, decimal commas, 'Std Dev'", async () => {
    const text =
      "Actif\tE(R)\tStd Dev\tActions\tObligations\r\nActions\t7,0 %\t15,5 %\t1\t\r\nObligations\t4,5 %\t6,0 %\t-0,3\t1\r\n";
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    await page.getByRole("tab", { name: "CSV file" }).click();
    await page
      .getByLabel("CSV file of capital market assumptions")
      .setInputFiles({ name: "cma-fr.txt", mimeType: "text/plain", buffer: utf16 });
    await page.getByText("2 assets from cma-fr.txt").waitFor();
    const rows = await page
      .getByRole("table", { name: "Assumptions read" })
      .getByRole("row")
      .allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, " ").trim())).toEqual([
      "Asset Return Volatility",
      "Actions 7.0% 15.5%",
      "Obligations 4.5% 6.0%",
    ]);
  });

  it("imports a broken file: every problem listed with its cell, Build disabled, nothing written", async () => {
    await chooseFile("broken.csv", BROKEN);
    await page.getByText("2 problems in broken.csv; nothing will be written").waitFor();
    const problems = await page
      .getByRole("list", { name: "Problems found" })
      .getByRole("listitem")
      .allInnerTexts();
    expect(problems).toEqual([
      "row 3, column C (Bonds volatility): -6% is negative",
      "row 3, column D (Bonds / Stocks correlation): 1.3 is outside -1..1",
    ]);
    expect(await page.getByRole("button", { name: "Build sheet" }).isDisabled()).toBe(true);
    await pane.screenshot("taskpane-problems.png");
    const state = await excel();
    expect(state.syncs).toBe(0);
    expect(state.log).toEqual([]);
  });

  it("builds the sheet from the good file in three round trips, under a free name, with the layout's writes", async () => {
    await chooseFile("cma-2025.csv", GOOD);
    await page.getByRole("button", { name: "Build sheet" }).click();
    await page.getByText("Built “Stack portfolio (2)”").waitFor();
    const state = await excel();
    expect(state.syncs).toBe(3); // read the workbook, add the sheet (and read its id), write
    expect(state.added).toEqual(["Stack portfolio (2)"]);
    const written = (p: string) => state.log.find((r) => r.kind === "set" && r.path === p)?.value;
    expect(written("sheet.getRangeByIndexes(6,0,4,7).formulas")).toEqual([
      ["'US stocks", 0.075, 0.16, 1, 0.8, 0.1, 0],
      ["'Intl stocks", 0.08, 0.18, 0.8, 1, 0.05, 0],
      ["'Bonds", 0.045, 0.06, 0.1, 0.05, 1, 0.2],
      ["'Cash", 0.035, 0.01, 0, 0, 0.2, 1],
    ]);
    const formulas = state.log
      .filter((r) => r.path.endsWith(".formulas"))
      .flatMap((r) => (r.value as unknown[][]).flat());
    expect(formulas).toContain("=STACK.VOL(B14:B17,CMA_Vols,CMA_Correlations,B26,$G$7:$G$10)");
    expect(formulas).toContain('="60/40 "&$A$7&"/"&$A$9');
    expect(
      state.log.filter((r) => r.path === "sheet.names.add").map((r) => (r.value as unknown[])[0])
    ).toContain("CMA_Table");
    expect(state.log.some((r) => r.path === "sheet.activate")).toBe(true);
    await pane.screenshot("taskpane.png");
  });

  it("remembers the last file in the next session", async () => {
    await page.reload();
    await page.getByText("Using cma-2025.csv, the file from your last session.").waitFor();
    expect(await page.getByRole("tab", { name: "CSV file" }).getAttribute("aria-selected")).toBe(
      "true"
    );
    expect(await page.getByText("4 assets from cma-2025.csv").isVisible()).toBe(true);
  });

  it("explains a protected workbook in plain words and writes nothing", async () => {
    await pane.setExcel({ protectedWorkbook: true });
    await page.getByRole("button", { name: "Build sheet" }).click();
    await page
      .getByText(
        "Excel did not let Stack change this workbook: the workbook or a sheet is protected.",
        { exact: false }
      )
      .waitFor();
    const state = await excel();
    expect(state.syncs).toBe(1);
    expect(state.added).toEqual([]);
  });

  it("can be used with the keyboard alone: Tab order follows the page, Enter builds", async () => {
    await page.reload();
    await page.getByRole("tab", { name: "CSV file" }).click();
    await page.getByText("4 assets from cma-2025.csv").waitFor();
    const order: string[] = [];
    while (order[order.length - 1] !== "Build sheet" && order.length < 40) {
      await page.keyboard.press("Tab");
      order.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLSelectElement;
          return (
            el.getAttribute("aria-label") ??
            el.labels?.[0]?.textContent ??
            el.textContent?.trim() ??
            el.tagName
          );
        })
      );
    }
    // From the selected tab (arrow keys move between tabs): the panel's button, the units, the funds
    // step (each fund's holding and remove button, the fund picker, the targets by asset class, the
    // money cap, the pricing of each class), the choice of formulas (a radio group: one stop), then Build.
    const classes = ["US equity", "Global equity", "US Treasuries", "Managed futures"];
    expect(order).toEqual([
      "Choose a CSV file…",
      "Numbers without a % sign are",
      ...["RSSB", "RSST", "NTSX", "VTI"].flatMap((t) => [`${t} holding`, `Remove ${t}`]),
      "Add a fund",
      ...classes,
      "Most money in funds",
      ...classes,
      "Live Stack formulas (need Stack to recalculate)",
      "Build sheet",
    ]);
    await page.keyboard.press("Enter");
    await page.getByText("Built “Stack portfolio (2)”").waitFor();
  });

  it("reads the selected range, naming problems by their sheet cells", async () => {
    await page.getByRole("tab", { name: "Range" }).click();
    await page.getByRole("button", { name: "Read selected range" }).click();
    await page
      .getByText(
        "The selected cells are empty. Select the table, including its header row, and try again."
      )
      .waitFor();
    await pane.setExcel({
      selection: {
        address: "Sheet1!B3:F5",
        rowIndex: 2,
        columnIndex: 1,
        values: [
          ["Asset", "Return", "Vol", "Stocks", "Bonds"],
          ["Stocks", 0.07, 0.15, 1, ""],
          ["Bonds", 0.05, "", -0.3, 1],
        ],
      },
    });
    await page.getByRole("button", { name: "Read selected range" }).click();
    await page.getByText("1 problem in range Sheet1!B3:F5; nothing will be written").waitFor();
    expect(
      await page.getByRole("list", { name: "Problems found" }).getByRole("listitem").allInnerTexts()
    ).toEqual(["row 5, column D (Bonds volatility): blank"]);
  });
});
