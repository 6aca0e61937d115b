// The figures every section returns, the goals they are held to, and the two ways they are shown:
// a table for people and JSON for tools. Pure: no clock, no I/O.

export interface Goal {
  op: '<=' | '>=';
  target: number;
}

export interface Figure {
  /** Stable name in the JSON; the smoke test and any later comparison rely on it. */
  key: string;
  label: string;
  value: number;
  unit: string;
  goal?: Goal;
}

export interface SectionResult {
  id: string;
  title: string;
  /** What was measured on what: inputs, substitutions (e.g. data/notes for an absent corpus). */
  notes: string[];
  figures: Figure[];
  /** Set when the section failed part-way; its figures are those measured before the failure. */
  error?: string;
}

export const atMost = (target: number): Goal => ({ op: '<=', target });
export const atLeast = (target: number): Goal => ({ op: '>=', target });

export const figure = (key: string, label: string, value: number, unit: string, goal?: Goal): Figure => ({ key, label, value, unit, ...(goal && { goal }) });

/** Undefined when the figure has no goal; false for a figure that could not be measured. */
export function goalMet(f: Figure): boolean | undefined {
  if (!f.goal) return undefined;
  if (!Number.isFinite(f.value)) return false;
  return f.goal.op === '<=' ? f.value <= f.goal.target : f.value >= f.goal.target;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const magnitude = Math.abs(value);
  if (Number.isInteger(value) || magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

const formatGoal = (f: Figure): string => {
  if (!f.goal) return '';
  const mark = goalMet(f) ? '✓' : '✗';
  return `${f.goal.op === '<=' ? '≤' : '≥'} ${formatNumber(f.goal.target)} ${f.unit} ${mark}`.replace(/ {2,}/g, ' ');
};

export function renderTable(sections: ReadonlyArray<SectionResult>): string {
  const rows = sections.flatMap((s) => s.figures);
  const labelWidth = Math.max(20, ...rows.map((f) => f.label.length));
  const valueWidth = Math.max(8, ...rows.map((f) => `${formatNumber(f.value)} ${f.unit}`.length));
  const lines: string[] = [];
  for (const section of sections) {
    lines.push('', `== ${section.title} ==`);
    for (const note of section.notes) lines.push(`   ${note}`);
    for (const f of section.figures) {
      const value = `${formatNumber(f.value)} ${f.unit}`.trim();
      lines.push(`   ${f.label.padEnd(labelWidth)}  ${value.padStart(valueWidth)}  ${formatGoal(f)}`.trimEnd());
    }
    if (section.error) lines.push(`   FAILED: ${section.error}`);
  }
  const missed = missedGoals(sections);
  const goals = sections.flatMap((s) => s.figures).filter((f) => f.goal).length;
  lines.push('', `Goals: ${goals - missed.length} of ${goals} met${missed.length > 0 ? `; missed: ${missed.map((m) => m.label).join('; ')}` : ''}.`);
  return lines.join('\n');
}

export function missedGoals(sections: ReadonlyArray<SectionResult>): Figure[] {
  return sections.flatMap((s) => s.figures).filter((f) => goalMet(f) === false);
}

export interface RunInfo {
  startedAt: string;
  quick: boolean;
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  totalMemoryMB: number;
}

/** Figures keyed by section then figure key; a figure that could not be measured is `null` (JSON has no NaN). */
export function resultsJson(run: RunInfo, sections: ReadonlyArray<SectionResult>): object {
  return {
    run,
    sections: Object.fromEntries(
      sections.map((s) => [
        s.id,
        {
          title: s.title,
          notes: s.notes,
          ...(s.error && { error: s.error }),
          figures: Object.fromEntries(
            s.figures.map((f) => [
              f.key,
              {
                label: f.label,
                value: Number.isFinite(f.value) ? f.value : null,
                unit: f.unit,
                ...(f.goal && { goal: `${f.goal.op} ${f.goal.target}`, met: goalMet(f) }),
              },
            ]),
          ),
        },
      ]),
    ),
    goalsMissed: sections.flatMap((s) => s.figures.filter((f) => goalMet(f) === false).map((f) => `${s.id}.${f.key}`)),
  };
}
