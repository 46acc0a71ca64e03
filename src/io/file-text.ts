/**
 * The text of a file the user chose, from its bytes: UTF-8 (with or without a byte-order mark), UTF-16
 * little- or big-endian (Excel's "Unicode Text" export: tab-separated, with a byte-order mark), or
 * Windows-1252 (what Excel's "CSV (Comma delimited)" writes on Windows) when the bytes are not UTF-8.
 * Workbooks and other binary files are refused with a message that says what to do instead.
 */
import { invalid } from "../core/errors";

export type TextEncoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "Windows-1252";

export interface FileText {
  readonly text: string;
  readonly encoding: TextEncoding;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((byte, k) => bytes[k] === byte);

/** Legacy .xls (OLE compound file) and .xlsx/.ods (zip) signatures. */
const WORKBOOK = [
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  [0x50, 0x4b, 0x03, 0x04],
];

/** Windows-1252's characters for the bytes 0x80–0x9F (the others are Latin-1's); undefined bytes stay as they are. */
const WINDOWS_1252 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** Decodes Windows-1252 by its table (Node's TextDecoder reads that label as Latin-1, unlike browsers). */
function windows1252(bytes: Uint8Array): string {
  let text = "";
  for (let k = 0; k < bytes.length; k++) {
    const byte = bytes[k];
    text += byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252[byte - 0x80] : String.fromCharCode(byte);
  }
  return text;
}

/** UTF-16 without a byte-order mark: most of the first characters are ASCII, so every other byte is 0. */
function utf16WithoutMark(bytes: Uint8Array): TextEncoding | undefined {
  const pairs = Math.min(bytes.length >> 1, 512);
  if (pairs < 8) return undefined;
  let [even, odd] = [0, 0];
  for (let k = 0; k < pairs; k++) {
    if (bytes[2 * k] === 0) even++;
    if (bytes[2 * k + 1] === 0) odd++;
  }
  if (odd > pairs * 0.4 && even === 0) return "UTF-16LE";
  if (even > pairs * 0.4 && odd === 0) return "UTF-16BE";
  return undefined;
}

/**
 * Decodes a text file.
 * @throws #VALUE! "file: an Excel workbook, not a text file: ..." or "file: not a text file ..."
 * @example decodeFileText(Uint8Array.of(0xff, 0xfe, 0x41, 0x00)) // { text: "A", encoding: "UTF-16LE" }
 */
export function decodeFileText(bytes: Uint8Array): FileText {
  if (WORKBOOK.some((signature) => startsWith(bytes, signature)))
    throw invalid(
      "file",
      "an Excel workbook, not a text file: open it in Excel, select the data with its header row, then use Read selected range"
    );
  let encoding: TextEncoding = "UTF-8";
  let start = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) start = 3;
  else if (startsWith(bytes, [0xff, 0xfe])) [encoding, start] = ["UTF-16LE", 2];
  else if (startsWith(bytes, [0xfe, 0xff])) [encoding, start] = ["UTF-16BE", 2];
  else encoding = utf16WithoutMark(bytes) ?? "UTF-8";
  const body = bytes.subarray(start);
  let text: string;
  if (encoding === "UTF-8") {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      encoding = "Windows-1252";
      text = windows1252(body);
    }
  } else {
    text = new TextDecoder(encoding.toLowerCase(), { ignoreBOM: true }).decode(body);
  }
  if (text.includes("\u0000"))
    throw invalid(
      "file",
      "not a text file (it holds binary data): save the data as CSV (comma or semicolon separated) or as Unicode Text"
    );
  return { text, encoding };
}
