// @aws-lite/dynamodb ships its types in a separate package; the peer needs only that it is a plugin.
declare module '@aws-lite/dynamodb' {
  const plugin: object;
  export default plugin;
}
