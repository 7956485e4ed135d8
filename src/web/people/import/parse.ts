import Papa from "papaparse";

export interface ParsedCsv {
  header: string[];
  rows: string[][];
}

/**
 * Reads a CSV file in chunks, so a file of many thousand rows never blocks the page. (Papa's
 * worker mode builds its worker from a blob: URL, which the content security policy refuses.)
 * Comma, semicolon, tab and pipe are detected; blank lines are kept so row numbers stay those
 * of the spreadsheet.
 */
export function parseCsvFile(file: File, onProgress: (rowsRead: number) => void): Promise<ParsedCsv> {
  return new Promise((resolve, reject) => {
    const all: string[][] = [];
    Papa.parse<string[]>(file, {
      header: false,
      skipEmptyLines: false,
      chunkSize: 256 * 1024,
      encoding: "UTF-8",
      chunk: (result) => {
        for (const row of result.data) all.push(row);
        onProgress(Math.max(0, all.length - 1));
      },
      complete: () => {
        // A file ends with a newline: its last "row" is one empty cell.
        while (all.length && all[all.length - 1]?.every((cell) => cell.trim() === "")) all.pop();
        const [header = [], ...rows] = all;
        resolve({ header, rows });
      },
      error: (error) => reject(error),
    });
  });
}

/** Sends `items` in slices of `size`, one after the other. */
export function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
