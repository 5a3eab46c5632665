/** Small real media for sandbox clips, so audio players and images work offline. */
import { createHash } from 'node:crypto';

function hashByte(id: string, index: number): number {
  return createHash('sha1').update(id).digest()[index] ?? 0;
}

/** A two-second 16-bit mono WAV tone whose pitch depends on the clip id. */
export function toneWav(id: string, seconds = 2, sampleRate = 8000): Buffer {
  const frequency = 220 + hashByte(id, 0) * 2;
  const samples = seconds * sampleRate;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const fade = Math.min(1, i / 400, (samples - i) / 400);
    wav.writeInt16LE(Math.round(Math.sin((2 * Math.PI * frequency * i) / sampleRate) * 12000 * fade), 44 + i * 2);
  }
  return wav;
}

/** A square cover image in a colour derived from the clip id. */
export function coverSvg(id: string): string {
  const hue = Math.round((hashByte(id, 1) / 255) * 360);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="hsl(${hue},60%,45%)"/><circle cx="128" cy="128" r="64" fill="hsl(${hue},60%,80%)"/></svg>`;
}
