/** Hello world reading the user's data with the AWS SDK v3 document client. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { helloWorld, storeSettings } from './skill';

const { tableName } = storeSettings();
// Region, endpoint (AWS_ENDPOINT_URL_DYNAMODB) and credentials come from the environment.
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = helloWorld({
  readUserData: async (input) => {
    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: { id: input.requestEnvelope.context.System.user.userId } }));
    return Item?.attributes as Record<string, unknown> | undefined;
  },
});
