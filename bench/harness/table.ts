/** One line of the bench's table: a target under one scenario, with its goal when it has one. */
export interface Row {
  scenario: string;
  target: string;
  perSecond?: number;
  p50?: number;
  p99?: number;
  cpuMsPerRequest?: number;
  sqlPerRequest?: number;
  rssMb?: number;
  /** the figure the goal is about, against the same run's baseline */
  ratio?: number;
  goal?: string;
  /** undefined: no goal (a baseline, or a figure only reported) */
  met?: boolean;
  /** which part of the goal was missed, when it was */
  missed?: string;
  note?: string;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : Number.NaN;
};

export const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const fixed = (n: number | undefined, digits: number) => (n === undefined || Number.isNaN(n) ? "" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));

export function printTable(rows: Row[]): void {
  const header = ["#", "target", "req/s", "p50 ms", "p99 ms", "CPU ms/req", "SQL/req", "RSS MB", "ratio", "goal", "met"];
  const lines = rows.map((r) => [
    r.scenario,
    r.target + (r.note ? ` (${r.note})` : ""),
    fixed(r.perSecond, 0),
    fixed(r.p50, 2),
    fixed(r.p99, 2),
    fixed(r.cpuMsPerRequest, 2),
    fixed(r.sqlPerRequest, 2),
    fixed(r.rssMb, 0),
    r.ratio === undefined ? "" : `${r.ratio.toFixed(2)}×`,
    r.goal ?? "",
    r.met === undefined ? "" : r.met ? "yes" : `**no**${r.missed ? `: ${r.missed}` : ""}`,
  ]);
  console.log(`\n| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|`);
  for (const l of lines) console.log(`| ${l.join(" | ")} |`);
}

/** A goal of several parts: met when every part is, with the missed parts named. */
export function judge(row: Row, parts: [ok: boolean, missed: string][]): Row {
  const missed = parts.filter(([ok]) => !ok).map(([, what]) => what);
  return { ...row, met: missed.length === 0, missed: missed.join("; ") || undefined };
}
