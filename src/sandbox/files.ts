/** Small real media for sandbox clips (WAV, SVG covers, MIDI), so players and images work offline. */
import { createHash } from 'node:crypto';

function hashByte(id: string, index: number): number {
  return createHash('sha1').update(id).digest()[index] ?? 0;
}

/** A 16-bit mono PCM WAV file of `samples`. */
export function wavFile(samples: Int16Array, sampleRate: number): Buffer {
  const bytes = samples.length * 2;
  const wav = Buffer.alloc(44 + bytes);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + bytes, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(bytes, 40);
  for (let i = 0; i < samples.length; i++) wav.writeInt16LE(samples[i]!, 44 + i * 2);
  return wav;
}

/** A square cover image in a colour derived from the clip id. */
export function coverSvg(id: string): string {
  const hue = Math.round((hashByte(id, 1) / 255) * 360);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="hsl(${hue},60%,45%)"/><circle cx="128" cy="128" r="64" fill="hsl(${hue},60%,80%)"/></svg>`;
}

export interface SandboxNote {
  pitch: number;
  start: number;
  end: number;
  velocity: number;
}

/** A short melody and bass line whose notes depend on the clip id: what the sandbox "transcribes" a clip to. */
export function transcription(id: string): { name: string; notes: SandboxNote[] }[] {
  const root = 48 + (hashByte(id, 2) % 12);
  const scale = [0, 2, 4, 5, 7, 9, 11, 12];
  const melody = Array.from({ length: 8 }, (_, i) => ({
    pitch: root + 12 + (scale[hashByte(id, 3 + i) % scale.length] ?? 0),
    start: i * 0.5,
    end: i * 0.5 + 0.45,
    velocity: 80 + (hashByte(id, 11 + i) % 40),
  }));
  const bass = [0, 1, 2, 3].map((i) => ({ pitch: root - 12 + (i % 2 === 0 ? 0 : 7), start: i, end: i + 0.9, velocity: 90 }));
  return [
    { name: 'Lead', notes: melody },
    { name: 'Bass', notes: bass },
  ];
}

function varLength(value: number): number[] {
  const bytes = [value & 0x7f];
  for (let v = value >> 7; v > 0; v >>= 7) bytes.unshift((v & 0x7f) | 0x80);
  return bytes;
}

/** A format-0 Standard MIDI File (120 bpm, 96 ticks per beat) of `transcription(id)`, one channel per instrument. */
export function transcriptionMidi(id: string): Buffer {
  const ticksPerSecond = 192;
  const events = transcription(id).flatMap((instrument, channel) =>
    instrument.notes.flatMap((n) => [
      { tick: Math.round(n.start * ticksPerSecond), bytes: [0x90 | channel, n.pitch, n.velocity] },
      { tick: Math.round(n.end * ticksPerSecond), bytes: [0x80 | channel, n.pitch, 0] },
    ]),
  );
  events.sort((a, b) => a.tick - b.tick);
  const track: number[] = [];
  let last = 0;
  for (const e of events) {
    track.push(...varLength(e.tick - last), ...e.bytes);
    last = e.tick;
  }
  track.push(0, 0xff, 0x2f, 0);
  const header = Buffer.from([0x4d, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, 0, 96]);
  const trackHeader = Buffer.alloc(8);
  trackHeader.write('MTrk', 0);
  trackHeader.writeUInt32BE(track.length, 4);
  return Buffer.concat([header, trackHeader, Buffer.from(track)]);
}
