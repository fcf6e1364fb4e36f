/** Hello world reading the user's data with aws-lite and its DynamoDB plugin. */
import awsLite from '@aws-lite/client';
import type {} from '@aws-lite/dynamodb-types';
import dynamoDb from '@aws-lite/dynamodb';
import { helloWorld, storeSettings } from './skill';

const { tableName, region, endpoint } = storeSettings();
// Credentials come from the environment; plugins are named, not looked for in node_modules, and no
// AWS config file is read.
const client = awsLite({ region, endpoint, plugins: [dynamoDb], autoloadPlugins: false, awsConfigFile: false });

export const handler = helloWorld({
  readUserData: async (input) => {
    const aws = await client;
    const { Item } = await aws.DynamoDB.GetItem({ TableName: tableName, Key: { id: input.requestEnvelope.context.System.user.userId } });
    return Item?.attributes as Record<string, unknown> | undefined;
  },
});
