// @aws-lite/dynamodb ships no types for the plugin object itself (its methods' types are in
// @aws-lite/dynamodb-types); the client only needs to be handed it.
declare module '@aws-lite/dynamodb' {
  const plugin: object;
  export default plugin;
}
