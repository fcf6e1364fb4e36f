import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

/** The icon's one source, drawn by hand; the PNGs Alexa needs are drawn from it at build time. */
const ICON_SOURCE = join('assets', 'icon.svg');

/** Where each icon goes in the skill package, the manifest field that names it, and its size. */
export const ICONS = [
  { field: 'smallIconUri', file: 'assets/images/icon-108.png', size: 108 },
  { field: 'largeIconUri', file: 'assets/images/icon-512.png', size: 512 },
] as const;

/** How the manifest names a file of the skill package, for ASK CLI to upload. */
export const packageUri = (file: string) => `file://${file}`;

/** The viewBox width of the source, so each PNG is rasterised at its own size, not scaled down. */
function sourceWidth(svg: string): number {
  const width = /viewBox="0 0 (\d+(?:\.\d+)?) /.exec(svg)?.[1];
  if (!width) throw new Error(`${ICON_SOURCE} needs a viewBox="0 0 W H"`);
  return Number(width);
}

/** Draws every icon from the SVG into the package directory; returns the files written. */
export async function drawIcons(root: string, outDir: string): Promise<string[]> {
  const svg = readFileSync(join(root, ICON_SOURCE));
  const width = sourceWidth(svg.toString('utf8'));
  for (const icon of ICONS) {
    mkdirSync(dirname(join(outDir, icon.file)), { recursive: true });
    await sharp(svg, { density: (72 * icon.size) / width })
      .resize(icon.size, icon.size)
      .removeAlpha()
      .png({ compressionLevel: 9 })
      .toFile(join(outDir, icon.file));
  }
  return ICONS.map((icon) => icon.file);
}
