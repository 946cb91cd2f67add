/**
 * Module state lives as long as the warm process: run it several times in one process.
 *   funcdeskd invoke resources/examples/counter.js --repeat 3
 */
let calls = 0;

exports.main = async function (params) {
  calls += 1;
  await new Promise((resolve) => setTimeout(resolve, params.delayMs || 0));
  return { calls, pid: process.pid };
};
