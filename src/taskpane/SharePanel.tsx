/**
 * The pane's Share part: "Share as values" for the active sheet — any sheet Stack built, or any other —
 * or for the selected range: a copy next to it that opens where Stack is not installed (src/excel/share.ts).
 * Progress counts round trips; Cancel removes the unfinished copy; the outcome says what was frozen and
 * kept, and anything the copy could not keep. Wiring only.
 */
import {
  Button,
  Caption1,
  Field,
  ProgressBar,
  Radio,
  RadioGroup,
  Text,
} from "@fluentui/react-components";
import * as React from "react";
import { cleanCancel, explain } from "../excel/errors";
import { shareAsValues, ShareOptions, ShareProgress, ShareResult } from "../excel/share";
import { STACK_VERSION } from "../version";
import { Message, Notice } from "./build";
import { usePaneStyles } from "./styles";

type Scope = ShareOptions["scope"];
const SCOPES: readonly { readonly value: Scope; readonly label: string }[] = [
  { value: "sheet", label: "The active sheet" },
  { value: "selection", label: "The selected range only" },
];

/** The outcome of a share, in plain words. */
export function shareOutcome(result: ShareResult): Message {
  const { counts, warnings } = result.plan;
  return {
    intent: warnings.length > 0 ? "warning" : "success",
    title: `Shared as “${result.sheetName}”`,
    text: `${counts.formulas} Stack formula${counts.formulas === 1 ? "" : "s"} (${counts.cells.toLocaleString("en-US")} cells) became values; ${counts.kept} native formula${counts.kept === 1 ? "" : "s"} stay live. Formats, widths, conditional formats, print setup and charts are kept. (${result.roundTrips} round trips to Excel.)`,
    items: warnings,
    itemsLabel: "Not kept",
  };
}

export function SharePanel(): React.JSX.Element {
  const styles = usePaneStyles();
  const [scope, setScope] = React.useState<Scope>("sheet");
  const [progress, setProgress] = React.useState<ShareProgress | undefined>();
  const [outcome, setOutcome] = React.useState<Message | undefined>();
  const abort = React.useRef<AbortController | undefined>();

  const share = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setOutcome(undefined);
    setProgress({ done: 0, total: 0 });
    try {
      const result = await shareAsValues({
        scope,
        version: STACK_VERSION,
        signal: controller.signal,
        onProgress: setProgress,
      });
      setOutcome(shareOutcome(result));
    } catch (error) {
      setOutcome({
        intent: cleanCancel(error) ? "warning" : "error",
        title: cleanCancel(error) ? undefined : "Nothing was shared",
        text: explain(error),
      });
    } finally {
      abort.current = undefined;
      setProgress(undefined);
    }
  };

  return (
    <>
      <Text>
        Make a copy that opens anywhere: every result of a =STACK formula becomes the value it shows
        now, so colleagues and clients without Stack see the same numbers.
      </Text>
      <section className={styles.section} aria-labelledby="share-heading">
        <h2 id="share-heading" className={styles.heading}>
          Share as values
        </h2>
        <Field label="What to share">
          <RadioGroup value={scope} onChange={(_, data) => setScope(data.value as Scope)}>
            {SCOPES.map((s) => (
              <Radio key={s.value} value={s.value} label={s.label} />
            ))}
          </RadioGroup>
        </Field>
        <Caption1>
          A new sheet “… (shared)” next to it: formats, widths, conditional formats, print setup and
          charts kept, inputs marked as fixed, a line saying when it was frozen. The original is not
          touched.
        </Caption1>
        <div className={styles.row}>
          <Button
            appearance="primary"
            onClick={() => void share()}
            disabled={progress !== undefined}
          >
            Share as values
          </Button>
          {progress && <Button onClick={() => abort.current?.abort()}>Cancel</Button>}
        </div>
        {progress && (
          <div className={styles.panel}>
            <ProgressBar
              value={progress.total === 0 ? undefined : progress.done / progress.total}
              aria-label="Sharing the sheet"
            />
            <Text size={200} aria-live="polite">
              {progress.total === 0
                ? "Reading the sheet…"
                : `${progress.done} of ${progress.total} round trips done`}
            </Text>
          </div>
        )}
        <div aria-live="polite">{outcome && <Notice message={outcome} />}</div>
      </section>
    </>
  );
}
