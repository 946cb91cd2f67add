/**
 * Hello, Node.js: an OpenWhisk action, unchanged.
 *   funcdeskd invoke resources/examples/hello.js --param name=Ada
 */
function main(params) {
  const name = params.name || 'stranger';
  console.log(`greeting ${name}`);
  return { greeting: `Hello, ${name}!` };
}
