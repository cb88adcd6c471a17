import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { readBiometricsFile } from './check-posts';
import { checkPosts } from './run-check';

/**
 * The sample school: three "pupils" cut from a group photo that @vladmandic/face-api ships, so the
 * sample needs no photo committed here. Sophie has no social media consent.
 */
const REFERENCE_CROPS = {
  'maya.jpg': { left: 480, top: 160, width: 448, height: 544 },
  'ella.jpg': { left: 960, top: 64, width: 416, height: 544 },
  'sophie.jpg': { left: 1408, top: 160, width: 384, height: 512 },
};
/** The same evening with Sophie out of the frame. */
const WITHOUT_SOPHIE = { left: 0, top: 0, width: 1400, height: 1350 };

const packageDir = (name: string): string => dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
const demoPhoto = (): string => join(packageDir('@vladmandic/face-api'), 'demo', 'sample3.jpg');
/** The sample school's files, found from Checkpost's own package: the CLI runs as a bundle made elsewhere (bin/checkpost.mjs). */
const sampleFile = (name: string): string => join(packageDir('checkpost'), 'lib', 'cli', 'sample', name);

async function prepare(): Promise<{ roster: string; biometrics: string; withoutSophie: string; everyone: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'checkpost-sample-'));
  const everyone = demoPhoto();
  await mkdir(join(folder, 'photos'));
  await copyFile(sampleFile('roster.csv'), join(folder, 'roster.csv'));
  // The sample school has recorded its DPIA and told parents, so its reference photos may become face templates.
  await copyFile(sampleFile('biometrics.json'), join(folder, 'biometrics.json'));
  for (const [file, crop] of Object.entries(REFERENCE_CROPS))
    await sharp(everyone)
      .extract(crop)
      .jpeg()
      .toFile(join(folder, 'photos', file));
  const withoutSophie = join(folder, 'maya-and-ella.jpg');
  await sharp(everyone).extract(WITHOUT_SOPHIE).jpeg().toFile(withoutSophie);
  return { roster: join(folder, 'roster.csv'), biometrics: join(folder, 'biometrics.json'), withoutSophie, everyone };
}

/** `checkpost sample`: two posts checked against the sample roster, one that passes and one that is blocked. */
export async function runSample(): Promise<number> {
  const { roster, biometrics, withoutSophie, everyone } = await prepare();
  const record = await readBiometricsFile(biometrics);
  if (!record.ok) throw new Error(record.error);
  const posts = [
    { text: 'Lovely to see our Year 6 leavers at the celebration evening!', platform: 'x' as const, images: [withoutSophie] },
    { text: 'What a celebration evening for Year 6!', platform: 'x' as const, images: [everyone] },
  ];
  console.log(`Sample roster (3 pupils; Sophie Reid has no social media consent): ${roster}\n`);
  let shown = 0;
  const statuses = await checkPosts({ csv: roster, biometrics: record.value }, false, posts, (post) => {
    if (shown > 0) console.log('');
    shown += 1;
    console.log(`$ checkpost check --roster ${roster} --biometrics ${biometrics} --text "${post.text}" ${post.images.join(' ')}`);
  });
  console.log(`\n(exit statuses: ${statuses.join(', ')})`);
  return 0;
}
