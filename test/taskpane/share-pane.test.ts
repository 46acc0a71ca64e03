/**
 * The pane's Share part in headless Chromium at 340 px with the fake of Office.js: what it offers (the
 * active sheet or the selection), and that on an Excel without the API it needs (ExcelApi 1.12) it says
 * so in plain words and touches nothing. Screenshot: test-artifacts/taskpane-share.png. Share itself is
 * tested against a fake workbook that batches like Excel in test/excel/share.test.ts.
 */
import { Page } from "playwright-core";
import { CHROMIUM_SUITE, describeInChromium, openPane, PaneSession } from "./browser";

describeInChromium(`the pane's Share part ${CHROMIUM_SUITE}`, () => {
  let pane: PaneSession;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane();
    page = pane.page;
    await page.getByRole("tab", { name: "Share" }).click();
    await page.getByRole("button", { name: "Share as values" }).waitFor();
  }, 30_000);

  afterAll(() => pane?.close());

  it("offers the active sheet or the selected range, the active sheet first", async () => {
    const choices = page.getByRole("radiogroup").getByRole("radio");
    expect(await choices.count()).toBe(2);
    expect(await page.getByLabel("The active sheet").isChecked()).toBe(true);
    expect(await page.getByLabel("The selected range only").isChecked()).toBe(false);
    await pane.screenshot("taskpane-share.png");
  });

  it("on an Excel without ExcelApi 1.12, says what it needs and writes nothing", async () => {
    await pane.setExcel({ unsupported: ["ExcelApi 1.12"] });
    const before = await pane.excel();
    await page.getByRole("button", { name: "Share as values" }).click();
    await page.getByText("Nothing was shared").waitFor();
    const text = await page.getByText("Sharing as values needs a newer Excel").innerText();
    expect(text).toContain("ExcelApi 1.12");
    expect(text).toContain("Nothing was written to the workbook.");
    const after = await pane.excel();
    expect(after.syncs).toBe(before.syncs);
    expect(after.sheets).toEqual(before.sheets);
  });
});
