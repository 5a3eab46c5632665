/** Writes bench/RESULTS.md: machine facts, then one table per benchmark with its targets and verdicts. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';

/** A number for a report: thousands separated, `digits` decimals. */
export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export interface Row {
  measure: string;
  value: string;
  target?: string;
  met?: boolean;
}

export interface Section {
  title: string;
  method: string;
  rows: Row[];
  notes?: string[];
}

export function machineInfo(): string[] {
  const cpu = cpus();
  return [
    `- date: ${new Date().toISOString()}`,
    `- node ${process.version}, ${osType()} ${release()}`,
    `- CPU: ${cpu.length} × ${cpu[0]?.model ?? 'unknown'}`,
    `- memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    '- load generator, gateway and sandbox share these cores (each its own process unless said otherwise)',
    `- load average when the report was written (1, 5, 15 min): ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')}; other work on the machine slows every figure, so each section also gives the load after its runs`,
  ];
}

export function renderReport(sections: Section[], command: string): string {
  const out = [
    '# Benchmark results',
    '',
    `Produced by \`${command}\`. Not part of \`npm test\`.`,
    '',
    '## Machine',
    '',
    ...machineInfo(),
    '',
  ];
  for (const s of sections) {
    out.push(`## ${s.title}`, '', s.method, '', '| measure | value | target | met |', '|---|---|---|---|');
    for (const r of s.rows)
      out.push(`| ${r.measure} | ${r.value} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`);
    if (s.notes?.length) out.push('', ...s.notes.map((n) => `- ${n}`));
    out.push('');
  }
  return out.join('\n');
}

/** A report's sections by title, each with its text (heading included). */
function sectionsOf(text: string): Map<string, string> {
  const blocks = text.split(/^(?=## )/m).slice(1);
  return new Map(blocks.map((block) => [block.slice(3, block.indexOf('\n')), `${block.trimEnd()}\n\n`]));
}

const earlier = '(from an earlier run)';

/**
 * Writes the report. Sections of the file already there that this run did not produce (`--only`) are kept in their
 * place, marked as from an earlier run, so that running one benchmark does not drop the others' figures.
 */
export function writeReport(path: string, sections: Section[], command: string): void {
  const fresh = renderReport(sections, command);
  const now = sectionsOf(fresh);
  const before = existsSync(path) ? sectionsOf(readFileSync(path, 'utf8')) : new Map<string, string>();
  const kept = [...before].map(
    ([title, block]) => now.get(title) ?? (block.includes(earlier) ? block : block.replace('\n\n', `\n\n${earlier}\n\n`)),
  );
  const added = [...now].filter(([title]) => !before.has(title)).map(([, block]) => block);
  writeFileSync(path, `${(fresh.slice(0, fresh.indexOf('## ')) + [...kept, ...added].join('')).trimEnd()}\n`);
}
