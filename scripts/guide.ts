// `npm run guide`: prints the whole guidance as Markdown (see guideMarkdown.ts). Redirect it to a
// file to keep it: npm run guide --silent > guide.md
import { guideMarkdown } from './guideMarkdown';

process.stdout.write(guideMarkdown());
