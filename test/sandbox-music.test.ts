/**
 * The sandbox's songs as heard through the gateway: a created song's audio is the exact sum of its 12 stems, each
 * stem a distinct signal, and a basic split's two stems add up to the song as well. The WAV files are parsed here
 * from their bytes, independently of the code that wrote them.
 */
import { describe, expect, it } from 'vitest';
import { gql, manualClock, sandboxGateway } from './support/helpers.js';

interface Wav {
  sampleRate: number;
  samples: Int16Array;
}

function parseWav(bytes: Buffer): Wav {
  expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
  expect(bytes.toString('ascii', 8, 12)).toBe('WAVE');
  let sampleRate = 0;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = bytes.toString('ascii', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    if (id === 'fmt ') {
      expect({ format: bytes.readUInt16LE(at + 8), channels: bytes.readUInt16LE(at + 10), bits: bytes.readUInt16LE(at + 22) }).toEqual({
        format: 1,
        channels: 1,
        bits: 16,
      });
      sampleRate = bytes.readUInt32LE(at + 12);
    }
    if (id === 'data') {
      const samples = new Int16Array(size / 2);
      for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(at + 8 + i * 2);
      return { sampleRate, samples };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error('no data chunk');
}

async function fetchWav(url: string): Promise<Wav> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('audio/wav');
  return parseWav(Buffer.from(await res.arrayBuffer()));
}

const stemWavs = (task: { stems: { clip: { audioUrl: string } }[] }) => Promise.all(task.stems.map((s) => fetchWav(s.clip.audioUrl)));

const rms = (s: Int16Array) => Math.sqrt(s.reduce((sum, x) => sum + x * x, 0) / s.length);

/** Pearson correlation of two equally long signals: 1 when one is a scaled copy of the other. */
function correlation(a: Int16Array, b: Int16Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return ab / Math.sqrt(aa * bb);
}

/** Sign changes per second: low for a bass line, high for hi-hats and shakers. */
function crossingsPerSecond({ samples, sampleRate }: Wav): number {
  let count = 0;
  for (let i = 1; i < samples.length; i++) if (samples[i - 1]! < 0 !== samples[i]! < 0) count++;
  return (count * sampleRate) / samples.length;
}

function largestDifference(a: Int16Array, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('sandbox songs and their stems', () => {
  const clock = manualClock();
  const setup = sandboxGateway({}, { taskMs: 1000, now: clock.now });
  const taskQuery = `query($id: ID!) { task(id: $id) { status clips { id audioUrl } stems { kind name clip { audioUrl } } } }`;

  async function finished(mutation: string, variables: Record<string, unknown>) {
    const submitted = await gql(setup.gw.url, mutation, variables);
    expect(submitted.errors).toBeUndefined();
    const id = (Object.values(submitted.data!)[0] as { id: string }).id;
    clock.advance(1000);
    const res = await gql(setup.gw.url, taskQuery, { id });
    expect(res.data!.task.status).toBe('SUCCEEDED');
    return res.data!.task;
  }

  it('renders a song of about 8 s that is the sum of 12 distinct stems, the same bytes on every read', async () => {
    const created = await finished(`mutation { createMusic(input: { description: "a night drive" }) { id } }`, {});
    const [take1, take2] = created.clips;
    const song = await fetchWav(take1.audioUrl);
    expect(song.samples.length / song.sampleRate).toBeCloseTo(8, 1);
    expect(rms(song.samples)).toBeGreaterThan(1000);

    const split = await finished(`mutation($c: ID!) { splitStemsFull(clipId: $c) { id } }`, { c: take1.id });
    expect(split.stems).toHaveLength(12);
    const stems = await stemWavs(split);
    const byKind = Object.fromEntries(split.stems.map((s: { kind: string }, i: number) => [s.kind, stems[i]!]));

    // The stems add up to the song, sample by sample.
    const sum = new Int32Array(song.samples.length);
    for (const stem of stems) {
      expect(stem.sampleRate).toBe(song.sampleRate);
      for (let i = 0; i < sum.length; i++) sum[i]! += stem.samples[i]!;
    }
    expect(largestDifference(song.samples, sum)).toBeLessThanOrEqual(1);

    // Each stem is heard, and no stem is another one again.
    for (const stem of stems) expect(rms(stem.samples)).toBeGreaterThan(300);
    for (let a = 0; a < stems.length; a++) {
      for (let b = a + 1; b < stems.length; b++) expect(Math.abs(correlation(stems[a]!.samples, stems[b]!.samples))).toBeLessThan(0.5);
    }
    // A bass line moves slower than anything else; the shaker-led percussion is among the two noisiest.
    const crossings = Object.fromEntries(Object.entries(byKind).map(([kind, wav]) => [kind, crossingsPerSecond(wav as Wav)]));
    for (const [kind, rate] of Object.entries(crossings)) if (kind !== 'BASS') expect(rate).toBeGreaterThan(crossings.BASS!);
    const sorted = Object.values(crossings).sort((x, y) => y - x);
    expect(sorted.slice(0, 2)).toContain(crossings.PERCUSSION);

    // Deterministic per clip: read again, the same samples; the other take is another song.
    expect(largestDifference(song.samples, (await fetchWav(take1.audioUrl)).samples)).toBe(0);
    // (their beats may line up, their notes do not: at least a third of the sound differs)
    const other = await fetchWav(take2.audioUrl);
    expect(rms(other.samples.map((x, i) => x - song.samples[i]!))).toBeGreaterThan(rms(song.samples) / 3);
  });

  it('a basic split is vocals and the rest, and a split of a stem keeps only that stem', async () => {
    const created = await finished(`mutation { createMusic(input: { description: "a rainy morning" }) { id } }`, {});
    const songClip = created.clips[0];
    const song = await fetchWav(songClip.audioUrl);
    const basic = await finished(`mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`, { c: songClip.id });
    expect(basic.stems.map((s: { kind: string }) => s.kind)).toEqual(['VOCALS', 'INSTRUMENTAL']);
    const [vocals, instrumental] = await stemWavs(basic);
    expect(
      largestDifference(
        song.samples,
        vocals!.samples.map((v, i) => v + instrumental!.samples[i]!),
      ),
    ).toBeLessThanOrEqual(1);
    expect(Math.abs(correlation(vocals!.samples, instrumental!.samples))).toBeLessThan(0.5);

    // Splitting the vocals again: its vocals are itself, and its instrumental is silence.
    const again = await finished(`mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`, { c: basic.clips[0].id });
    const [vocalsAgain, nothing] = await stemWavs(again);
    expect(largestDifference(vocals!.samples, vocalsAgain!.samples)).toBe(0);
    expect(rms(nothing!.samples)).toBe(0);
  });
});
