/**
 * Whole-check section of `npm run bench`: every labelled post of posts/cases.json through the same
 * pipeline as `checkpost check` (faces, OCR and text side by side), verdict agreement, and the time
 * of a full check of one photo and of a four-photo post.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateCase, summarise, type PostCase } from '../../lib/cli/evaluate-cases';
import { loadNodeChecker, loadRosterFile } from '../../lib/cli/node-checker';
import { readPostImage } from '../../lib/cli/run-check';
import { checkPost } from '../../lib/pipeline/check-post';
import type { PostImage } from '../../lib/pipeline/types';
import { rules } from '../../lib/rules';
import type { BenchSection } from './section';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};

async function readImages(corpusDir: string, paths: string[]): Promise<PostImage[]> {
  const read = await Promise.all(paths.map((path) => readPostImage(join(corpusDir, path))));
  return read.map((result) => {
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  });
}

export const pipelineBench: BenchSection = {
  name: 'pipeline',
  async run(corpusDir) {
    const cases: PostCase[] = JSON.parse(readFileSync(join(corpusDir, 'posts', 'cases.json'), 'utf8'));
    const loadStarted = performance.now();
    const loaded = await loadNodeChecker();
    if (!loaded.ok) throw new Error(loaded.error.message);
    const checker = loaded.value;
    const loadMs = performance.now() - loadStarted;
    try {
      const enrolStarted = performance.now();
      const imported = await loadRosterFile(join(corpusDir, 'roster', 'roster.csv'), checker);
      if (!imported.roster) throw new Error(imported.reportText);
      const roster = imported.roster;
      const enrolMs = performance.now() - enrolStarted;
      const deps = { ...checker, roster };

      const perCase = [];
      for (const postCase of cases) {
        const images = await readImages(corpusDir, postCase.images);
        const started = performance.now();
        const { verdict } = await checkPost({ platform: postCase.platform, text: postCase.text, images }, deps);
        perCase.push({
          ...evaluateCase(
            postCase,
            verdict,
            rules.map((rule) => rule.id),
          ),
          images: images.length,
          ms: performance.now() - started,
        });
      }
      const evaluation = summarise(perCase);
      const singlePhoto = perCase.filter((result) => result.images === 1).map((result) => result.ms);

      // A four-photo post: the largest group photo, a certificate in a group photo, a document and a portrait.
      const fourPaths = cases.flatMap((postCase) => postCase.images).filter((path, index, all) => all.indexOf(path) === index);
      const four = await readImages(corpusDir, [
        fourPaths.find((path) => path.startsWith('faces/groups/'))!,
        ...fourPaths.filter((path) => path.startsWith('documents/')).slice(0, 2),
        fourPaths[0]!,
      ]);
      const fourRuns: number[] = [];
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        await checkPost({ platform: 'facebook', text: 'Our week in pictures!', images: four }, deps);
        fourRuns.push(performance.now() - started);
      }

      const agreement = evaluation.agreed / evaluation.cases;
      const singleMedian = median(singlePhoto);
      const fourMedian = median(fourRuns);
      return {
        rows: [
          { metric: `verdict agreement (${evaluation.cases} post cases)`, value: agreement, target: '>= 0.95', met: agreement >= 0.95 },
          { metric: 'cases expected to block that passed or only warned', value: evaluation.blocksLetThrough.length, target: '0', met: evaluation.blocksLetThrough.length === 0 },
          { metric: 'full check of a one-photo post, median', value: Math.round(singleMedian), unit: 'ms', target: '<= 2000', met: singleMedian <= 2000 },
          { metric: 'full check of a four-photo post, median of 3', value: Math.round(fourMedian), unit: 'ms', target: '<= 5000', met: fourMedian <= 5000 },
          { metric: 'engines load (faces, OCR worker, word list)', value: Math.round(loadMs), unit: 'ms' },
          { metric: 'roster import with enrolment (45 rows, 11 photos)', value: Math.round(enrolMs), unit: 'ms' },
        ],
        data: {
          evaluation,
          perCase: perCase.map(({ id, expected, got, ms, images }) => ({ id, expected, got, images, ms })),
          fourPhotoPost: four.map((image) => image.name),
          fourRuns,
        },
      };
    } finally {
      await checker.dispose();
    }
  },
};
