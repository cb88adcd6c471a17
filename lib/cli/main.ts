import { Command, CommanderError, Option } from 'commander';
import { EXIT_USAGE } from './exit-codes';

const PURPOSES = { social: 'social_media', website: 'website', print: 'print' } as const;

const BIOMETRICS_HELP =
  "the school's record of its DPIA and notice to parents (dpiaCompletedOn, dpoName, parentsNotifiedOn); without it no face is matched and faces are to be checked by hand";

/**
 * `checkpost` entry point; returns the process exit status. Each command loads its own modules,
 * so a text-only check never loads the sample's image library.
 */
export async function main(argv: string[]): Promise<number> {
  let status = 0;
  const program = new Command('checkpost')
    .description("Checks a school's social media post against its consent roster and policy, on this computer.")
    .exitOverride()
    .showHelpAfterError();

  program
    .command('check')
    .description('check a post (text and photos) against a roster; exit 0 pass, 1 warn, 2 block, 3 cannot check')
    .option('--roster <csv>', 'roster CSV exported from the MIS (reference photos relative to it)')
    .addOption(new Option('--pack <file>', 'roster pack made by the ORM lead (checkpost roster pack): no re-enrolment').conflicts('roster'))
    .option('--photos <folder|zip>', "with --roster: the reference photos, found by the Photo File column or by UPN (or staff code) in each file's name")
    .option('--signer <fingerprint>', "with --pack: the school's signing key fingerprint; a pack signed by any other key is refused (default: the key of the first pack read here)")
    .option('--passphrase-file <file>', 'with --pack: file whose first line is the pack passphrase (default: $CHECKPOST_PASSPHRASE)')
    .option('--text <text>', "the post's words", '')
    .option('--biometrics <json>', BIOMETRICS_HELP)
    .addOption(new Option('--platform <platform>', 'where it will be posted').choices(['x', 'facebook']).default('x'))
    .addOption(
      new Option('--purpose <purpose>', 'the consent the photos need: social media, the school website or print (newsletters)')
        .choices(['social', 'website', 'print'])
        .default('social'),
    )
    .addOption(new Option('--folder <dir>', 'check every photo in a folder on its own (a newsletter, the website): one verdict each, then a summary').conflicts('text'))
    .option('--json', 'print the verdict as JSON')
    .argument('[images...]', 'photos attached to the post')
    .action(
      async (
        images: string[],
        options: {
          roster?: string;
          pack?: string;
          photos?: string;
          signer?: string;
          passphraseFile?: string;
          biometrics?: string;
          text: string;
          platform: 'x' | 'facebook';
          purpose: 'social' | 'website' | 'print';
          folder?: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        if (options.roster === undefined && options.pack === undefined) command.error('error: give the roster, as a CSV (--roster <csv>) or as a roster pack (--pack <file>)');
        if (options.folder !== undefined && images.length > 0) command.error('error: give photos either as a --folder or one by one, not both');
        const { purpose, ...rest } = options;
        status = await (await import('./run-check')).runCheck({ ...rest, purpose: PURPOSES[purpose], json: options.json === true, images });
      },
    );

  program
    .command('roster')
    .description("the school's roster")
    .command('pack')
    .description('enrol a roster CSV once and write it as an encrypted, signed roster pack for staff browsers and check --pack')
    .requiredOption('--roster <csv>', 'roster CSV exported from the MIS (reference photos relative to it)')
    .option('--biometrics <json>', BIOMETRICS_HELP)
    .option('--photos <folder|zip>', "with --roster: the reference photos, found by the Photo File column or by UPN (or staff code) in each file's name")
    .requiredOption('--signing-key <file>', "the school's signing key; made (sealed with the signing passphrase) if it does not exist")
    .requiredOption('--out <file>', 'where to write the pack')
    .option('--passphrase-file <file>', 'file whose first line is the pack passphrase staff will type (default: $CHECKPOST_PASSPHRASE)')
    .option('--signing-passphrase-file <file>', "file whose first line is the signing key's passphrase (default: $CHECKPOST_SIGNING_PASSPHRASE)")
    .action(async (options: { roster: string; biometrics?: string; photos?: string; signingKey: string; out: string; passphraseFile?: string; signingPassphraseFile?: string }) => {
      status = await (await import('./run-roster-pack')).runRosterPack(options);
    });

  program
    .command('eval')
    .description("run a corpus's posts/cases.json and report agreement with the expected verdicts")
    .requiredOption('--corpus <dir>', 'folder laid out like shared/corpus')
    .option('--biometrics <json>', BIOMETRICS_HELP)
    .option('--json', 'print the results as JSON')
    .action(async (options: { corpus: string; biometrics?: string; json?: boolean }) => {
      status = await (
        await import('./run-eval')
      ).runEval({ corpus: options.corpus, ...(options.biometrics === undefined ? {} : { biometrics: options.biometrics }), json: options.json === true });
    });

  program
    .command('sample')
    .description('check two sample posts against a sample roster built from photos an npm dependency ships')
    .action(async () => {
      status = await (await import('./run-sample')).runSample();
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (thrown) {
    if (thrown instanceof CommanderError) return thrown.exitCode === 0 ? 0 : EXIT_USAGE;
    throw thrown;
  }
  return status;
}
