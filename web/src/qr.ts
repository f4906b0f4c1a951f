import { toCanvas } from 'qrcode';
import { h } from './dom';

/** A QR code of the text (an otpauth:// URI for a phone's camera), drawn on a canvas with its meaning as the label. */
export async function qrCode(text: string, label: string): Promise<HTMLCanvasElement> {
  const canvas = h('canvas', { role: 'img', 'aria-label': label, class: 'qr' });
  await toCanvas(canvas, text, { margin: 2, width: 232, errorCorrectionLevel: 'M' });
  return canvas;
}
