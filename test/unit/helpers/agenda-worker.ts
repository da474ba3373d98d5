/**
 * A separate process that registers letters into an existing register, started at the same moment
 * as its twin: `node --import tsx agenda-worker.ts DATA_DIR COUNT USER_ID START_AT_MS`.
 */
import { openRegister } from '../../../electron/core/db/register';
import { registerLetter } from '../../../electron/core/services/letters';
import { LetterInputSchema } from '../../../shared/api/schemas';

async function main(): Promise<void> {
  const [dataDir, count, userId, startAt] = process.argv.slice(2);
  const db = await openRegister({ dataDir: dataDir as string });
  while (Date.now() < Number(startAt)) {
    // wait for the common start
  }
  const numbers: string[] = [];
  for (let i = 0; i < Number(count); i++) {
    const letter = registerLetter(
      db,
      LetterInputSchema.parse({
        senderName: `Pengirim proses ${process.pid}`,
        letterNumber: `${process.pid}/${i}`,
        letterDate: '2026-11-20',
        subject: `Surat uji serentak ${i}`,
        nature: 'biasa',
        classificationCode: '500.12',
        service: 'hosting',
      }),
      Number(userId),
      new Date(),
    );
    numbers.push(letter.agendaNumber);
  }
  db.close();
  process.stdout.write(JSON.stringify(numbers));
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
