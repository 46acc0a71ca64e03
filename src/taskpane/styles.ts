/** The pane's look, shared by its parts: Fluent UI v9 tokens, laid out for a taskpane 320–350 px wide. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const usePaneStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: "14px",
    padding: "12px 14px 16px",
    maxWidth: "560px",
    // Controls shrink with the pane: a select is otherwise as wide as its longest option.
    "& .fui-Select, & .fui-Input": { minWidth: 0 },
  },
  /** One part of the pane (a tab's content); its display is left alone so that `hidden` hides it. */
  part: { "&:not([hidden])": { display: "flex", flexDirection: "column", gap: "14px" } },
  header: { display: "flex", flexDirection: "column", gap: "2px" },
  title: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
    margin: 0,
  },
  section: { display: "flex", flexDirection: "column", gap: "10px" },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  subheading: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
  },
  tabs: { marginLeft: "-10px" },
  panel: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  /** Two fields side by side (numbers), each at least half the pane. */
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "8px" },
  list: {
    margin: "4px 0 0",
    paddingLeft: "18px",
    display: "flex",
    flexDirection: "column",
    gap: "4px",
  },
  notes: { margin: 0, paddingLeft: "18px", color: tokens.colorNeutralForeground3 },
  number: { textAlign: "right" },
  numberHeading: { justifyContent: "flex-end" },
  /** A list of cards. */
  cards: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "8px",
  },
  seriesList: {
    margin: 0,
    paddingLeft: "16px",
    display: "flex",
    flexDirection: "column",
    gap: "4px",
  },
  /** A bordered group: one source, or one holding. */
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "8px 10px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  cardHeader: {
    display: "flex",
    gap: "8px",
    alignItems: "baseline",
    justifyContent: "space-between",
  },
  cardTitle: {
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
    margin: 0,
    fontSize: tokens.fontSizeBase300,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  /** A fund held: its name and figures, then its holding and a remove button. */
  fundRow: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 84px auto",
    gap: "6px",
    alignItems: "center",
  },
  holding: { width: "84px" },
  /** A part set off inside a card (the calibration of a holding). */
  inset: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    paddingTop: "8px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  /** A fit's figures: a label column and a value column, the values wrapping. */
  fitTable: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: "8px",
    rowGap: "2px",
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    "& dt": { color: tokens.colorNeutralForeground3 },
    "& dd": { margin: 0, overflowWrap: "anywhere" },
  },
  /** A small table of figures (the presets' costs). */
  costTable: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      textAlign: "left",
      verticalAlign: "top",
      padding: "3px 4px",
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
    "& th": { fontWeight: tokens.fontWeightSemibold },
  },
  footer: {
    color: tokens.colorNeutralForeground3,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: "8px",
  },
});
