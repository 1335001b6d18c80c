// Drives the unmodified soda-js client against a CivicData server and prints what it got back as one JSON object.
// Environment: SODA_BASE_URL (https://host:port; soda-js only speaks https), SODA_KEY_ID and SODA_KEY_SECRET (an API
// key allowed to publish), SODA_DATASET (a 4x4 with row identifier "code"). The server's certificate must be trusted,
// e.g. through NODE_EXTRA_CA_CERTS.
'use strict';

const soda = require('soda-js');

const base = new URL(process.env.SODA_BASE_URL);
if (base.protocol !== 'https:') {
  throw new Error('soda-js always connects with https; SODA_BASE_URL must be an https URL');
}

const site = base.host; // "127.0.0.1:43121": soda-js takes a domain with an optional port
const dataset = process.env.SODA_DATASET;
const auth = { username: process.env.SODA_KEY_ID, password: process.env.SODA_KEY_SECRET };

function settle(emitter) {
  return new Promise((resolve, reject) => {
    emitter.on('success', resolve);
    emitter.on('error', (error) => reject(new Error('soda-js reported an error: ' + JSON.stringify(error))));
  });
}

function query(consumer) {
  return consumer.query()
    .withDataset(dataset)
    .select('code', 'name', 'score')
    .where({ open: true })
    .where('score > 5')
    .order('code')
    .limit(10);
}

async function main() {
  const consumer = new soda.Consumer(site);
  const producer = new soda.Producer(site, auth);

  const url = query(consumer).getURL();
  const before = await settle(query(consumer).getRows());
  const upsert = await settle(producer.operation().withDataset(dataset).upsert([
    { code: 'A1', score: 12 },
    { code: 'D4', name: 'Delta', score: 40, open: true },
    { code: 'C3', ':deleted': true },
  ]));
  const after = await settle(query(consumer).getRows());
  const page = await settle(consumer.query().withDataset(dataset).order('code desc').offset(1).limit(2).getRows());

  process.stdout.write(JSON.stringify({ url, before, upsert, after, page }) + '\n');
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
