// `npm run score-navigation -- SCRIPTS.jsonl ANSWERS.jsonl`: scores navigation scripts against what
// `npm start --silent -- --fresh --batch SCRIPTS.jsonl` printed (navigationScore.ts has the labels).
import { readFileSync } from 'node:fs';
import { scoreNavigation, type NavigationReply, type NavigationScript } from './navigationScore';

const [scriptsPath, answersPath] = process.argv.slice(2);
if (!scriptsPath || !answersPath) {
  process.stderr.write('usage: npm run score-navigation -- SCRIPTS.jsonl ANSWERS.jsonl\n');
  process.exit(2);
}
const jsonLines = <T>(path: string): T[] => readFileSync(path, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as T);
const answers = new Map(jsonLines<{ name: string; replies: NavigationReply[] }>(answersPath).map((a) => [a.name, a.replies]));
const { right, turns, misses } = scoreNavigation(jsonLines<NavigationScript>(scriptsPath), (name) => answers.get(name) ?? []);
for (const miss of misses) process.stdout.write(`MISS ${miss}\n`);
process.stdout.write(`navigation: ${((100 * right) / Math.max(turns, 1)).toFixed(1)}% of turns (${right}/${turns})\n`);
