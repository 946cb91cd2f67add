/**
 * A new function. OpenWhisk calls main() with the invocation's parameters merged
 * with the function's default parameters, and expects an object back (or a Promise
 * of one). console.log output appears in the activation's logs.
 */
function main(params) {
  const name = params.name || 'world';
  console.log(`greeting ${name}`);
  return { greeting: `Hello, ${name}!` };
}
