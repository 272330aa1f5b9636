/**
 * Silent MPEG-1 Layer III audio built in code: each frame is a 4-byte header (32 kbit/s, 32 kHz, mono)
 * followed by zeroed side information and main data, which decoders play as 36 ms of silence.
 */
const FRAME_HEADER = [0xff, 0xfb, 0x18, 0xc4];
/** 144 × bitrate / sample rate, no padding. */
export const MP3_FRAME_BYTES = 144;

const cache = new Map<number, Uint8Array>();

export function silentMp3(frames: number): Uint8Array {
  let audio = cache.get(frames);
  if (!audio) {
    audio = new Uint8Array(frames * MP3_FRAME_BYTES);
    for (let i = 0; i < frames; i++) audio.set(FRAME_HEADER, i * MP3_FRAME_BYTES);
    cache.set(frames, audio);
  }
  return audio;
}
