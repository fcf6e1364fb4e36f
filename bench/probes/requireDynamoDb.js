'use strict';
// What loading the DynamoDB client costs, once, in a fresh process: from node_modules, the SDK's
// document client; from the bundled aws-dynamodb.js when given its path, what the skill's store
// loads there (the SDK's request signer). Prints milliseconds. Usage: requireDynamoDb.js [BUNDLED_FILE]
const started = performance.now();
if (process.argv[2]) {
  const { SignatureV4 } = require(process.argv[2])['@smithy/signature-v4'];
  new SignatureV4({ service: 'dynamodb', region: 'eu-west-1', sha256: class {}, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
} else {
  const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
  const { DynamoDBDocumentClient } = require('@aws-sdk/lib-dynamodb');
  DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
}
process.stdout.write(`${performance.now() - started}\n`);
