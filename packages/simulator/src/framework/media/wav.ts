/**
 * Silent audio as a RIFF/WAVE file built in code: 16-bit signed PCM, mono, 8 kHz (telephone quality),
 * a 44-byte header followed by zeroed samples.
 */
const SAMPLE_RATE = 8000;
const BYTES_PER_SAMPLE = 2;
const HEADER_BYTES = 44;

const cache = new Map<number, Uint8Array>();

export function silentWav(seconds: number): Uint8Array {
  const samples = Math.max(0, Math.round(seconds * SAMPLE_RATE));
  let audio = cache.get(samples);
  if (!audio) {
    audio = wavFile(samples);
    cache.set(samples, audio);
  }
  return audio;
}

function wavFile(samples: number): Uint8Array {
  const dataBytes = samples * BYTES_PER_SAMPLE;
  const audio = new Uint8Array(HEADER_BYTES + dataBytes);
  const view = new DataView(audio.buffer);
  const ascii = (offset: number, text: string) => [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, HEADER_BYTES - 8 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * BYTES_PER_SAMPLE, true); // byte rate
  view.setUint16(32, BYTES_PER_SAMPLE, true); // block align
  view.setUint16(34, 8 * BYTES_PER_SAMPLE, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  return audio;
}
