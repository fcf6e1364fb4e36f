'use strict';
// What loading the DynamoDB client costs, once, in a fresh process: require the two packages (from
// node_modules, or the bundled aws-dynamodb.js when given its path) and build a document client.
// Prints milliseconds. Usage: requireDynamoDb.js [BUNDLED_FILE]
const started = performance.now();
const bundled = process.argv[2] ? require(process.argv[2]) : undefined;
const { DynamoDBClient } = bundled ? bundled['@aws-sdk/client-dynamodb'] : require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient } = bundled ? bundled['@aws-sdk/lib-dynamodb'] : require('@aws-sdk/lib-dynamodb');
DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
process.stdout.write(`${performance.now() - started}\n`);
