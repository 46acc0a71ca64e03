/**
 * A {@link Layout} written as an .xlsx file, the way Excel would save the sheet, for engines that read
 * files (LibreOffice Calc): values and formulas, number formats, fonts, fills, borders, alignment, column
 * widths, named ranges, print setup, frozen rows, gridlines, tab colour — with exceljs (a test-only
 * devDependency) — and the native charts, which exceljs cannot write, added as DrawingML parts (ECMA-376
 * Part 1 §21.2: one drawing per sheet anchoring one chart part per chart) with jszip.
 *
 * Formulas are stored as Excel stores them: without the "=" and with the `_xlfn.` prefix Excel writes
 * for functions newer than Excel 2007 (NORM.S.INV, PERCENTILE.INC, SWITCH, ...), which other engines
 * need to recognise them. No cached results are written: the reader recalculates (LibreOffice with
 * OOXMLRecalcMode 0, libreoffice.ts).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { rangeName } from "../../src/io/a1";
import { ChartAxis, ChartSpec, isFormula, Layout, Style } from "../../src/sheets/layout";

/** Functions Excel saves with the `_xlfn.` prefix (added after Excel 2007), among those Stack's sheets use. */
const FUTURE_FUNCTIONS = [
  "NORM.S.INV",
  "NORM.S.DIST",
  "NORM.INV",
  "PERCENTILE.INC",
  "PERCENTILE.EXC",
  "QUARTILE.INC",
  "STDEV.S",
  "STDEV.P",
  "SWITCH",
  "IFS",
  "IFNA",
  "MAXIFS",
  "MINIFS",
];
const FUTURE = new RegExp(
  `(?<![A-Za-z0-9_.])(${FUTURE_FUNCTIONS.map((f) => f.replace(/\./g, "\\.")).join("|")})\\(`,
  "gi"
);

/** A formula as an .xlsx file stores it: no "=", future functions prefixed; string literals untouched. */
export function fileFormula(text: string): string {
  return text
    .slice(1)
    .split(/("(?:[^"]|"")*")/)
    .map((part, k) => (k % 2 === 1 ? part : part.replace(FUTURE, (_, name) => `_xlfn.${name}(`)))
    .join("");
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
/** Excel's column width unit is the width of a digit, about 5.6 points in Calibri 11. */
const POINTS_PER_CHARACTER = 5.6;

/** One cell's look, merged from every layout style that covers it, in order. */
interface CellLook {
  numFmt?: string;
  font: Partial<ExcelJS.Font>;
  fill?: string;
  border: Partial<ExcelJS.Borders>;
  alignment: Partial<ExcelJS.Alignment>;
}

/** Overlay `style` on the look of the cell at (i, j) of an area of rows × columns. */
function applyStyle(
  look: CellLook,
  style: Style,
  i: number,
  j: number,
  rows: number,
  columns: number
): void {
  if (style.numberFormat !== undefined) look.numFmt = style.numberFormat;
  const { font } = style;
  if (font?.bold !== undefined) look.font.bold = font.bold;
  if (font?.italic !== undefined) look.font.italic = font.italic;
  if (font?.size !== undefined) look.font.size = font.size;
  if (font?.color !== undefined) look.font.color = { argb: argb(font.color) };
  if (style.fill !== undefined) look.fill = style.fill;
  if (style.horizontalAlignment !== undefined)
    look.alignment.horizontal = style.horizontalAlignment;
  if (style.wrapText !== undefined) look.alignment.wrapText = style.wrapText;
  for (const border of style.borders ?? []) {
    const line: ExcelJS.Border = { style: border.weight, color: { argb: argb(border.color) } };
    for (const side of sidesOf(border.edges, i, j, rows, columns)) look.border[side] = line;
  }
}

/** The sides of the cell at (i, j) of an rows × columns area that each border edge draws. */
function sidesOf(
  edges: readonly string[],
  i: number,
  j: number,
  rows: number,
  columns: number
): ("top" | "bottom" | "left" | "right")[] {
  const sides: ("top" | "bottom" | "left" | "right")[] = [];
  for (const edge of edges) {
    if (edge === "top" && i === 0) sides.push("top");
    if (edge === "bottom" && i === rows - 1) sides.push("bottom");
    if (edge === "left" && j === 0) sides.push("left");
    if (edge === "right" && j === columns - 1) sides.push("right");
    if (edge === "insideHorizontal") {
      if (i > 0) sides.push("top");
      if (i < rows - 1) sides.push("bottom");
    }
    if (edge === "insideVertical") {
      if (j > 0) sides.push("left");
      if (j < columns - 1) sides.push("right");
    }
  }
  return sides;
}

/** The layout's sheet in an exceljs workbook (charts excepted: see {@link writeLayoutXlsx}). */
export function layoutWorkbook(layout: Layout): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(layout.sheetName, {
    properties: layout.tabColor ? { tabColor: { argb: argb(layout.tabColor) } } : {},
    views: [
      {
        showGridLines: layout.showGridlines,
        ...(layout.freeze && (layout.freeze.rows > 0 || layout.freeze.columns > 0)
          ? { state: "frozen", xSplit: layout.freeze.columns, ySplit: layout.freeze.rows }
          : {}),
      },
    ],
  });
  for (const block of layout.blocks)
    block.cells.forEach((row, i) =>
      row.forEach((content, j) => {
        if (content === null) return;
        const cell = sheet.getCell(block.row + i + 1, block.column + j + 1);
        cell.value = isFormula(content) ? { formula: fileFormula(content.formula) } : content;
      })
    );
  const looks = new Map<string, CellLook>();
  for (const { area, style } of layout.styles) {
    for (let i = 0; i < area.rows; i++)
      for (let j = 0; j < area.columns; j++) {
        const key = `${area.row + i},${area.column + j}`;
        const look = looks.get(key) ?? { font: {}, border: {}, alignment: {} };
        applyStyle(look, style, i, j, area.rows, area.columns);
        looks.set(key, look);
      }
  }
  for (const [key, look] of looks) {
    const [r, c] = key.split(",").map(Number);
    const cell = sheet.getCell(r + 1, c + 1);
    if (look.numFmt !== undefined) cell.numFmt = look.numFmt;
    if (Object.keys(look.font).length > 0) cell.font = look.font;
    if (look.fill !== undefined)
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
    if (Object.keys(look.border).length > 0) cell.border = look.border;
    if (Object.keys(look.alignment).length > 0) cell.alignment = look.alignment;
  }
  for (const { column, width } of layout.columnWidths)
    sheet.getColumn(column + 1).width = width / POINTS_PER_CHARACTER;
  const quoted = `'${layout.sheetName.replace(/'/g, "''")}'`;
  for (const name of layout.names)
    book.definedNames.add(`${quoted}!${rangeName(name.area, true)}`, name.name);
  const { print } = layout;
  if (print) {
    sheet.pageSetup = {
      ...sheet.pageSetup,
      orientation: print.orientation,
      // exceljs puts a "$" before each corner; the rows' "$" makes the area absolute (a relative print
      // area moves with the cursor in Calc).
      printArea: rangeName(print.area, true).replace(/(^|:)\$/g, "$1"),
      horizontalCentered: true,
      ...(print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(print.repeatRows
        ? {
            printTitlesRow: `${print.repeatRows.first + 1}:${print.repeatRows.first + print.repeatRows.count}`,
          }
        : {}),
    };
  }
  return book;
}

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const PALETTE = ["0F3C6E", "E36C0A", "7F7F7F", "4F8A3C", "8064A2", "2C9AB7"];
const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rel: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const LEGEND = { top: "t", bottom: "b", right: "r" } as const;

function axisXml(
  kind: "cat" | "val",
  id: number,
  cross: number,
  spec: ChartAxis | undefined,
  labels: number
): string {
  const scaling =
    `<c:scaling>${spec?.logarithmic ? '<c:logBase val="10"/>' : ""}<c:orientation val="minMax"/>` +
    `${spec?.maximum !== undefined ? `<c:max val="${spec.maximum}"/>` : ""}` +
    `${spec?.minimum !== undefined ? `<c:min val="${spec.minimum}"/>` : ""}</c:scaling>`;
  const title = spec?.title
    ? `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${xml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
    : "";
  const format = spec?.numberFormat
    ? `<c:numFmt formatCode="${xml(spec.numberFormat)}" sourceLinked="0"/>`
    : "";
  if (kind === "val")
    return (
      `<c:valAx><c:axId val="${id}"/>${scaling}<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
      `${title}${format}<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
      `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
    );
  // Some 8 labels along the category axis, however many points.
  const skip = Math.max(1, Math.ceil(labels / 8));
  return (
    `<c:catAx><c:axId val="${id}"/>${scaling}<c:delete val="0"/><c:axPos val="b"/>${title}${format}` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="${cross}"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    `<c:tickLblSkip val="${skip}"/><c:tickMarkSkip val="${skip}"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

/** One chart part (ECMA-376 §21.2.2.27 chartSpace) for a {@link ChartSpec} on sheet `quoted`. */
function chartXml(spec: ChartSpec, quoted: string): string {
  const line = spec.kind === "line";
  const series = spec.series
    .map((s, k) => {
      const color = PALETTE[k % PALETTE.length];
      const look = line
        ? `<c:spPr><a:ln w="15875"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
        : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
      const categories = spec.categories
        ? `<c:cat><c:numRef><c:f>${quoted}!${rangeName(spec.categories, true)}</c:f></c:numRef></c:cat>`
        : "";
      return (
        `<c:ser><c:idx val="${k}"/><c:order val="${k}"/><c:tx><c:v>${xml(s.name)}</c:v></c:tx>${look}${categories}` +
        `<c:val><c:numRef><c:f>${quoted}!${rangeName(s.values, true)}</c:f></c:numRef></c:val>${line ? '<c:smooth val="0"/>' : ""}</c:ser>`
      );
    })
    .join("");
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="50"/><c:axId val="1"/><c:axId val="2"/></c:barChart>`;
  const points = spec.series[0].values.rows * spec.series[0].values.columns;
  const legend =
    spec.legend === "none"
      ? ""
      : `<c:legend><c:legendPos val="${LEGEND[spec.legend ?? "right"]}"/><c:overlay val="0"/></c:legend>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${xml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}` +
    `${axisXml("cat", 1, 2, spec.categoryAxis, points)}${axisXml("val", 2, 1, spec.valueAxis, points)}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part that anchors every chart over its cells (ECMA-376 §20.5 twoCellAnchor). */
function drawingXml(charts: readonly ChartSpec[]): string {
  const anchors = charts
    .map((chart, k) => {
      const p = chart.position;
      const at = (tag: string, row: number, column: number) =>
        `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
      return (
        `<xdr:twoCellAnchor>${at("from", p.row, p.column)}${at("to", p.row + p.rows, p.column + p.columns)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="Chart ${k + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}">` +
        `<c:chart xmlns:c="${NS.c}" r:id="rId${k + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors}</xdr:wsDr>`;
}

const relationships = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS.rel}">${items}</Relationships>`;

/** Add the layout's charts to the single-sheet workbook file `file` (exceljs's output). */
async function addCharts(file: Buffer, layout: Layout): Promise<Buffer> {
  if (layout.charts.length === 0) return file;
  const zip = await JSZip.loadAsync(file);
  const quoted = `'${layout.sheetName.replace(/'/g, "''")}'`;
  const rel = `${NS.r}`;
  layout.charts.forEach((chart, k) =>
    zip.file(`xl/charts/chart${k + 1}.xml`, chartXml(chart, quoted))
  );
  zip.file("xl/drawings/drawing1.xml", drawingXml(layout.charts));
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    relationships(
      layout.charts
        .map(
          (_, k) =>
            `<Relationship Id="rId${k + 1}" Type="${rel}/chart" Target="../charts/chart${k + 1}.xml"/>`
        )
        .join("")
    )
  );
  const sheetRels = "xl/worksheets/_rels/sheet1.xml.rels";
  const drawingRel = `<Relationship Id="rIdStackCharts" Type="${rel}/drawing" Target="../drawings/drawing1.xml"/>`;
  const existing = await zip.file(sheetRels)?.async("string");
  zip.file(
    sheetRels,
    existing
      ? existing.replace("</Relationships>", `${drawingRel}</Relationships>`)
      : relationships(drawingRel)
  );
  const sheetPath = "xl/worksheets/sheet1.xml";
  const sheet = (await zip.file(sheetPath)!.async("string")).replace(
    /(<legacyDrawing|<tableParts|<extLst|<\/worksheet>)/,
    `<drawing r:id="rIdStackCharts"/>$1`
  );
  zip.file(
    sheetPath,
    sheet.includes("xmlns:r=")
      ? sheet
      : sheet.replace("<worksheet ", `<worksheet xmlns:r="${rel}" `)
  );
  const types = (await zip.file("[Content_Types].xml")!.async("string")).replace(
    "</Types>",
    `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
      layout.charts
        .map(
          (_, k) =>
            `<Override PartName="/xl/charts/chart${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`
        )
        .join("") +
      "</Types>"
  );
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "nodebuffer" });
}

/** Write `layout` to the .xlsx file `path`, charts included. */
export async function writeLayoutXlsx(layout: Layout, path: string): Promise<void> {
  const { writeFile } = await import("fs/promises");
  const written = Buffer.from(await layoutWorkbook(layout).xlsx.writeBuffer());
  await writeFile(path, await addCharts(written, layout));
}
