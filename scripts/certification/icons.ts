import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { ICONS, packageUri } from '../build/icons';
import { assembleSkillPackage } from '../skill-package';
import type { Check, Json, Submission } from './context';
import { publishedLocales } from './context';

/** What is wrong with the icons of an assembled skill package: where the manifest points, and their sizes. */
export async function iconProblems(packageDir: string): Promise<string[]> {
  const problems: string[] = [];
  const manifest = JSON.parse(readFileSync(join(packageDir, 'skill.json'), 'utf8')) as Json;
  for (const [locale, info] of Object.entries(publishedLocales(manifest))) {
    for (const icon of ICONS) {
      if (info[icon.field] !== packageUri(icon.file)) problems.push(`${locale} ${icon.field} is ${String(info[icon.field])}, not ${packageUri(icon.file)}`);
    }
  }
  for (const icon of ICONS) {
    const file = join(packageDir, icon.file);
    if (!existsSync(file)) {
      problems.push(`${icon.file} is not in the package`);
      continue;
    }
    const { format, width, height } = await sharp(file).metadata();
    if (format !== 'png' || width !== icon.size || height !== icon.size) {
      problems.push(`${icon.file} is a ${width}x${height} ${format}, not a ${icon.size}x${icon.size} png`);
    }
  }
  return problems;
}

export const iconCheck: Check = {
  name: 'icons: a 108x108 and a 512x512 PNG in the package, where the manifest names them',
  run: async (submission: Submission) => {
    // The package as `npm run skill-package` would assemble it, without touching skill-package/.
    const out = mkdtempSync(join(tmpdir(), 'lone-officer-certify-'));
    try {
      await assembleSkillPackage(submission.root, out);
      return await iconProblems(out);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
};
