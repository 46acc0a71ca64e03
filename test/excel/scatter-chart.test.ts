/**
 * The writer's scatter charts (the stacked-portfolio sheet's efficient frontier and plan charts), under
 * the office-addin-mock fake of Excel: lines without markers, each series with its own x values, and
 * series drawn as markers only (the portfolios next to the frontier).
 */
import { applyLayout } from "../../src/excel/writer";
import { Layout } from "../../src/sheets/layout";
import { fakeExcel } from "./fake-excel";

const layout: Layout = {
  sheetName: "Frontier",
  blocks: [{ row: 0, column: 0, cells: [[0.1, 0.05, 0.2, 0.07, 0.15, 0.06]] }],
  styles: [],
  columnWidths: [],
  names: [],
  charts: [
    {
      kind: "scatter",
      title: "Efficient frontier",
      series: [
        {
          name: "100% exposure",
          values: { row: 1, column: 1, rows: 20, columns: 1 },
          xValues: { row: 1, column: 0, rows: 20, columns: 1 },
        },
        {
          name: "Up to 200%",
          values: { row: 23, column: 1, rows: 20, columns: 1 },
          xValues: { row: 23, column: 0, rows: 20, columns: 1 },
        },
        {
          name: "Your stack",
          values: { row: 30, column: 1, rows: 1, columns: 1 },
          xValues: { row: 31, column: 1, rows: 1, columns: 1 },
          markersOnly: true,
        },
      ],
      valueAxis: { title: "Expected return", numberFormat: "0%" },
      categoryAxis: { title: "Volatility", numberFormat: "0%" },
      legend: "bottom",
      position: { row: 45, column: 0, rows: 18, columns: 6 },
    },
  ],
  showGridlines: false,
};

describe("scatter charts", () => {
  it("adds lines without markers, each series with its own x values, and marker-only points", async () => {
    const fake = fakeExcel([]);
    await applyLayout(fake.context, layout);
    const chart =
      'sheet.charts.add("XYScatterLinesNoMarkers",sheet.getRangeByIndexes(1,1,20,1),"Columns")';
    const value = (path: string) => fake.log.find((r) => r.path === path)?.value;
    expect(value(`${chart}.title.text`)).toBe("Efficient frontier");
    expect(value(`${chart}.series.getItemAt(0).setXAxisValues`)).toEqual([
      "sheet.getRangeByIndexes(1,0,20,1)",
    ]);
    expect(value(`${chart}.series.getItemAt(0).chartType`)).toBeUndefined();
    const levered = `${chart}.series.add("Up to 200%")`;
    expect(value(`${levered}.setValues`)).toEqual(["sheet.getRangeByIndexes(23,1,20,1)"]);
    expect(value(`${levered}.setXAxisValues`)).toEqual(["sheet.getRangeByIndexes(23,0,20,1)"]);
    const point = `${chart}.series.add("Your stack")`;
    expect(value(`${point}.setValues`)).toEqual(["sheet.getRangeByIndexes(30,1,1,1)"]);
    expect(value(`${point}.setXAxisValues`)).toEqual(["sheet.getRangeByIndexes(31,1,1,1)"]);
    expect([
      value(`${point}.chartType`),
      value(`${point}.markerStyle`),
      value(`${point}.markerSize`),
    ]).toEqual(["XYScatter", "Circle", 8]);
    expect(value(`${chart}.axes.categoryAxis.title.text`)).toBe("Volatility");
    expect(value(`${chart}.axes.valueAxis.numberFormat`)).toBe("0%");
    expect(value(`${chart}.setPosition`)).toEqual(["A46", "F63"]);
  });
});
