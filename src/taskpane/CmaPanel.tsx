/**
 * The pane's stacked-portfolio part: choose capital market assumptions (a template, a CSV file, pasted
 * text or the selected range), see what was read or every problem found, and build the stacked-portfolio
 * sheet. Wiring only: reading is src/io, the sheet is src/sheets, Excel calls are src/excel.
 */
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  Radio,
  RadioGroup,
} from "@fluentui/react-components";
import * as React from "react";
import { StackError } from "../core/errors";
import { CmaImport, readCmaGrid, readCmaText, Units } from "../io/cma-table";
import { decodeFileText } from "../io/file-text";
import { template, TEMPLATES } from "../io/templates";
import { explain } from "../excel/errors";
import { readSelection } from "../excel/selection";
import { cmaSheet } from "../sheets/cma-sheet";
import type { FormulaKind } from "../sheets/portfolio-formulas";
import { BuildControls, Message, Notice, roundTrips, today, useSheetBuild } from "./build";
import { DEFAULT_FUNDS, FundsState, readFunds } from "./funds-setup";
import { FundsStep } from "./FundsStep";
import { recall, remember, Remembered, SourceKind } from "./office-helpers";
import { choice, Options } from "./Options";
import { usePaneStyles } from "./styles";

/** A CSV file larger than this is not a CMA table. */
const MAX_FILE_BYTES = 1_000_000;
const WORKBOOK_FILE = /\.(xlsx|xlsm|xlsb|xls|ods)$/i;

/** A table as read, with where it came from (shown in messages and under the sheet's title). */
interface Reading {
  readonly result: CmaImport;
  readonly source: string;
}

/** The raw input of the last read, kept so a change of units re-reads it. */
type Raw =
  | { readonly kind: "text"; readonly text: string; readonly source: string }
  | {
      readonly kind: "grid";
      readonly values: readonly (readonly unknown[])[];
      readonly origin: { row: number; column: number };
      readonly source: string;
    };

const SOURCE_TABS: readonly { readonly value: SourceKind; readonly label: string }[] = [
  { value: "template", label: "Template" },
  { value: "file", label: "CSV file" },
  { value: "paste", label: "Paste" },
  { value: "range", label: "Range" },
];

const UNIT_CHOICES: readonly { readonly value: Units; readonly label: string }[] = [
  { value: "auto", label: "Detect (a % in the header, or values above 1)" },
  { value: "percent", label: "Percent (7 means 7%)" },
  { value: "decimal", label: "Decimals (0.07 means 7%)" },
];

const FORMULA_CHOICES: readonly { readonly value: FormulaKind; readonly label: string }[] = [
  { value: "live", label: "Live Stack formulas (need Stack to recalculate)" },
  { value: "portable", label: "Portable Excel formulas (work without Stack)" },
];

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function read(raw: Raw, units: Units): Reading {
  const result =
    raw.kind === "text"
      ? readCmaText(raw.text, { units })
      : readCmaGrid(raw.values, { units, origin: raw.origin });
  return { result, source: raw.source };
}

const templateRaw = (id: string): Raw | undefined => {
  const t = template(id);
  return t && { kind: "text", text: t.csv, source: `the “${t.label}” template` };
};

/** The pane's starting point: the last session's source, or the worked example. */
function initialState(): { remembered: Remembered; raw?: Raw } {
  const last = recall("pane");
  const remembered: Remembered = {
    source: last?.source ?? "template",
    templateId: last?.templateId && template(last.templateId) ? last.templateId : TEMPLATES[0].id,
    units: last?.units ?? "auto",
    file: last?.file,
    pasted: last?.pasted,
  };
  const raw: Raw | undefined =
    remembered.source === "template"
      ? templateRaw(remembered.templateId)
      : remembered.source === "file" && remembered.file
        ? { kind: "text", text: remembered.file.text, source: remembered.file.name }
        : remembered.source === "paste" && remembered.pasted
          ? { kind: "text", text: remembered.pasted, source: "pasted text" }
          : undefined;
  return { remembered, raw };
}

/** The stacked-portfolio part: source, what was read, build. */
export function CmaPanel(): React.JSX.Element {
  const styles = usePaneStyles();
  const [start] = React.useState(initialState);
  const [memory, setMemory] = React.useState<Remembered>(start.remembered);
  const [raw, setRaw] = React.useState<Raw | undefined>(start.raw);
  const [pasted, setPasted] = React.useState(start.remembered.pasted ?? "");
  // A note about the source (a remembered file, an XLSX file, a selection that failed) and the build's outcome.
  const [notice, setNotice] = React.useState<Message | undefined>(
    start.raw && start.remembered.source === "file"
      ? {
          intent: "info",
          text: `Using ${start.remembered.file?.name}, the file from your last session.`,
        }
      : undefined
  );
  const [selecting, setSelecting] = React.useState(false);
  const build = useSheetBuild();
  const fileInput = React.useRef<HTMLInputElement>(null);

  const reading = React.useMemo(
    () => (raw ? read(raw, memory.units) : undefined),
    [raw, memory.units]
  );
  const table = reading?.result.table;
  const [funds, setFunds] = React.useState<FundsState>(DEFAULT_FUNDS);
  const [formulas, setFormulas] = React.useState<FormulaKind>("live");
  const fundsReading = React.useMemo(() => readFunds(funds, table?.assets), [funds, table]);

  const update = (changes: Partial<Remembered>) => {
    const next = { ...memory, ...changes };
    setMemory(next);
    remember("pane", next);
  };
  const use = (next: Raw | undefined, changes: Partial<Remembered>, note?: Message) => {
    setRaw(next);
    setNotice(note);
    build.setOutcome(undefined);
    update(changes);
  };

  const chooseTemplate = (id: string) =>
    use(templateRaw(id), { source: "template", templateId: id });

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    if (WORKBOOK_FILE.test(file.name)) {
      use(
        undefined,
        { source: "file" },
        {
          intent: "info",
          title: "Excel workbooks are read from the sheet",
          text: `Open ${file.name} in Excel, select the table including its header row, then use Range > Read selected range.`,
        }
      );
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      use(
        undefined,
        { source: "file" },
        {
          intent: "error",
          text: `${file.name} is ${Math.round(file.size / 1000)} KB: too large for a table of assumptions.`,
        }
      );
      return;
    }
    let text: string;
    try {
      // UTF-8, UTF-16 (Excel's Unicode Text) or Windows-1252; a binary file is refused in words
      text = decodeFileText(new Uint8Array(await file.arrayBuffer())).text;
    } catch (error) {
      if (!(error instanceof StackError)) throw error;
      use(
        undefined,
        { source: "file" },
        { intent: "error", text: `${file.name}: ${error.message}` }
      );
      return;
    }
    use(
      { kind: "text", text, source: file.name },
      { source: "file", file: { name: file.name, text } }
    );
  };

  const readPasted = () =>
    use({ kind: "text", text: pasted, source: "pasted text" }, { source: "paste", pasted });

  const readRange = async () => {
    setSelecting(true);
    try {
      const range = await readSelection();
      use(
        {
          kind: "grid",
          values: range.values,
          origin: { row: range.row, column: range.column },
          source: `range ${range.address}`,
        },
        { source: "range" }
      );
    } catch (error) {
      use(undefined, { source: "range" }, { intent: "error", text: explain(error) });
    } finally {
      setSelecting(false);
    }
  };

  const buildSheet = () => {
    if (!table || !reading) return;
    void build.run(
      () =>
        cmaSheet(table, {
          source: reading.source,
          builtOn: today(),
          funds: fundsReading.setup,
          formulas,
        }).layout,
      (result) => ({
        intent: "success",
        title: `Built “${result.sheetName}”`,
        text: `Edit the orange cells on the sheet; every result recalculates${formulas === "portable" ? ", with or without Stack" : ""}. (${roundTrips(result)}.)`,
      })
    );
  };

  const problems = reading?.result.problems ?? [];
  return (
    <>
      <Text>Build a live stacked-portfolio sheet from your capital market assumptions.</Text>

      <section className={styles.section} aria-labelledby="source-heading">
        <h2 id="source-heading" className={styles.heading}>
          1. Capital market assumptions
        </h2>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={memory.source}
          onTabSelect={(_, data) => update({ source: data.value as SourceKind })}
          aria-label="Where the table comes from"
        >
          {SOURCE_TABS.map((t) => (
            <Tab key={t.value} value={t.value} id={`tab-${t.value}`} aria-controls="source-panel">
              {t.label}
            </Tab>
          ))}
        </TabList>
        <div
          id="source-panel"
          role="tabpanel"
          aria-labelledby={`tab-${memory.source}`}
          className={styles.panel}
        >
          {memory.source === "template" && (
            <Field label="Template" hint={template(memory.templateId)?.description}>
              <Select value={memory.templateId} onChange={(_, data) => chooseTemplate(data.value)}>
                {TEMPLATES.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {memory.source === "file" && (
            <>
              <div className={styles.row}>
                <Button onClick={() => fileInput.current?.click()}>Choose a CSV file…</Button>
                {memory.file && <Caption1>Last: {memory.file.name}</Caption1>}
              </div>
              <input
                ref={fileInput}
                type="file"
                accept=".csv,.tsv,.txt,text/csv,text/plain,.xlsx,.xls"
                aria-label="CSV file of capital market assumptions"
                hidden
                onChange={(event) => {
                  void chooseFile(event.target.files?.[0]);
                  event.target.value = "";
                }}
              />
              <Caption1>
                One row per asset: name, expected return, volatility, then its correlations. An
                Excel workbook? Open it in Excel and use Range.
              </Caption1>
            </>
          )}
          {memory.source === "paste" && (
            <>
              <Field label="Table (copied from Excel, a web page or a CSV file)">
                <Textarea
                  value={pasted}
                  onChange={(_, data) => setPasted(data.value)}
                  rows={6}
                  resize="vertical"
                  placeholder={
                    "Asset\tReturn\tVolatility\tStocks\tBonds\nStocks\t7%\t15%\t1\nBonds\t5%\t6%\t-0.3\t1"
                  }
                />
              </Field>
              <div className={styles.row}>
                <Button onClick={readPasted} disabled={pasted.trim() === ""}>
                  Read pasted table
                </Button>
              </div>
            </>
          )}
          {memory.source === "range" && (
            <>
              <Caption1>
                Select the table in the workbook, including its header row (an XLSX file: open it in
                Excel first).
              </Caption1>
              <div className={styles.row}>
                <Button
                  onClick={() => void readRange()}
                  disabled={selecting || build.progress !== undefined}
                >
                  Read selected range
                </Button>
              </div>
            </>
          )}
        </div>
        <Field label="Numbers without a % sign are">
          <Select
            value={memory.units}
            onChange={(_, data) => update({ units: data.value as Units })}
          >
            <Options items={UNIT_CHOICES} {...choice} />
          </Select>
        </Field>
      </section>

      <div aria-live="polite" className={styles.section}>
        {notice && <Notice message={notice} />}
        {reading && table && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {table.assets.length} assets from {reading.source}
              </MessageBarTitle>
              {reading.result.notes.length > 0 && (
                <ul className={styles.notes}>
                  {reading.result.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {reading && !table && (
          <Notice
            message={{
              intent: "error",
              title: `${problems.length === 1 ? "1 problem" : `${problems.length} problems`} in ${reading.source}; nothing will be written`,
              items: problems,
              itemsLabel: "Problems found",
            }}
          />
        )}
        {table && (
          <Table size="extra-small" aria-label="Assumptions read">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Asset</TableHeaderCell>
                <TableHeaderCell button={{ className: styles.numberHeading }}>
                  Return
                </TableHeaderCell>
                <TableHeaderCell button={{ className: styles.numberHeading }}>
                  Volatility
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {table.assets.map((asset, i) => (
                <TableRow key={asset}>
                  <TableCell>{asset}</TableCell>
                  <TableCell className={styles.number}>{percent(table.returns[i])}</TableCell>
                  <TableCell className={styles.number}>{percent(table.vols[i])}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>

      <FundsStep state={funds} reading={fundsReading} assets={table?.assets} onChange={setFunds} />

      <section className={styles.section} aria-labelledby="build-heading">
        <h2 id="build-heading" className={styles.heading}>
          3. Stacked-portfolio sheet
        </h2>
        <Caption1>
          A new sheet with your table, weights you can edit, financing terms, and live =STACK
          formulas for your stack, 100% stocks and 60/40, with an efficient frontier, the Monte
          Carlo of a plan, then your funds. Your other sheets are not touched.
        </Caption1>
        <Field
          label="Formulas"
          hint={
            formulas === "portable"
              ? "Excel's own functions only: the workbook works for anyone. The funds' mix for a target is computed once, when built."
              : "=STACK formulas: everything recalculates, including the funds' mix; without Stack they show #NAME?."
          }
        >
          <RadioGroup
            value={formulas}
            onChange={(_, data) => setFormulas(data.value as FormulaKind)}
          >
            {FORMULA_CHOICES.map((c) => (
              <Radio key={c.value} value={c.value} label={c.label} />
            ))}
          </RadioGroup>
        </Field>
        <BuildControls
          build={build}
          label="Build sheet"
          disabled={!table || selecting || fundsReading.problems.length > 0}
          onBuild={buildSheet}
        />
      </section>
    </>
  );
}
