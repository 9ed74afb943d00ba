/** One measured figure; `baseline` and `ratio` when the figure is compared with a baseline run in the same process. */
export interface Figure {
  bench: string;
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  goal?: string;
  note?: string;
}

export function ratio(figure: Figure): string {
  return figure.baseline && figure.value ? `${(figure.baseline / figure.value).toFixed(1)}×` : "";
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

export function formatTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.bench,
    f.name,
    `${format(f.value)} ${f.unit}`,
    f.baseline === undefined ? "" : `${format(f.baseline)} ${f.unit}`,
    ratio(f),
    f.goal ?? "",
    f.note ?? "",
  ]);
  const header = ["bench", "figure", "value", "baseline", "speed-up", "goal", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** A bench file's entry point: prints its table, or its figures as JSON with --json (what bench/run-all.ts reads). */
export async function reportFigures(measure: () => Promise<Figure[]>): Promise<void> {
  const figures = await measure();
  if (process.argv.includes("--json")) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else process.stdout.write(`${formatTable(figures)}\n`);
}
